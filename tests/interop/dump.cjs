// Decode every variable of a dataset with the kernel library and write the
// values for the Python side to compare with xarray:
//   node tests/interop/dump.cjs TARGET OUTDIR [--group NAME] [--lines A:B[,C:D...]]
// --lines restricts variables whose first dimension is num_lines to those line
// ranges (concatenated), to keep big stores cheap while crossing chunk and pass
// boundaries. OUTDIR/index.json lists variables (name, dims, shape, dtype,
// isTime, file); OUTDIR/<i>.f64 holds decoded values as little-endian float64
// (time variables: Unix epoch milliseconds). Text variables are listed only.
const fs = require('fs');
const path = require('path');
const swot = require('jupyterlab-swot/kernel');

function option(name) {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
}

async function main() {
  const [target, out] = process.argv.slice(2);
  const group = option('--group');
  const lines = option('--lines')?.split(',').map(r => r.split(':').map(Number));
  const ds = await swot.open(target);
  fs.mkdirSync(out, { recursive: true });
  const prefix = group ? `${group}/` : '';
  const info = group ? ds.groups.find(g => g.path.replace(/^\//, '') === group) : ds;
  const index = [];
  for (const [i, v] of info.variables.entries()) {
    const entry = { name: v.name, dims: v.dims, dtype: v.dtype };
    if (v.dtype === 'string') {
      index.push(entry);
      continue;
    }
    const ranges = lines && v.dims[0] === 'num_lines' ? lines : [null];
    const parts = [];
    let shape;
    for (const r of ranges) {
      const decoded = await ds.read(prefix + v.name, r ? [r] : undefined);
      parts.push(Float64Array.from(decoded.data, Number));
      shape = decoded.shape.slice();
      entry.isTime = !!decoded.isTime;
    }
    shape[0] = v.dims.length > 0 && ranges[0] ? ranges.reduce((n, [a, b]) => n + b - a, 0) : shape[0];
    const all = new Float64Array(parts.reduce((n, p) => n + p.length, 0));
    parts.reduce((o, p) => (all.set(p, o), o + p.length), 0);
    entry.shape = shape;
    entry.file = `${i}.f64`;
    fs.writeFileSync(path.join(out, entry.file), Buffer.from(all.buffer));
    index.push(entry);
  }
  fs.writeFileSync(path.join(out, 'index.json'), JSON.stringify({ dims: info.dims, variables: index }, null, 1));
  ds.close();
}

main().catch(error => {
  console.error(`${error.name}: ${error.message}`);
  process.exit(3);
});
