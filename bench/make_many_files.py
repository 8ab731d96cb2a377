"""Split the sample L3 Zarr store into many small netCDF4 files (same variables and
encodings, ~the size of a granule's segment) for the "many small files" case.

    python bench/make_many_files.py STORE.zarr OUTDIR LINES_PER_FILE
"""
import json
import pathlib
import sys

import warnings

import xarray as xr

# lat/lon have no fill value in the products: expected, silence the per-file warning.
warnings.filterwarnings("ignore", category=xr.SerializationWarning)

KEEP = ("dtype", "scale_factor", "add_offset", "_FillValue", "units", "calendar")


def main() -> None:
    store, out, lines = sys.argv[1], pathlib.Path(sys.argv[2]), int(sys.argv[3])
    stamp = out / "done.json"
    if stamp.exists() and json.loads(stamp.read_text()) == {"store": store, "lines": lines}:
        print(json.dumps({"files": len(list(out.glob("*.nc"))), "cached": True}))
        return
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob("*.nc"):
        old.unlink()
    ds = xr.open_zarr(store)
    n = ds.sizes["num_lines"]
    count = 0
    for start in range(0, n, lines):
        part = ds.isel(num_lines=slice(start, min(n, start + lines))).load()
        encoding = {}
        for name, var in part.variables.items():
            enc = {k: v for k, v in var.encoding.items() if k in KEEP}
            if var.ndim > 0 and var.dtype.kind in "iuf":
                enc.update(zlib=True, complevel=5, shuffle=True)
            encoding[name] = enc
        part.to_netcdf(out / f"part_{count:05d}.nc", encoding=encoding, format="NETCDF4")
        count += 1
    stamp.write_text(json.dumps({"store": store, "lines": lines}))
    print(json.dumps({"files": count, "cached": False}))


if __name__ == "__main__":
    main()
