import { MissingVariableError, UsageError } from '../errors';
import { stackReaders } from '../collection';
import { memoryReader, syntheticSwath } from '../../testing/memory-reader';
import { select } from './select';

describe('select on a swath', () => {
  // 100 lines from 10N northwards (0.02 deg per line), 8 pixels around 0.05 E (so it straddles the 0/360 seam).
  const swath = () => syntheticSwath(100, 8, 0.05, 10);

  it('keeps the lines that cross the box, whole, and decodes the variables', async () => {
    const reader = swath();
    const out = await select(reader, { variables: ['ssha'], bbox: [-1, 10.5, 1, 10.9] });
    expect(out.dims).toEqual({ num_lines: 21, num_pixels: 8 });
    const lat = out.variables.find(v => v.name === 'latitude')!;
    expect(lat.data[0]).toBeCloseTo(10.5, 9);
    expect(lat.data[lat.data.length - 1]).toBeCloseTo(10.9, 9);
    const ssha = out.variables.find(v => v.name === 'ssha')!;
    expect(Number.isNaN(ssha.data[0])).toBe(true); // pixel 0 is _FillValue
    expect(ssha.data[1]).toBeCloseTo((25 * 10 + 1) * 1e-4, 12);
    expect(ssha.attrs).toEqual({ units: 'm' });
    expect(ssha.encoding).toEqual({ dtype: 'int32', scale_factor: 1e-4, _FillValue: 2147483647 });
    // Only the selected lines were read.
    expect(reader.reads.filter(r => r.startsWith('ssha'))).toEqual(['ssha[[25,46],[0,8]]']);
  });

  it('accepts the box in [0, 360) or [-180, 180) and across the 0/360 seam', async () => {
    const a = await select(swath(), { variables: ['ssha'], bbox: [359.99, 10, 360.01, 10.1] });
    const b = await select(swath(), { variables: ['ssha'], bbox: [-0.01, 10, 0.01, 10.1] });
    expect(a.dims.num_lines).toBe(6);
    expect(b.dims.num_lines).toBe(6);
  });

  it('selects across the dateline', async () => {
    const pacific = syntheticSwath(50, 6, 180, -5);
    const out = await select(pacific, { bbox: [179.9, -5.0001, -179.9, -4.8999] });
    expect(out.dims.num_lines).toBe(6);
    const lon = out.variables.find(v => v.name === 'longitude')!;
    expect(Math.min(...Array.from(lon.data as Float64Array))).toBeCloseTo(179.94, 6);
    expect(Math.max(...Array.from(lon.data as Float64Array))).toBeCloseTo(180.04, 6);
  });

  it('returns an empty result (zero lines) for a box that selects nothing', async () => {
    const out = await select(swath(), { variables: ['ssha'], bbox: [100, -50, 110, -40] });
    expect(out.dims).toEqual({ num_lines: 0, num_pixels: 8 });
    expect(out.variables.find(v => v.name === 'ssha')!.shape).toEqual([0, 8]);
    expect(out.variables.find(v => v.name === 'time')!.shape).toEqual([0]);
  });

  it('selects by time interval (inclusive)', async () => {
    const t0 = new Date(Date.UTC(2000, 0, 1, 0, 0, 1010)).toISOString();
    const t1 = new Date(Date.UTC(2000, 0, 1, 0, 0, 1019)).toISOString();
    const out = await select(swath(), { variables: ['ssha'], time: [t0, t1] });
    expect(out.dims.num_lines).toBe(10);
    expect(new Date(out.variables.find(v => v.name === 'time')!.data[0] as number).toISOString()).toBe(
      '2000-01-01T00:16:50.000Z'
    );
  });

  it('masks by the L3 quality flag', async () => {
    const good = await select(swath(), { variables: ['ssha'], quality: 'good' });
    const usable = await select(swath(), { variables: ['ssha'], quality: 'usable' });
    const px = (ds: typeof good, p: number) => ds.variables.find(v => v.name === 'ssha')!.data[3 * 8 + p] as number;
    expect([px(good, 1), px(good, 2), px(good, 3)].map(Number.isNaN)).toEqual([true, true, false]);
    expect([px(usable, 1), px(usable, 2), px(usable, 3)].map(Number.isNaN)).toEqual([true, false, false]);
  });

  it('matches the product cycle/pass of a single file', async () => {
    const out = await select(swath(), { passes: 7 }, { level: 'L3', product: 'L3_LR_SSH', cycle: 1, pass: 7 });
    expect(out.dims.num_lines).toBe(100);
    const none = await select(swath(), { passes: [8, 9] }, { level: 'L3', product: 'L3_LR_SSH', cycle: 1, pass: 7 });
    expect(none.dims.num_lines).toBe(0);
  });

  it('rejects a bbox with latitudes in the wrong order, and unknown variables', async () => {
    await expect(select(swath(), { bbox: [0, 20, 10, 10] })).rejects.toThrow(UsageError);
    await expect(select(swath(), { bbox: [0, 20, 10, 10] })).rejects.toThrow(/lat_min 20 > lat_max 10/);
    await expect(select(swath(), { variables: ['sla'] })).rejects.toThrow(MissingVariableError);
    await expect(select(swath(), { variables: ['sla'] })).rejects.toThrow(/no variable "sla"; it has time, latitude/);
    await expect(select(swath(), { time: ['2020-01-02', '2020-01-01'] })).rejects.toThrow(/reversed/);
  });
});

describe('collections', () => {
  const pass = (cycle: number, p: number, lat0: number) => ({
    reader: syntheticSwath(20, 4, 10, lat0),
    product: { level: 'L3' as const, product: 'L3_LR_SSH', cycle, pass: p }
  });

  it('stacks passes along num_lines with cycle and pass per line, and filters them', async () => {
    const stacked = stackReaders([pass(1, 11, 0), pass(1, 12, 10), pass(2, 11, 20)], 'num_lines', 'three', 'netcdf4');
    expect(stacked.info.dims.num_lines).toBe(60);
    expect(stacked.offsets).toEqual([0, 20, 40, 60]);
    const raw = await stacked.readRaw('pass_number', [[15, 45]]);
    expect(Array.from(raw.data)).toEqual([...Array(5).fill(11), ...Array(20).fill(12), ...Array(5).fill(11)]);
    const out = await select(stacked, { variables: ['ssha'], cycles: 1, passes: { from: 11, to: 11 } });
    expect(out.dims.num_lines).toBe(20);
    const both = await select(stacked, { variables: ['ssha'], passes: 11, bbox: [9, 20.0999, 11, 20.2001] });
    expect(both.dims.num_lines).toBe(6);
    expect(Array.from(both.variables.find(v => v.name === 'cycle_number')!.data)).toEqual(Array(6).fill(2));
  });
});

describe('select on a regular grid', () => {
  // 1-degree global grid, longitudes in [-180, 180)
  const lats = Float64Array.from({ length: 180 }, (_, i) => -89.5 + i);
  const lons = Float64Array.from({ length: 360 }, (_, i) => -179.5 + i);
  const adt = new Int32Array(180 * 360).map((_, i) => i);
  const grid = () =>
    memoryReader(
      { time: 1, latitude: 180, longitude: 360 },
      {
        time: { dims: ['time'], data: Float64Array.of(25202), attrs: { units: 'days since 1950-01-01' } },
        latitude: { dims: ['latitude'], data: lats },
        longitude: { dims: ['longitude'], data: lons },
        adt: { dims: ['time', 'latitude', 'longitude'], data: adt, attrs: { scale_factor: 1e-4, _FillValue: -2147483647 } }
      }
    );

  it('cuts a box across the dateline into one continuous block', async () => {
    const out = await select(grid(), { variables: ['adt'], bbox: [170, -10, -170, 10] });
    expect(out.dims).toEqual({ time: 1, latitude: 20, longitude: 20 });
    const lon = Array.from(out.variables.find(v => v.name === 'longitude')!.data as Float64Array);
    expect(lon.slice(0, 2)).toEqual([170.5, 171.5]);
    expect(lon.slice(-2)).toEqual([-171.5, -170.5]);
    const value = out.variables.find(v => v.name === 'adt')!.data[0] as number;
    expect(value).toBeCloseTo((80 * 360 + 350) * 1e-4, 9);
  });

  it('returns zero cells for an empty box', async () => {
    const out = await select(grid(), { variables: ['adt'], bbox: [10, 50.1, 10.2, 50.2] });
    expect(out.dims.latitude).toBe(0);
  });
});

describe('L2 quality masks', () => {
  const reader = (qualAttrs: Record<string, unknown>) =>
    memoryReader(
      { num_lines: 1, num_pixels: 4 },
      {
        latitude: { dims: ['num_lines', 'num_pixels'], data: Float64Array.of(1, 1, 1, 1) },
        longitude: { dims: ['num_lines', 'num_pixels'], data: Float64Array.of(1, 2, 3, 4) },
        ssha_karin_2: { dims: ['num_lines', 'num_pixels'], data: Int32Array.of(10, 20, 30, 40), attrs: { scale_factor: 0.01, _FillValue: 2147483647 } },
        ssha_karin_2_qual: {
          dims: ['num_lines', 'num_pixels'],
          data: Uint32Array.of(0, 1, 2147483648, 4294967295),
          attrs: { _FillValue: 4294967295, ...qualAttrs }
        }
      }
    );
  const values = async (r: ReturnType<typeof reader>, quality: 'good' | 'usable') =>
    Array.from((await select(r, { variables: ['ssha_karin_2'], quality })).variables.find(v => v.name === 'ssha_karin_2')!.data as Float64Array);

  it("'usable' drops only the bad_not_usable bit when flag_masks define it; 'good' keeps only 0", async () => {
    const r = reader({ flag_masks: [1, 2147483648], flag_meanings: 'suspect_something bad_not_usable' });
    expect(await values(r, 'usable')).toEqual([0.1, 0.2, NaN, NaN]);
    expect(await values(r, 'good')).toEqual([0.1, NaN, NaN, NaN]);
  });

  it("treats any non-zero value as bad with flag_values good/bad (the product specification's form)", async () => {
    const r = reader({ flag_values: [0, 1], flag_meanings: 'good bad' });
    expect(await values(r, 'usable')).toEqual([0.1, NaN, NaN, NaN]);
  });
});
