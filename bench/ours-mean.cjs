// Time the kernel library: open TARGET, stream VARIABLE, NaN-aware mean.
//   node bench/ours-mean.cjs TARGET VARIABLE
const swot = require('jupyterlab-swot/kernel');

async function main() {
  const [target, variable] = process.argv.slice(2);
  const t0 = process.hrtime.bigint();
  const ds = await swot.open(target);
  const { mean, count } = await swot.mean(ds, variable);
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  ds.close();
  console.log(JSON.stringify({ seconds, mean, count, rssMB: process.memoryUsage().rss / 1e6 }));
}
main().catch(e => {
  console.error(`${e.name}: ${e.message}`);
  process.exit(3);
});
