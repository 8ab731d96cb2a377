/** open() on every way products are stored, with the generated sample data (data/sample). */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { open } from '../open';

const SAMPLE = resolve(__dirname, '../../../data/sample');
const manifest = () => JSON.parse(readFileSync(join(SAMPLE, 'manifest.json'), 'utf8'));

beforeAll(() => {
  if (!existsSync(join(SAMPLE, 'manifest.json'))) {
    throw new Error('data/sample is missing: run "npm run sample-data" (the README commands do)');
  }
});

describe('open', () => {
  it('a glob pattern becomes a time-ordered collection with cycle and pass per line', async () => {
    const ds = await open(join(SAMPLE, 'netcdf/L3_LR_SSH/v2_0_1/Expert/cycle_02*/*_165_*.nc'));
    expect(ds.members!.map(m => [m.product!.cycle, m.product!.pass])).toEqual([
      [24, 165],
      [25, 165],
      [26, 165]
    ]);
    expect(ds.dims.num_lines).toBe(3 * 9860);
    const pass = await ds.read('pass_number', [[9859, 9861]]);
    expect(Array.from(pass.data)).toEqual([165, 165]);
    const cycle = await ds.read('cycle_number', [[9859, 9861]]);
    expect(Array.from(cycle.data)).toEqual([24, 25]);
    ds.close();
  });

  it('a list of files, a directory, a Zarr store and a zcollection hold the same L3 lines', async () => {
    const files = manifest()
      .products.filter((p: { level: string; orbit_phase: string }) => p.level === 'L3' && p.orbit_phase === 'science')
      .map((p: { path: string }) => join(SAMPLE, p.path));
    const list = await open(files);
    const zarr = await open(join(SAMPLE, 'zarr/L3_LR_SSH_Expert.zarr'));
    const zcoll = await open(join(SAMPLE, 'zcollection/L3_LR_SSH_Expert'));
    expect(zcoll.format).toBe('zcollection');
    // The science passes of cycle 25, pass 242, from each: same values.
    const query = { variables: ['ssha_filtered'], cycles: 25, passes: 242 };
    const [a, b, c] = await Promise.all([list.select(query), zarr.select(query), zcoll.select(query)]);
    expect(a.dims.num_lines).toBe(9860);
    expect(Array.from(b.get('ssha_filtered').data)).toEqual(Array.from(a.get('ssha_filtered').data));
    expect(Array.from(c.get('ssha_filtered').data)).toEqual(Array.from(a.get('ssha_filtered').data));
    // zcollection stores time as datetime64[ns]: equal to the netCDF seconds within a microsecond.
    const ta = a.get('time').data as Float64Array;
    const tc = c.get('time').data as Float64Array;
    expect(Math.max(...Array.from(tc, (t, i) => Math.abs(t - ta[i])))).toBeLessThan(1e-3);
    [list, zarr, zcoll].forEach(d => d.close());
  });

  it('selects a period in a zcollection', async () => {
    const ds = await open(join(SAMPLE, 'zcollection/L3_LR_SSH_Expert'));
    const sel = await ds.select({ variables: ['ssha_filtered'], time: ['2023-05-01T00:00:00', '2023-05-01T23:59:59'] });
    const t = sel.get('time').data as Float64Array;
    expect(sel.dims.num_lines).toBeGreaterThan(0);
    expect(new Date(t[0]).toISOString() >= '2023-05-01').toBe(true);
    expect(new Date(t[t.length - 1]).toISOString() < '2023-05-02').toBe(true);
    ds.close();
  });

  it('reads one side of the Unsmoothed product (groups)', async () => {
    const entry = manifest().products.find((p: { subset: string }) => p.subset === 'Unsmoothed');
    const ds = await open(join(SAMPLE, entry.path));
    expect(ds.groups.map(g => g.path)).toEqual(['/left', '/right']);
    const sel = await ds.select({ group: 'left', variables: ['ssh_karin_2'], bbox: [-66.5, 34.5, -64.5, 35.5] });
    expect(sel.dims.num_pixels).toBe(240);
    expect(sel.dims.num_lines).toBeGreaterThan(100);
    ds.close();
  });
});
