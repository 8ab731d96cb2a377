# ---
# name: Statistics and the mean over a store with xarray
# description: Count, mean, std, RMS, min and max of a variable over a Zarr store (dask reads it chunk by chunk), good quality only, over the selected cycles, passes and period, in total and pass by pass.
# tags: [statistics, mean, zarr, xarray, dask]
# ---
import numpy as np
import pandas as pd
import xarray as xr

ds = xr.open_zarr({{store}})
variable = {{variable}}
cycles, passes, time = {{cycles}}, {{passes}}, {{time}}

keep = np.ones(ds.sizes["num_lines"], dtype=bool)
if cycles is not None:
    keep &= np.isin(ds["cycle_number"].values, list(cycles))
if passes is not None:
    keep &= np.isin(ds["pass_number"].values, list(passes))
if time is not None:
    t = ds["time"].values
    keep &= (t >= np.datetime64(time[0] or "1970-01-01")) & (t <= np.datetime64(time[1] or "2100-01-01"))
ds = ds.isel(num_lines=np.flatnonzero(keep))
da = ds[variable].where(ds["quality_flag"] == 0) if "quality_flag" in ds else ds[variable]

total = pd.Series({"count": int(da.count()), "mean": float(da.mean()), "std": float(da.std()),
                   "rms": float(np.sqrt((da ** 2).mean())), "min": float(da.min()), "max": float(da.max())})
print(f"{variable} over {ds.sizes['num_lines']:,} lines of {ds.encoding.get('source', 'the store')}:")
print(total.to_string())

# Pass by pass, from the sums per line (one pass over the data).
lines = pd.DataFrame({"cycle": ds["cycle_number"].values, "pass": ds["pass_number"].values,
                      "count": da.count("num_pixels").values, "sum": da.sum("num_pixels").values,
                      "sum2": (da ** 2).sum("num_pixels").values})
by_pass = lines.groupby(["cycle", "pass"])[["count", "sum", "sum2"]].sum()
by_pass["mean"] = by_pass["sum"] / by_pass["count"]
by_pass["rms"] = np.sqrt(by_pass["sum2"] / by_pass["count"])
by_pass[["count", "mean", "rms"]]
