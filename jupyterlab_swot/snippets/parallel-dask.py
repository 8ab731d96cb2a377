# ---
# name: Parallel processing with Dask (LocalCluster)
# description: A Dask cluster on this machine computes, chunk by chunk in parallel, the mean and RMS of a variable pass by pass over the selection (good quality). parallel-pbs is the same code on PBS jobs of the CNES HPC.
# tags: [parallel, dask, statistics]
# ---
import time

from dask.distributed import Client

# -- cluster: the only part that differs from the PBS variant --
from dask.distributed import LocalCluster

# Threads: netCDF/Zarr decoding and numpy release the GIL (processes=True for pure-Python work).
cluster = LocalCluster(n_workers=2, threads_per_worker=2, processes=False)
# -- end of cluster --
client = Client(cluster)
print(client)

{{open}}
import dask
import pandas as pd

variable = {{variable}}
da = ds[variable].where(ds["quality_flag"] == 0) if "quality_flag" in ds else ds[variable]
da = da.chunk({"num_lines": 4000})
t0 = time.perf_counter()
count, total, squares = dask.compute(da.count("num_pixels"), da.sum("num_pixels"), (da ** 2).sum("num_pixels"))
lines = pd.DataFrame({"cycle": ds["cycle_number"].values, "pass": ds["pass_number"].values,
                      "count": count.values, "sum": total.values, "sum2": squares.values})
by_pass = lines.groupby(["cycle", "pass"])[["count", "sum", "sum2"]].sum()
by_pass["mean"] = by_pass["sum"] / by_pass["count"]
by_pass["rms"] = np.sqrt(by_pass["sum2"] / by_pass["count"])
print(f"{int(by_pass['count'].sum()):,} values of {variable} reduced on {len(client.scheduler_info()['workers'])} workers in {time.perf_counter() - t0:.1f} s")
client.close()
cluster.close()
by_pass[["count", "mean", "rms"]]
