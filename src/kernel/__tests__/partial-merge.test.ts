/**
 * Partial results and swot merge (issue 12): per-cycle partial files merged
 * give the bits of one run over every sample L3 pass, for stats by pass, by
 * pixel and for a binned map; worker threads give the same bits; partials of
 * different reductions, or overlapping ones, are refused by name.
 */
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { open } from '../open';
import { stats, statsPartial, finishStats, StatsResult } from '../stats';
import { finishMap, mapPartial, meanMap } from '../maps';
import { MapPartial, PartialMismatchError, readPartial, StatsPartial, writePartial } from '../partial';
import { mergePartialFiles, mergePartials } from '../merge';

const L3 = resolve(__dirname, '../../../data/sample/netcdf/L3_LR_SSH/v2_0_1/Expert');
const CYCLES = readdirSync(L3).filter(d => d.startsWith('cycle_')).sort().map(d => join(L3, d));
const GRID = { lonMin: 0, lonMax: 360, latMin: -80, latMax: 80, lonStep: 1 };
const scratch = mkdtempSync(join(tmpdir(), 'swot-partial-'));

/** Every number of a result, in order, as float64 bytes (NaN included, bit for bit). */
function bits(value: unknown): Buffer {
  const numbers: number[] = [];
  const walk = (x: unknown): void => {
    if (typeof x === 'number') numbers.push(x);
    else if (ArrayBuffer.isView(x)) numbers.push(...Array.from(x as Float64Array));
    else if (Array.isArray(x)) x.forEach(walk);
    else if (x && typeof x === 'object') Object.keys(x).sort().forEach(k => walk((x as Record<string, unknown>)[k]));
  };
  walk(value);
  return Buffer.from(Float64Array.from(numbers).buffer);
}

function expectSameBits(a: unknown, b: unknown): void {
  const x = bits(a);
  const y = bits(b);
  expect(y.length).toBe(x.length);
  expect(y.equals(x)).toBe(true);
}

async function perCycle<T>(make: (cycle: string) => Promise<T>, write: (p: T, path: string) => Promise<unknown>, tag: string): Promise<string[]> {
  const paths: string[] = [];
  for (const cycle of CYCLES) {
    const path = join(scratch, `${tag}-${cycle.slice(-3)}.nc`);
    await write(await make(cycle), path);
    paths.push(path);
  }
  return paths;
}

describe('partial results merged == one run, to the last bit, over all sample L3 passes', () => {
  it('stats by pass: per-cycle partial files merged, and 2 worker threads, give the bits of one run', async () => {
    const all = await open(L3);
    const one = await stats(all, 'ssha_filtered', { by: 'pass', workers: 1 });
    const two = await stats(all, 'ssha_filtered', { by: 'pass', workers: 2 });
    all.close();
    expect(one.passes).toHaveLength(16);
    expect(one.total.count).toBeGreaterThan(1e6);
    const paths = await perCycle(
      async c => {
        const ds = await open(c);
        try {
          return await statsPartial(ds, 'ssha_filtered', { by: 'pass' });
        } finally {
          ds.close();
        }
      },
      (p, path) => writePartial(p, path),
      'pass'
    );
    const merged = finishStats((await mergePartialFiles([...paths].reverse())) as StatsPartial);
    expect(merged).toEqual(one);
    expectSameBits(one, merged);
    expectSameBits(one, two);
    // Merging in another order, or from one partial per file, changes nothing either.
    const files = CYCLES.flatMap(c => readdirSync(c).map(f => join(c, f)));
    const perFile: StatsPartial[] = [];
    for (const f of files) {
      const ds = await open(f);
      perFile.push(await statsPartial(ds, 'ssha_filtered', { by: 'pass' }));
      ds.close();
    }
    expectSameBits(one, finishStats(mergePartials(perFile.reverse()) as StatsPartial));
  }, 180000);

  it('stats by pixel (cross-track profile) through partial files', async () => {
    const all = await open(L3);
    const one: StatsResult = await stats(all, 'ssha_filtered', { by: 'pixel' });
    all.close();
    const paths = await perCycle(
      async c => statsPartial(await open(c), 'ssha_filtered', { by: 'pixel' }),
      (p, path) => writePartial(p, path),
      'pixel'
    );
    const merged = finishStats((await mergePartialFiles(paths)) as StatsPartial);
    expect(merged.profile?.count).toHaveLength(69);
    expectSameBits(one, merged);
  }, 180000);

  it('a binned map: per-cycle partial files merged, and 2 worker threads, give the bits of one run', async () => {
    const all = await open(L3);
    const one = await meanMap(all, 'ssha_filtered', GRID, { workers: 1 });
    const two = await meanMap(all, 'ssha_filtered', GRID, { workers: 2 });
    all.close();
    expect(Array.from(one.count).reduce((a, b) => a + b, 0)).toBeGreaterThan(1e6);
    const paths = await perCycle(
      async c => mapPartial(await open(c), 'ssha_filtered', GRID),
      (p, path) => writePartial(p, path),
      'map'
    );
    const partial = (await readPartial(paths[0])) as MapPartial;
    expect(partial.units.length).toBeGreaterThan(0);
    const merged = finishMap((await mergePartialFiles(paths)) as MapPartial);
    for (const k of ['count', 'mean', 'std', 'rms', 'min', 'max', 'lon', 'lat'] as const) {
      expect(Buffer.from(merged[k].buffer).equals(Buffer.from(one[k].buffer))).toBe(true);
      expect(Buffer.from(two[k].buffer).equals(Buffer.from(one[k].buffer))).toBe(true);
    }
  }, 180000);
});

describe('swot merge refuses what is not one reduction', () => {
  let a: string;
  let b: string;
  beforeAll(async () => {
    [a, b] = await perCycle(
      async c => statsPartial(await open(c), 'ssha_filtered', {}),
      (p, path) => writePartial(p, path),
      'plain'
    );
  }, 60000);

  it('partials of another variable, grouping or grid, naming the file and what differs', async () => {
    const other = join(scratch, 'other-variable.nc');
    await writePartial(await statsPartial(await open(CYCLES[2]), 'ssha_unfiltered', {}), other);
    await expect(mergePartialFiles([a, other])).rejects.toThrow(PartialMismatchError);
    await expect(mergePartialFiles([a, other])).rejects.toThrow(`${other}: not the same reduction as ${a}: variable is "ssha_unfiltered", not "ssha_filtered"`);
    const byPass = join(scratch, 'by-pass.nc');
    await writePartial(await statsPartial(await open(CYCLES[2]), 'ssha_filtered', { by: 'pass' }), byPass);
    await expect(mergePartialFiles([a, byPass])).rejects.toThrow(/grouping \(--by\) is "pass", not "none"/);
    const m1 = join(scratch, 'grid-1.nc');
    const m2 = join(scratch, 'grid-2.nc');
    await writePartial(await mapPartial(await open(CYCLES[0]), 'ssha_filtered', GRID), m1);
    await writePartial(await mapPartial(await open(CYCLES[1]), 'ssha_filtered', { ...GRID, lonStep: 2 }), m2);
    await expect(mergePartialFiles([m1, m2])).rejects.toThrow(/grid-2.nc: not the same reduction .*: grid is/);
    await expect(mergePartialFiles([a, m1])).rejects.toThrow(/kind is "map", not "stats"/);
  }, 60000);

  it('overlapping partials (the same pass twice) and files that are not partials', async () => {
    await expect(mergePartialFiles([a, b, a])).rejects.toThrow(/already reduced in .*plain-024.nc: partials must not overlap/);
    const copy = join(scratch, 'copy.nc');
    await writePartial(await readPartial(a), copy);
    await expect(mergePartialFiles([a, copy])).rejects.toThrow(PartialMismatchError);
    const notPartial = readdirSync(CYCLES[0]).map(f => join(CYCLES[0], f))[0];
    await expect(readPartial(notPartial)).rejects.toThrow(`${notPartial}: not a partial result`);
    // No output is ever replaced.
    await expect(writePartial(await readPartial(a), a)).rejects.toThrow(/already exists/);
  }, 60000);
});
