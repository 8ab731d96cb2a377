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
    t0 = time.perf_counter()
    if kind == "zarr":
        ds = xr.open_zarr(target)
    else:
        files = sorted(str(p) for p in pathlib.Path(target).rglob("*.nc"))
        ds = xr.open_mfdataset(files, combine="nested", concat_dim="num_lines", parallel=True, data_vars="minimal", coords="minimal", compat="override")
    values = ds[variable]
    mean = float(values.mean().compute())
    count = int(values.count().compute())
    seconds = time.perf_counter() - t0
    ds.close()
    print(json.dumps({"seconds": seconds, "mean": mean, "count": count, "rssMB": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e3}))


if __name__ == "__main__":
    main()
