// Print the "open this selection" snippets of the core (src/core/snippets) for
// the selections read as JSON from standard input:
//   echo '[{"selection": {...}, "language": "python"}, ...]' | node tests/snippets/open-selection.cjs
// writes a JSON list of the snippets. src/core has no compiled Node build, so
// the module is bundled with esbuild into a temporary CommonJS file first.
const fs = require('fs');
const os = require('os');
const path = require('path');
const { buildSync } = require('esbuild');

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'swot-snippets-'));
try {
  const outfile = path.join(tmp, 'snippets.cjs');
  buildSync({
    entryPoints: [path.join(__dirname, '..', '..', 'src', 'core', 'snippets', 'index.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    outfile,
    logLevel: 'warning'
  });
  const { openSelectionSnippet } = require(outfile);
  const jobs = JSON.parse(fs.readFileSync(0, 'utf8'));
  process.stdout.write(JSON.stringify(jobs.map(job => openSelectionSnippet(job.selection, job.language))));
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
}
