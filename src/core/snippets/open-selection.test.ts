import { transformSync } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { UsageError } from '../errors';
import { kernelLanguage, openSelectionSnippet, SnippetSelection } from './open-selection';

const ROOT = resolve(__dirname, '../../..');
const SAMPLE = join(ROOT, 'data/sample');
const L3 = join(SAMPLE, 'netcdf/L3_LR_SSH/v2_0_1/Expert');
const PYTHON = join(ROOT, '.venv/bin/python');

function l3File(cycle: number, pass: number): string {
  const dir = join(L3, `cycle_${String(cycle).padStart(3, '0')}`);
  const name = readdirSync(dir).find(f => f.startsWith(`SWOT_L3_LR_SSH_Expert_${String(cycle).padStart(3, '0')}_${String(pass).padStart(3, '0')}_`));
  if (!name) {
    throw new Error(`no sample L3 file for cycle ${cycle} pass ${pass} in ${dir}`);
  }
  return join(dir, name);
}

describe('openSelectionSnippet (the code)', () => {
  it('opens chosen pass files with the kernel library and selects the rest, the selection last', () => {
    const code = openSelectionSnippet(
      { product: 'L3_LR_SSH', format: 'netcdf', root: '/data/l3', files: ['/data/l3/a.nc', '/data/l3/b.nc'], cycles: 25, bbox: [170, 30, -170, 45], start: '2024-12-01', variables: ['ssha_filtered'] },
      'typescript'
    );
    expect(code).toBe(
      [
        'import * as swot from "jupyterlab-swot/kernel";',
        '',
        '// L3_LR_SSH: 2 pass files',
        'const ds = await swot.open([',
        '  "/data/l3/a.nc",',
        '  "/data/l3/b.nc",',
        ']);',
        'const sel = await ds.select({',
        '  bbox: [170, 30, -170, 45],',
        '  time: ["2024-12-01T00:00:00.000Z", "2100-01-01T00:00:00.000Z"],',
        '  variables: ["ssha_filtered"],',
        '});',
        'sel',
        ''
      ].join('\n')
    );
  });

  it('shows the dataset itself when nothing is filtered, and chooses the subset of a mixed folder', () => {
    const code = openSelectionSnippet({ product: 'L2_LR_SSH_Expert', format: 'netcdf', root: '/d/L2_LR_SSH' }, 'typescript');
    expect(code).toContain('const ds = await swot.open("/d/L2_LR_SSH", { subset: "Expert" });\nds  //');
    expect(openSelectionSnippet({ format: 'zarr', root: '/s.zarr', cycles: { from: 24, to: 25 }, passes: [242, 377] }, 'typescript')).toContain(
      '  cycles: { from: 24, to: 25 },\n  passes: [242, 377],\n'
    );
  });

  it('quotes paths with quotes, backslashes and newlines safely in both languages', () => {
    const root = '/data/it\'s "odd"\\dir\nname';
    const ts = openSelectionSnippet({ format: 'zarr', root }, 'typescript');
    expect(ts).toContain(`swot.open(${JSON.stringify(root)})`);
    const py = openSelectionSnippet({ format: 'zarr', root }, 'python');
    // Python reads the literal back as the same path.
    const parsed = spawnSync(PYTHON, ['-c', 'import ast, json, sys; print(json.dumps([n.value for n in ast.walk(ast.parse(sys.stdin.read())) if isinstance(n, ast.Constant) and isinstance(n.value, str)]))'], {
      input: py,
      encoding: 'utf8'
    });
    expect(parsed.stderr).toBe('');
    expect(JSON.parse(parsed.stdout)).toContain(root);
  });

  it.each([
    [{ format: 'zarr', root: '' }, /root must be/],
    [{ format: 'hdf', root: '/x' }, /format must be "netcdf", "zarr" or "zcollection", got "hdf"/],
    [{ format: 'zarr', root: '/x', bbox: [0, 50, 10, 40] }, /bbox must be/],
    [{ format: 'zarr', root: '/x', cycles: [] }, /cycles must be a whole number/],
    [{ format: 'zarr', root: '/x', passes: { from: 9, to: 3 } }, /passes must be/],
    [{ format: 'zarr', root: '/x', start: 'soon' }, /start: "soon" is not a date/],
    [{ format: 'zarr', root: '/x', start: '2024-12-02', end: '2024-12-01' }, /reversed/],
    [{ format: 'netcdf', root: '/x', files: [] }, /files must be a non-empty list/]
  ])('refuses %j with a UsageError', (selection, message) => {
    for (const language of ['typescript', 'python'] as const) {
      expect(() => openSelectionSnippet(selection as SnippetSelection, language)).toThrow(UsageError);
      expect(() => openSelectionSnippet(selection as SnippetSelection, language)).toThrow(message);
    }
  });
});

describe('kernelLanguage', () => {
  it.each([
    [{ language: 'typescript', name: 'tslab' }, 'typescript'],
    [{ name: 'tslab' }, 'typescript'],
    [{ language: 'python', name: 'python3' }, 'python'],
    [{ language: 'Python' }, 'python'],
    [{ name: 'python3' }, 'python'],
    [{ language: 'javascript', name: 'jslab' }, undefined],
    [{ language: 'R', name: 'ir' }, undefined],
    [{}, undefined],
    [undefined, undefined]
  ])('%j -> %s', (info, language) => {
    expect(kernelLanguage(info)).toBe(language);
  });
});

describe('the TypeScript snippet runs in Node against the sample data', () => {
  const selections: Array<{ what: string; selection: SnippetSelection; lines: number; pairs: string[] }> = [];
  beforeAll(() => {
    if (!existsSync(join(ROOT, 'dist/kernel.cjs'))) {
      throw new Error('dist/kernel.cjs is missing: run "npm run build" first');
    }
    if (!existsSync(SAMPLE)) {
      throw new Error(`${SAMPLE} is missing: run tools/generate_sample_data.py`);
    }
  });

  it('opens exactly the selected passes: files, a folder, a Zarr store, a zcollection', () => {
    selections.push(
      { what: 'two pass files', selection: { product: 'L3_LR_SSH', format: 'netcdf', root: L3, files: [l3File(24, 242), l3File(25, 242)], variables: ['ssha_filtered'] }, lines: 2 * 9860, pairs: ['24/242', '25/242'] },
      { what: 'a folder of the AVISO tree by cycle and pass', selection: { product: 'L3_LR_SSH', format: 'netcdf', root: L3, cycles: [506, 507], passes: 15, variables: ['mdt'] }, lines: 2 * 9860, pairs: ['506/15', '507/15'] },
      { what: 'a Zarr store by cycle, pass and period', selection: { product: 'L3_LR_SSH', format: 'zarr', root: join(SAMPLE, 'zarr/L3_LR_SSH_Expert.zarr'), cycles: { from: 24, to: 26 }, passes: [70, 242], start: '2024-12-01', variables: ['ssha_filtered'] }, lines: 4 * 9860, pairs: ['25/70', '25/242', '26/70', '26/242'] },
      { what: 'a zcollection by cycle', selection: { product: 'L3_LR_SSH', format: 'zcollection', root: join(SAMPLE, 'zcollection/L3_LR_SSH_Expert'), cycles: 507, variables: ['ssha_filtered'] }, lines: 2 * 9860, pairs: ['507/15', '507/28'] }
    );
    const dir = join(ROOT, 'build');
    mkdirSync(dir, { recursive: true });
    // Inside the repository, so that "jupyterlab-swot/kernel" resolves as in a notebook next to the package.
    const work = mkdtempSync(join(dir, 'snippets-'));
    try {
      const modules = selections.map((s, i) => {
        const code = openSelectionSnippet(s.selection, 'typescript');
        const lines = code.trimEnd().split('\n');
        const last = lines.pop()!.replace(/\/\/.*$/, '');
        // The snippet's last expression, as tslab would show it, probed for its lines, cycles and passes.
        const probe = `${lines.join('\n')}
const shown = (${last});
const get = (name) => shown.variables.find(v => v.name === name).data;
const c = get('cycle_number'), p = get('pass_number');
const pairs = [...new Set(Array.from(c, (x, i) => x + '/' + p[i]))];
console.log(JSON.stringify({ i: ${i}, dims: shown.dims, pairs, text: String(shown).split('\\n')[0] }));`;
        const file = join(work, `${i}.mjs`);
        writeFileSync(file, transformSync(probe, { loader: 'ts', format: 'esm' }).code);
        return file;
      });
      const runner = join(work, 'run.mjs');
      writeFileSync(runner, `for (const f of ${JSON.stringify(modules)}) await import(f);`);
      const result = spawnSync(process.execPath, [runner], { encoding: 'utf8', cwd: work });
      expect(result.stderr).toBe('');
      const outs = result.stdout.trim().split('\n').map(l => JSON.parse(l));
      expect(outs.map(o => ({ what: selections[o.i].what, lines: o.dims.num_lines, pairs: o.pairs.sort() }))).toEqual(
        selections.map(s => ({ what: s.what, lines: s.lines, pairs: [...s.pairs].sort() }))
      );
      expect(outs[0].text).toMatch(/^<swot\.Selection>/);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  }, 120_000);
});
