// ---
// name: Open SWOT data
// description: Open the selection (pass files, a folder of the AVISO tree, a Zarr store or a zcollection) with the kernel library; print its structure and what it holds.
// tags: [open, netcdf, zarr, zcollection]
// ---
import * as swot from "jupyterlab-swot/kernel";

// Several files or a folder become one collection stacked along num_lines, with cycle_number and pass_number per line.
const ds = await swot.open({{target}}, { subset: {{subset}} });
console.log(ds.toString());
({ dims: ds.dims, product: ds.product })
