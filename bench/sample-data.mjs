// The sample-data generator's targets (issue 8): wall time of a forced regeneration into a
// temporary folder, size on disk, SSHA std and 5-95 % range over every L3 pass.
//   node bench/sample-data.mjs           prints the Markdown section
// Used by bench/run.mjs (`npm run bench`, or `node bench/run.mjs --only sample-data`).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(import.meta.dirname, '..');
const PYTHON = join(process.env.SWOT_VENV ?? join(ROOT, '.venv'), 'bin', 'python');
export const SECTION_TITLE = '## Sample data: generator time, size, SSHA variability (issue 8)';

// SSHA (ssha_filtered, every valid value of every L3 netCDF granule) and the size on disk of the tree.
const STATS = `
import json, pathlib, sys
import netCDF4, numpy as np
out = pathlib.Path(sys.argv[1])
manifest = json.loads((out / "manifest.json").read_text())
values = []
for p in manifest["products"]:
    if p["level"] != "L3":
        continue
    with netCDF4.Dataset(out / p["path"]) as ds:
        h = ds["ssha_filtered"][...]
    values.append(np.ma.compressed(h).astype(np.float64))
v = np.concatenate(values)
p5, p95 = np.percentile(v, [5, 95])
disk = sum(f.stat().st_blocks * 512 for f in out.rglob("*") if f.is_file())
apparent = sum(f.stat().st_size for f in out.rglob("*") if f.is_file())
parts = {}
for f in out.rglob("*"):
    if f.is_file():
        rel = f.relative_to(out).parts
        key = "/".join(rel[:3]) if rel[0] == "netcdf" else "/".join(rel[:2]) if len(rel) > 1 else rel[0]
        parts[key] = parts.get(key, 0) + f.stat().st_blocks * 512
print(json.dumps({"granules": len(values), "count": int(v.size), "std": float(v.std()), "p5": float(p5),
                  "p95": float(p95), "disk": disk, "apparent": apparent, "parts": parts,
                  "version": manifest["generator"]["version"]}))
`;

// Runs a command; prints its output, then {seconds, cpu} (wall time around it, CPU of it and its workers).
const TIMED = `
import json, resource, subprocess, sys, time
t = time.perf_counter()
r = subprocess.run(sys.argv[1:], capture_output=True, text=True)
seconds = time.perf_counter() - t
sys.stderr.write(r.stderr)
if r.returncode:
    sys.exit(r.returncode)
ru = resource.getrusage(resource.RUSAGE_CHILDREN)
print(r.stdout.strip())
print(json.dumps({"seconds": seconds, "cpu": ru.ru_utime + ru.ru_stime}))
`;

export function measure() {
  const dir = mkdtempSync(join(tmpdir(), 'swot-sample-bench-'));
  const out = join(dir, 'sample');
  try {
    const loadBefore = execFileSync('cat', ['/proc/loadavg'], { encoding: 'utf8' }).split(' ').slice(0, 3).join(' ');
    const lines = execFileSync(PYTHON, ['-c', TIMED, PYTHON, 'tools/generate_sample_data.py', '--out', out, '--force'], { cwd: ROOT, encoding: 'utf8' })
      .trim()
      .split('\n');
    const { seconds, cpu } = JSON.parse(lines.pop());
    const log = lines.join('\n');
    const load = execFileSync('cat', ['/proc/loadavg'], { encoding: 'utf8' }).split(' ').slice(0, 3).join(' ');
    const stats = JSON.parse(execFileSync(PYTHON, ['-c', STATS, out], { cwd: ROOT, encoding: 'utf8' }).trim().split('\n').pop());
    return { seconds, cpu, log: log.trim(), load, loadBefore, ...stats };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function toMarkdown(r, command = 'node bench/sample-data.mjs') {
  const mb = b => `${(b / 1e6).toFixed(0)} MB`;
  const ok = (cond) => (cond ? 'yes' : 'NO');
  const parts = Object.entries(r.parts).sort((a, b) => b[1] - a[1]).map(([k, v]) => `\`${k}\` ${mb(v)}`).join(', ');
  return [
    SECTION_TITLE,
    '',
    `\`python tools/generate_sample_data.py --out <temporary folder> --force\` (generator ${r.version}), one run, wall time measured around the command by \`${command}\` (bench/sample-data.mjs); load average of the shared machine (1, 5, 15 min) ${r.loadBefore} before and ${r.load} after the run: the wall time depends on what else runs on the 2 cores (the CPU time is the stable figure). SSHA = \`ssha_filtered\`, every valid value of the ${r.granules} L3 netCDF granules (${r.count} values); size on disk = allocated blocks of every file of the output.`,
    '',
    '| | measured | target | met |',
    '|---|---|---|---|',
    `| generation wall time | ${r.seconds.toFixed(1)} s (CPU ${r.cpu.toFixed(0)} s over 2 worker processes) | <= 60 s | ${ok(r.seconds <= 60)} |`,
    `| size on disk | ${mb(r.disk)} (apparent ${mb(r.apparent)}) | <= 400 MB | ${ok(r.disk <= 400e6)} |`,
    `| SSHA standard deviation | ${(r.std * 100).toFixed(1)} cm | >= 4 cm | ${ok(r.std >= 0.04)} |`,
    `| SSHA 5-95 % range | ${(r.p5 * 100).toFixed(1)} .. ${(r.p95 * 100).toFixed(1)} cm (${((r.p95 - r.p5) * 100).toFixed(1)} cm) | (was 0.0 cm) | |`,
    '',
    `By part: ${parts}.`,
    '',
    `Generator's own report: \`${r.log.split('\n').pop().replace(/^.*?: /, '')}\`.`
  ].join('\n');
}

export function sampleDataSection(command) {
  return toMarkdown(measure(), command);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  console.log(sampleDataSection());
}
