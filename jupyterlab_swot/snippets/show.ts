// ---
// name: Show a swath
// description: Draw the selected passes of a variable on a map (good quality, a symmetric colour scale from the 2nd-98th percentiles, coastlines), in the notebook's SWOT swath view with a static PNG.
// tags: [show, map, plot]
// ---
import * as swot from "jupyterlab-swot/kernel";

const ds = await swot.open({{target}}, { subset: {{subset}} });
const variable = {{variable}};
const sel = await ds.select({
  variables: [variable],
  cycles: {{cycles}},
  passes: {{passes}},
  bbox: {{bbox}},
  time: {{time}},
  quality: "good",
});
await swot.show(sel, variable, { cmap: "balance", clim: { percentile: [2, 98] }, symmetric: true, coastlines: true, title: `${variable} (good quality)` })
