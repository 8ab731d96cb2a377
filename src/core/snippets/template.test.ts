import { SwotError, UsageError } from '../errors';
import { fillSnippet, parseSnippet, SnippetFormatError } from './template';

const TS = '// ---\n// name: Currents\n// description: Geostrophy.\n// tags: [diagnostics, currents]\n// ---\nconst ds = await swot.open({{target}});\n';
const SAMPLE = { sample: '/srv/sample/' };

describe('parseSnippet', () => {
  it('reads the front matter, the language from the extension and the template after it', () => {
    expect(parseSnippet(TS, 'currents.ts')).toEqual({
      id: 'currents',
      name: 'Currents',
      description: 'Geostrophy.',
      tags: ['diagnostics', 'currents'],
      language: 'typescript',
      template: 'const ds = await swot.open({{target}});\n'
    });
    const py = parseSnippet('# ---\r\n# name: PBS\r\n# runs: hpc\r\n# ---\r\nx = 1\r\n', '/u/swot-snippets/pbs.py');
    expect(py).toMatchObject({ id: 'pbs', language: 'python', runs: 'hpc', tags: [], description: '', template: 'x = 1\n' });
  });

  it.each([
    ['a.js', TS, /named <id>.ts .* or <id>.py/],
    ['a.ts', 'const x = 1;\n', /must start with a front-matter block: a line "\/\/ ---"/],
    ['a.py', TS, /must start with a front-matter block: a line "# ---"/],
    ['a.ts', '// ---\n// name: x\n', /not closed/],
    ['a.ts', '// ---\n// title: x\n// ---\n', /unknown key "title"/],
    ['a.ts', '// ---\n// description: x\n// ---\n', /has no name/],
    ['a.ts', '// ---\n// name: x\n// tags: diagnostics\n// ---\n', /tags must be a list/],
    ['a.ts', '// ---\n// name: x\n// runs: gpu\n// ---\n', /runs must be "hpc"/],
    ['a.ts', '// ---\nname: x\n// ---\n', /line 2 of the front matter does not start with "\/\/"/]
  ])('refuses %s %j with a SnippetFormatError naming the file', (file, text, message) => {
    const error = (() => {
      try {
        parseSnippet(text, file);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(SnippetFormatError);
    expect(error).toBeInstanceOf(SwotError);
    expect((error as SnippetFormatError).source).toBe(file);
    expect((error as Error).message).toMatch(new RegExp(`^${file.replace('.', '\\.')}: `));
    expect((error as Error).message).toMatch(message);
  });
});

const ALL = '{{root}}|{{store}}|{{target}}|{{files}}|{{format}}|{{subset}}|{{cycles}}|{{passes}}|{{bbox}}|{{start}}|{{end}}|{{time}}|{{variables}}|{{variable}}';

describe('fillSnippet', () => {
  it('points at the sample dataset when nothing is selected, absent filters as undefined / None', () => {
    expect(fillSnippet(ALL, 'typescript', undefined, SAMPLE).split('|')).toEqual([
      '"/srv/sample/netcdf/L3_LR_SSH/v2_0_1/Expert"',
      '"/srv/sample/zarr/L3_LR_SSH_Expert.zarr"',
      '"/srv/sample/netcdf/L3_LR_SSH/v2_0_1/Expert"',
      'undefined',
      '"netcdf"',
      'undefined',
      ...Array(7).fill('undefined'),
      '"ssha_filtered"'
    ]);
    expect(fillSnippet('{{cycles}} {{bbox}} {{time}} {{files}}', 'python', undefined, SAMPLE)).toBe('None None None None');
  });

  it('writes the selection as literals of each language', () => {
    const selection = { product: 'L2_LR_SSH_Expert', format: 'netcdf' as const, root: '/d/L2', files: ['/d/L2/a.nc', '/d/L2/b.nc'], cycles: { from: 24, to: 26 }, passes: 242, bbox: [170, 30, -170, 45] as [number, number, number, number], start: '2024-12-01', variables: ['ssha_karin_2', 'mdt'] };
    expect(fillSnippet(ALL, 'typescript', selection, SAMPLE).split('|')).toEqual([
      '"/d/L2"',
      '"/srv/sample/zarr/L3_LR_SSH_Expert.zarr"',
      '["/d/L2/a.nc", "/d/L2/b.nc"]',
      '["/d/L2/a.nc", "/d/L2/b.nc"]',
      '"netcdf"',
      '"Expert"',
      '{ from: 24, to: 26 }',
      '242',
      '[170, 30, -170, 45]',
      '"2024-12-01T00:00:00.000Z"',
      'undefined',
      '["2024-12-01T00:00:00.000Z", "2100-01-01T00:00:00.000Z"]',
      '["ssha_karin_2", "mdt"]',
      '"ssha_karin_2"'
    ]);
    expect(fillSnippet('{{cycles}} {{passes}} {{bbox}} {{time}}', 'python', { ...selection, cycles: [24, 26] }, SAMPLE)).toBe('[24, 26] [242] (170, 30, -170, 45) ("2024-12-01T00:00:00.000", None)');
    expect(fillSnippet('{{cycles}}', 'python', selection, SAMPLE)).toBe('range(24, 26 + 1)');
    // A Zarr selection is the store; one file is the target itself.
    expect(fillSnippet('{{store}} {{target}}', 'python', { format: 'zarr', root: '/s.zarr' }, SAMPLE)).toBe('"/s.zarr" "/s.zarr"');
    expect(fillSnippet('{{target}}', 'typescript', { format: 'netcdf', root: '/d', files: ['/d/a.nc'] }, SAMPLE)).toBe('"/d/a.nc"');
  });

  it('quotes paths so that both languages read them back', () => {
    const root = '/data/it\'s "odd"\\dir';
    expect(fillSnippet('{{root}}', 'python', { format: 'zarr', root }, SAMPLE)).toBe(JSON.stringify(root));
  });

  it('{{open}} is the browser\'s open code without its display line, its import or the variables', () => {
    const ts = fillSnippet('{{open}}', 'typescript', { format: 'zarr', root: '/s.zarr', cycles: 25, variables: ['mdt'] }, SAMPLE);
    expect(ts).toBe('// Zarr store\nconst ds = await swot.open("/s.zarr");\nconst sel = await ds.select({\n  cycles: 25,\n});');
    const py = fillSnippet('{{open}}', 'python', undefined, SAMPLE);
    expect(py).toContain('root = "/srv/sample/netcdf/L3_LR_SSH/v2_0_1/Expert"');
    expect(py.trimEnd().split('\n').pop()).not.toBe('ds');
  });

  it('refuses unknown placeholders, bad selections and no data at all', () => {
    expect(() => fillSnippet('{{region}}', 'python', undefined, SAMPLE)).toThrow(/unknown placeholder \{\{region\}\}/);
    expect(() => fillSnippet('{{root}}', 'python', { format: 'zarr', root: '/x', bbox: [0, 50, 10, 40] }, SAMPLE)).toThrow(UsageError);
    expect(() => fillSnippet('{{root}}', 'typescript', undefined, { sample: null })).toThrow(/no sample dataset/);
    expect(() => fillSnippet('{{root}}', 'r' as 'python', undefined, SAMPLE)).toThrow(/language must be/);
  });
});
