// Time swot.stats (streamed count/mean/std/min/max) over every pass of TARGET with N workers.
//   node bench/ours-stats.cjs TARGET VARIABLE WORKERS
const swot = require('jupyterlab-swot/kernel');

async function main() {
  const [target, variable, workers] = process.argv.slice(2);
  const t0 = process.hrtime.bigint();
  const ds = await swot.open(target);
  const s = await swot.stats(ds, variable, { workers: Number(workers) });
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  ds.close();
  console.log(JSON.stringify({ seconds, mean: s.total.mean, count: s.total.count }));
}
main().catch(e => {
  console.error(`${e.name}: ${e.message}`);
  process.exit(3);
});
