"""Time xarray (+dask) on the same task: open, read one variable of all passes, NaN-aware mean.

    python bench/xarray_mean.py zarr|netcdf TARGET VARIABLE
"""
import json
import pathlib
import resource
import sys
import time

import xarray as xr


def main() -> None:
    kind, target, variable = sys.argv[1:4]
    # open_mfdataset(parallel=True) segfaults here in netCDF4/HDF5 (threads); the default is used.
    t0 = time.perf_counter()
    if kind == "zarr":
        ds = xr.open_zarr(target)
    else:
        files = sorted(str(p) for p in pathlib.Path(target).rglob("*.nc"))
        # Nadir-indexed variables (L3 num_nadir) differ in length from pass to pass: drop them, as the
        # kernel library's collections do, so that passes stack along num_lines.
        ds = xr.open_mfdataset(
            files,
            combine="nested",
            concat_dim="num_lines",
            data_vars="minimal",
            coords="minimal",
            compat="override",
            preprocess=lambda d: d.drop_dims([n for n in ("num_nadir",) if n in d.dims]),
        )
    values = ds[variable]
    mean = float(values.mean().compute())
    count = int(values.count().compute())
    seconds = time.perf_counter() - t0
    ds.close()
    print(json.dumps({"seconds": seconds, "mean": mean, "count": count, "rssMB": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e3}))


if __name__ == "__main__":
    main()
