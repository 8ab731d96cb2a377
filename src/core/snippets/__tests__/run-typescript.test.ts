/**
 * Every shipped TypeScript snippet, filled as the lab inserts it (no
 * selection: the sample defaults; and a realistic selection), runs in Node
 * against the sample data with the built kernel library, as a tslab cell
 * would (top-level await; its last line is the shown value), and prints numbers.
 */
import { transformSync } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fillSnippet, parseSnippet, Snippet } from '../template';
import type { SnippetSelection } from '../open-selection';

const ROOT = resolve(__dirname, '../../../..');
const SAMPLE = join(ROOT, 'data/sample');
const LIBRARY = join(ROOT, 'jupyterlab_swot/snippets');

/** The Gulf Stream on pass 242 of cycles 24-25 in the Zarr store, with a period. */
const SELECTION: SnippetSelection = {
  product: 'L3_LR_SSH',
  format: 'zarr',
  root: join(SAMPLE, 'zarr/L3_LR_SSH_Expert.zarr'),
  cycles: { from: 24, to: 25 },
  passes: [242],
  bbox: [-75, 30, -60, 42],
  start: '2024-11-01',
  end: '2024-12-31',
  variables: ['ssha_filtered']
};

/** What each snippet's output must show (stdout and the shown value). */
const EXPECT: Record<string, RegExp> = {
  open: /"num_lines":\s*\d+/,
  extract: /ssha_filtered: [\d,]+ good values of [\d,]+ on \d+ lines/,
  stats: /mean -?\d+\.\d{4} over [\d,]+ values[\s\S]*"rms":/,
  diagnostics: /okubo_weiss[\s\S]*vorticity|vorticity[\s\S]*okubo_weiss/,
  spectrum: /\d+ segments; slope between 70 and 250 km: -\d+\.\d\d/,
  show: /image\/png/,
  parallel: /mean map: \d+ cells of 1 degree filled/
};

function shipped(): Snippet[] {
  return readdirSync(LIBRARY)
    .filter(f => f.endsWith('.ts'))
    .sort()
    .map(f => parseSnippet(readFileSync(join(LIBRARY, f), 'utf8'), f));
}

/** A cell as an ES module that reports its console output and its last line's value. */
function asModule(key: string, code: string): string {
  const lines = code.trimEnd().split('\n');
  const last = lines.pop()!;
  return `${lines.join('\n')}\nglobalThis.__report(${JSON.stringify(key)}, (${last}));\n`;
}

const RUNNER = `
const out = [];
let log = [];
for (const name of ['log', 'table', 'info']) {
  console[name] = (...args) => log.push(args.map(a => typeof a === 'string' ? a : JSON.stringify(a)).join(' '));
}
globalThis.__report = (key, value) => {
  // A display bundle (show()): its text and its media types.
  if (value && typeof value['text/plain'] === 'string') {
    out.push({ key, log: log.join('\\n').slice(0, 4000), shown: value['text/plain'], mime: Object.keys(value) });
    log = [];
    return;
  }
  const shown = value === undefined ? '' : typeof value.toString === 'function' && value.toString !== Object.prototype.toString ? String(value) : JSON.stringify(value);
  out.push({ key, log: log.join('\\n').slice(0, 4000), shown: shown.slice(0, 2000), mime: [] });
  log = [];
};
const files = JSON.parse(process.argv[2]);
for (const [key, file] of files) {
  const t0 = Date.now();
  try {
    await import(file);
    out[out.length - 1].ms = Date.now() - t0;
  } catch (error) {
    out.push({ key, error: String(error && error.stack || error) });
    log = [];
  }
}
process.stdout.write(JSON.stringify(out));
`;

describe('the shipped TypeScript snippets', () => {
  const snippets = shipped();
  beforeAll(() => mkdirSync(join(ROOT, 'build'), { recursive: true }));

  it('cover the subjects the issue names, each with an expected output', () => {
    expect(snippets.map(s => s.id).sort()).toEqual(Object.keys(EXPECT).sort());
    for (const s of snippets) {
      expect(s.language).toBe('typescript');
      expect(s.description.length).toBeGreaterThan(40);
    }
  });

  it('type-check as tslab compiles a cell (its options: ES modules, Node10 resolution, not strict)', () => {
    const work = mkdtempSync(join(ROOT, 'build', 'ts-check-'));
    try {
      for (const s of snippets) {
        writeFileSync(join(work, `${s.id}-sample.ts`), fillSnippet(s.template, 'typescript', undefined, { sample: SAMPLE }));
        writeFileSync(join(work, `${s.id}-selection.ts`), fillSnippet(s.template, 'typescript', SELECTION, { sample: SAMPLE }));
      }
      const compilerOptions = {
        module: 'ESNext', moduleResolution: 'Node10', esModuleInterop: true, target: 'ES2022', lib: ['ES2022'], noEmit: true, skipLibCheck: true,
        types: ['node'], typeRoots: [join(ROOT, 'node_modules/@types')], baseUrl: '.', paths: { 'jupyterlab-swot/kernel': [join(ROOT, 'src/kernel/index.ts')] }
      };
      writeFileSync(join(work, 'tsconfig.json'), JSON.stringify({ compilerOptions, include: ['*.ts'] }));
      const result = spawnSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', join(work, 'tsconfig.json')], { encoding: 'utf8' });
      expect(result.stdout.split('\n').filter(l => l.includes('-sample.ts') || l.includes('-selection.ts'))).toEqual([]);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  }, 60_000);

  it('run as inserted on the sample data, with no selection and with a selection', () => {
    if (!existsSync(join(ROOT, 'dist/kernel.cjs')) || !existsSync(join(ROOT, 'dist/reduce-worker.cjs'))) {
      throw new Error('dist/kernel.cjs is missing: run "npm run build:kernel" first');
    }
    if (!existsSync(SAMPLE)) {
      throw new Error(`${SAMPLE} is missing: run tools/generate_sample_data.py`);
    }
    mkdirSync(join(ROOT, 'build'), { recursive: true });
    // Inside the repository, so that "jupyterlab-swot/kernel" resolves as in a notebook next to the package.
    const work = mkdtempSync(join(ROOT, 'build', 'ts-snippets-'));
    try {
      const jobs: Array<[string, string]> = [];
      for (const s of snippets) {
        for (const [how, selection] of [['sample', undefined], ['selection', SELECTION]] as const) {
          const code = fillSnippet(s.template, 'typescript', selection, { sample: SAMPLE });
          expect(code).not.toMatch(/\{\{|\}\}/);
          const key = `${s.id}/${how}`;
          const file = join(work, `${s.id}-${how}.mjs`);
          writeFileSync(file, transformSync(asModule(key, code), { loader: 'ts', format: 'esm' }).code);
          jobs.push([key, file]);
        }
      }
      const runner = join(work, 'run.mjs');
      writeFileSync(runner, RUNNER);
      const result = spawnSync(process.execPath, [runner, JSON.stringify(jobs)], { encoding: 'utf8', cwd: work, timeout: 110_000 });
      expect(result.stderr).toBe('');
      const outs: Array<{ key: string; log?: string; shown?: string; mime?: string[]; error?: string; ms?: number }> = JSON.parse(result.stdout);
      console.log(outs.map(o => `${o.key}: ${o.ms} ms`).join('\n'));
      expect(outs.filter(o => o.error)).toEqual([]);
      expect(outs.map(o => o.key)).toEqual(jobs.map(j => j[0]));
      for (const o of outs) {
        const id = o.key.split('/')[0];
        expect({ key: o.key, text: `${o.log}\n${o.shown}\n${(o.mime ?? []).join(' ')}` }).toEqual({ key: o.key, text: expect.stringMatching(EXPECT[id]) });
      }
      // The selection narrows: pass 242 of cycles 24-25 only.
      const extract = outs.find(o => o.key === 'extract/selection')!;
      expect(extract.log).toMatch(/cycle_number +\(num_lines\) \[1\] +24 \.\. 25 /);
      expect(extract.log).toMatch(/pass_number +\(num_lines\) \[1\] +242 \.\. 242 /);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  }, 120_000);
});
