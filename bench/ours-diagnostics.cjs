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
  const h = sel.get(variable).data;
  const [lines, pixels] = sel.get(variable).shape;
  let missing = 0;
  let empty = 0;
  for (let i = 0; i < lines; i++) {
    let m = 0;
    for (let j = 0; j < pixels; j++) if (h[i * pixels + j] !== h[i * pixels + j]) m++;
    missing += m;
    if (m === pixels) empty++;
  }
  console.log(JSON.stringify({ nanFraction: missing / h.length, emptyLines: empty / lines, seconds: [...times].sort((a, b) => a - b)[2], all: times, shape: sel.get(variable).shape }));
}
main().catch(e => {
  console.error(`${e.name}: ${e.message}`);
  process.exit(3);
});
