// Decode every variable of a dataset with the kernel library and write the
// values for the Python side to compare with xarray:
//   node tests/interop/dump.cjs TARGET OUTDIR [--group NAME]
// OUTDIR/index.json lists variables (name, dims, shape, isTime, file);
// OUTDIR/<i>.f64 holds the decoded values as little-endian float64
// (time variables: Unix epoch milliseconds).
const fs = require('fs');
const path = require('path');
const swot = require('jupyterlab-swot/kernel');

async function main() {
  const [target, out, flag, group] = process.argv.slice(2);
  const ds = await swot.open(target);
  fs.mkdirSync(out, { recursive: true });
  const prefix = flag === '--group' && group ? `${group}/` : '';
  const info = prefix ? ds.groups.find(g => g.path.replace(/^\//, '') === group) : ds;
  const index = [];
  for (const [i, v] of info.variables.entries()) {
    const decoded = await ds.read(prefix + v.name);
    const values = Float64Array.from(decoded.data, Number);
    const file = `${i}.f64`;
    fs.writeFileSync(path.join(out, file), Buffer.from(values.buffer));
    index.push({ name: v.name, dims: decoded.dims, shape: decoded.shape, isTime: !!decoded.isTime, file });
  }
  fs.writeFileSync(path.join(out, 'index.json'), JSON.stringify({ dims: info.dims, variables: index }, null, 1));
  ds.close();
}

main().catch(error => {
  console.error(`${error.name}: ${error.message}`);
  process.exit(3);
});
