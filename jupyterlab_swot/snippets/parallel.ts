// ---
// name: Parallel reductions on worker threads
// description: Statistics pass by pass and a 1-degree mean map of a whole Zarr store, each split over worker threads that read their share of lines; the timings show what the threads buy.
// tags: [parallel, workers, statistics, map]
// ---
import * as swot from "jupyterlab-swot/kernel";
import { cpus } from "node:os";

const ds = await swot.open({{store}});
const variable = {{variable}};
const workers = Math.max(2, Math.min(4, cpus().length));

let t0 = Date.now();
const s = await swot.stats(ds, variable, { by: "pass", workers });
console.log(`stats of ${s.total.count.toLocaleString("en")} values on ${workers} threads: ${Date.now() - t0} ms`);

t0 = Date.now();
const grid = { lonMin: -180, lonMax: 180, latMin: -80, latMax: 80, lonStep: 1, convention: "[-180, 180)" as const };
const m = await swot.meanMap(ds, variable, grid, { workers, query: { cycles: {{cycles}}, passes: {{passes}}, time: {{time}} } });
let cells = 0;
m.mean.forEach(x => { if (!Number.isNaN(x)) cells++; });
console.log(`mean map: ${cells} cells of 1 degree filled, on ${workers} threads: ${Date.now() - t0} ms`);
({ passes: s.passes?.length, mean: s.total.mean, cells })
