// ---
// name: Statistics and the mean over a store
// description: The mean of a variable over a whole Zarr store, streamed chunk by chunk in bounded memory, then count, mean, std, RMS, min and max pass by pass over the selected lines, good quality only.
// tags: [statistics, mean, zarr]
// ---
import * as swot from "jupyterlab-swot/kernel";

const ds = await swot.open({{store}});
const variable = {{variable}};
const all = await swot.mean(ds, variable);
console.log(`${variable}: mean ${all.mean.toFixed(4)} over ${all.count.toLocaleString("en")} values of ${ds.source}`);

const s = await swot.stats(ds, variable, {
  by: "pass",
  query: { cycles: {{cycles}}, passes: {{passes}}, bbox: {{bbox}}, time: {{time}} },
  quality: "good",
});
console.table((s.passes ?? []).map(p => ({ cycle: p.cycle, pass: p.pass, count: p.count, mean: +p.mean.toFixed(4), std: +p.std.toFixed(4), rms: +p.rms.toFixed(4) })));
s.total
