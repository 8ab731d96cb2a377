// Time the kernel library's diagnostics (u, v, zeta/f, strain, Okubo-Weiss) on one full
// pass, compute only (the pass is read first), median of 5; writes the fields for comparison.
//   node bench/ours-diagnostics.cjs FILE.nc VARIABLE OUTDIR
const fs = require('fs');
const path = require('path');
const swot = require('jupyterlab-swot/kernel');

async function main() {
  const [file, variable, out] = process.argv.slice(2);
  const ds = await swot.open(file);
  const sel = await ds.select({ variables: [variable] });
  const what = ['u', 'v', 'vorticity', 'strain', 'okubo_weiss'];
  const times = [];
  let result;
  for (let i = 0; i < 5; i++) {
    const t0 = process.hrtime.bigint();
    result = await swot.diagnostics(sel, { variable, what });
    times.push(Number(process.hrtime.bigint() - t0) / 1e9);
  }
  fs.mkdirSync(out, { recursive: true });
  for (const name of what) {
    fs.writeFileSync(path.join(out, `${name}.f64`), Buffer.from(Float64Array.from(result.get(name).data).buffer));
  }
  console.log(JSON.stringify({ seconds: [...times].sort((a, b) => a - b)[2], all: times, shape: sel.get(variable).shape }));
}
main().catch(e => {
  console.error(`${e.name}: ${e.message}`);
  process.exit(3);
});
