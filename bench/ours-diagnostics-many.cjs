// Time the kernel library's diagnostics of every sample L3 pass (a selection in memory),
// in one thread and in worker threads (whole passes per thread), median of 3 in one
// process; checks that both give the same bits.
//   node bench/ours-diagnostics-many.cjs FOLDER VARIABLE WORKERS
const swot = require('jupyterlab-swot/kernel');

async function main() {
  const [folder, variable, workers] = process.argv.slice(2);
  const ds = await swot.open(folder);
  const sel = await ds.select({ variables: [variable] });
  const what = ['u', 'v', 'vorticity', 'strain', 'okubo_weiss'];
  const time = async n => {
    const ts = [];
    let result;
    for (let i = 0; i < 3; i++) {
      const t0 = process.hrtime.bigint();
      result = await swot.diagnostics(sel, { variable, what, workers: n });
      ts.push(Number(process.hrtime.bigint() - t0) / 1e9);
    }
    return { seconds: ts.sort((a, b) => a - b)[1], result };
  };
  const one = await time(1);
  const many = await time(Number(workers));
  const same = what.every(w => Buffer.from(one.result.get(w).data.buffer).equals(Buffer.from(many.result.get(w).data.buffer)));
  const passes = new Set(Array.from(sel.get('pass_number').data, (p, i) => `${sel.get('cycle_number').data[i]}/${p}`)).size;
  console.log(JSON.stringify({ one: one.seconds, many: many.seconds, workers: Number(workers), same, passes, shape: sel.get(variable).shape }));
  ds.close();
}
main().catch(e => {
  console.error(`${e.name}: ${e.message}`);
  process.exit(3);
});
