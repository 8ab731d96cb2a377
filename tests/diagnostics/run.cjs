// Run the TypeScript diagnostics, statistics and spectra on float64 inputs:
//   node tests/diagnostics/run.cjs DIR
// DIR/job.json says what to compute and names the input files (raw
// little-endian float64, C order); results are written to DIR as *.f64.
// src/core has no compiled Node build, so entry.ts is bundled with esbuild
// into a temporary CommonJS file first.
const fs = require('fs');
const os = require('os');
const path = require('path');
const { buildSync } = require('esbuild');

const dir = process.argv[2];
if (!dir) {
  console.error('usage: node tests/diagnostics/run.cjs DIR');
  process.exit(2);
}
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'swot-diagnostics-'));
try {
  const outfile = path.join(tmp, 'entry.cjs');
  buildSync({
    entryPoints: [path.join(__dirname, 'entry.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    outfile,
    logLevel: 'warning'
  });
  require(outfile).main(dir);
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
}
