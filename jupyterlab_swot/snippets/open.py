# ---
# name: Open SWOT data with xarray
# description: Open the selection with xarray (open_dataset or open_mfdataset of the pass files with cycle and pass per line, open_zarr for a store, a zcollection partition by partition) and keep the chosen variables.
# tags: [open, netcdf, zarr, zcollection, xarray]
# ---
{{open}}

variables = {{variables}}
if variables:  # the chosen variables, with the coordinates and the cycle and pass of each line
    ds = ds[[v for v in variables + ["latitude", "longitude", "time", "cycle_number", "pass_number"] if v in ds]]
print(f"{ds.sizes['num_lines']:,} lines of {ds.sizes['num_pixels']} pixels, {len(ds.data_vars)} variables")
ds
