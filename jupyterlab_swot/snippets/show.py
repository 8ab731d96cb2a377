# ---
# name: Show a swath with matplotlib
# description: Draw the selected passes of a variable on a lon/lat map with matplotlib pcolormesh (good quality, symmetric colour scale from the 2nd-98th percentiles), one mesh per pass.
# tags: [show, map, plot, matplotlib]
# ---
{{open}}
import matplotlib.pyplot as plt
import pandas as pd

variable = {{variable}}
da = ds[variable].where(ds["quality_flag"] == 0) if "quality_flag" in ds else ds[variable]
key = ds["cycle_number"].values.astype(int) * 1000 + ds["pass_number"].values.astype(int)
step = max(1, ds.sizes["num_lines"] // 20000)  # at most ~20,000 lines drawn
values, lon, lat = da.values, ds["longitude"].values, ds["latitude"].values
limit = float(np.nanpercentile(np.abs(values[::step]), 98))

fig, ax = plt.subplots(figsize=(9, 5))
for k in pd.unique(key):
    lines = np.flatnonzero(key == k)[::step]
    x = lon[lines]
    # One longitude convention per pass, the one without a jump inside it.
    x = np.where(x > 180, x - 360, x) if np.ptp(np.where(x > 180, x - 360, x)) < np.ptp(x) else x
    mesh = ax.pcolormesh(x, lat[lines], values[lines], cmap="RdBu_r", vmin=-limit, vmax=limit, shading="nearest")
fig.colorbar(mesh, ax=ax, label=f"{variable} [{da.attrs.get('units', '')}]")
ax.set(xlabel="longitude", ylabel="latitude", title=f"{variable}: {len(pd.unique(key))} passes, good quality")
print(f"{len(pd.unique(key))} passes drawn, colour limits ±{limit:.3f} {da.attrs.get('units', '')}")
plt.show()
