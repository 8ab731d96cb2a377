# ---
# name: Parallel processing with Dask on the CNES HPC (PBS jobs)
# description: The Dask LocalCluster snippet (parallel-dask) run on PBS batch jobs of the CNES HPC with dask-jobqueue's PBSCluster: only the cluster differs. It needs the HPC's PBS and dask-jobqueue, so the tests only compile it here.
# tags: [parallel, dask, hpc, pbs, cnes]
# runs: hpc
# ---
import time

from dask.distributed import Client

# -- cluster: the only part that differs from the PBS variant --
from dask_jobqueue import PBSCluster

# Each PBS job is one Dask worker of 4 cores; adapt memory, walltime and (if your project needs one) account to your allocation.
cluster = PBSCluster(cores=4, memory="16GB", processes=1, walltime="01:00:00",
                     resource_spec="select=1:ncpus=4:mem=16gb")
cluster.scale(jobs=4)  # or cluster.adapt(minimum_jobs=1, maximum_jobs=10)
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
