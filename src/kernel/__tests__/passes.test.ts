/**
 * The pass finder against the real L3 granule 026_165 (its swath positions and
 * line times), the sample data made by the Python generator (the same orbit
 * model written separately), and the rules of the API.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { open } from '../open';
import { passesCrossing } from '../passes';
import { main } from '../cli';
import { isSwotError } from '../../core';

const SHARED = resolve(__dirname, '../../../../shared/data/real');
const EPHEMERIDES = join(SHARED, 'orbit');
const REAL_L3 = join(SHARED, 'l3', 'SWOT_L3_LR_SSH_Expert_026_165_20241229T165806_20241229T174933_v2.0.1.nc');
const SAMPLE = resolve(__dirname, '../../../data/sample');
const PIXELS = 69;

interface Swath {
  lon: Float64Array;
  lat: Float64Array;
  time: Float64Array;
}

async function swathOf(path: string): Promise<Swath> {
  const ds = await open(path);
  try {
    const [lon, lat, time] = await Promise.all(['longitude', 'latitude', 'time'].map(n => ds.read(n)));
    return { lon: lon.data as Float64Array, lat: lat.data as Float64Array, time: time.data as Float64Array };
  } finally {
    ds.close();
  }
}

const box = (s: Swath, line: number, pixel: number, half = 0.03) => {
  const i = line * PIXELS + pixel;
  return [s.lon[i] - half, s.lat[i] - half, s.lon[i] + half, s.lat[i] + half] as const;
};

describe('passesCrossing on the real granule 026_165', () => {
  let real: Swath;
  beforeAll(async () => {
    real = await swathOf(REAL_L3);
  });

  it.each([
    [1500, 8, 'left'],
    [2000, 58, 'right'],
    [4930, 20, 'left'],
    [8000, 5, 'left'],
    [9000, 64, 'right']
  ] as const)('a small box around line %i pixel %i (%s side) is crossed by pass 165 of cycle 26 when that line was measured', async (line, pixel, side) => {
    const rows = await passesCrossing({ bbox: box(real, line, pixel) }, { ephemerides: EPHEMERIDES, start: '2024-12-29', end: '2024-12-30' });
    const hit = rows.find(r => r.pass === 165);
    expect(hit).toBeDefined();
    expect(hit!.cycle).toBe(26);
    expect(hit!.sides).toEqual([side]);
    // A box 20 km or more off nadir, away from the nadir line: nadir-only finders miss it.
    expect(hit!.nadir).toBe(false);
    const t = real.time[line];
    expect(hit!.enter!).toBeLessThanOrEqual(t + 3000);
    expect(hit!.leave!).toBeGreaterThanOrEqual(t - 3000);
    expect(hit!.leave! - hit!.enter!).toBeLessThan(20000);
  });

  it('a box in the nadir gap is crossed by the nadir track only', async () => {
    const rows = await passesCrossing({ bbox: box(real, 5000, 34, 0.02) }, { ephemerides: EPHEMERIDES, passes: [165] });
    expect(rows).toEqual([expect.objectContaining({ pass: 165, sides: [], nadir: true })]);
  });

  it('a point and a polygon around a swath pixel give the same pass and side as a box', async () => {
    const i = 3000 * PIXELS + 60;
    const [x, y] = [real.lon[i], real.lat[i]];
    const point = await passesCrossing({ point: [x, y] }, { ephemerides: EPHEMERIDES, passes: [165] });
    const polygon = await passesCrossing({ polygon: [[x - 0.05, y - 0.05], [x + 0.05, y - 0.04], [x, y + 0.05]] }, { ephemerides: EPHEMERIDES, passes: [165] });
    expect(point.map(r => [r.pass, r.sides])).toEqual([[165, ['right']]]);
    expect(polygon.map(r => [r.pass, r.sides])).toEqual([[165, ['right']]]);
  });

  it('without a period, one row per pass with the offsets after the pass start; the granule start is the pass start', async () => {
    const all = await passesCrossing({ bbox: [30, -10, 40, 10] }, { ephemerides: EPHEMERIDES });
    expect(all.length).toBeGreaterThan(10);
    expect(new Set(all.map(r => r.pass)).size).toBe(all.length);
    const p165 = all.find(r => r.pass === 165)!;
    expect(p165.sides).toEqual(['left', 'right']);
    const within = await passesCrossing({ bbox: [30, -10, 40, 10] }, { ephemerides: EPHEMERIDES, passes: [165], start: real.time[0], end: real.time[9859] });
    expect(within).toHaveLength(1);
    expect(Math.abs(within[0].enter! - (real.time[0] + p165.offsets[0] * 1000))).toBeLessThan(3000);
    for (const r of all) {
      expect(r.offsets[0]).toBeGreaterThanOrEqual(0);
      expect(r.offsets[1]).toBeLessThanOrEqual(3087);
    }
  });
});

describe('passesCrossing agrees with the sample generator', () => {
  const L3 = join(SAMPLE, 'netcdf/L3_LR_SSH/v2_0_1/Expert');
  const file = (cycle: string, pass: string) => {
    const dir = join(L3, `cycle_${cycle}`);
    const name = existsSync(dir) ? readdirSync(dir).find(f => f.includes(`_${cycle}_${pass}_`)) : undefined;
    if (!name) {
      throw new Error(`no sample L3 file for cycle ${cycle} pass ${pass} in ${dir}: run the sample generator`);
    }
    return join(dir, name);
  };

  it.each([
    ['025', '377', 'science', 6000, 12],
    ['024', '070', 'science', 2500, 56],
    ['507', '015', 'calval', 4000, 60]
  ] as const)('cycle %s pass %s (%s): a box at a swath pixel is found at the time of its line', async (cycle, pass, phase, line, pixel) => {
    const s = await swathOf(file(cycle, pass));
    const t = s.time[line];
    const rows = await passesCrossing({ bbox: box(s, line, pixel) }, { ephemerides: EPHEMERIDES, phase, start: t - 3600e3, end: t + 3600e3 });
    const hit = rows.find(r => r.pass === Number(pass) && r.cycle === Number(cycle));
    expect(hit).toBeDefined();
    expect(hit!.sides).toEqual([pixel < 34 ? 'left' : 'right']);
    expect(hit!.enter!).toBeLessThanOrEqual(t + 3000);
    expect(hit!.leave!).toBeGreaterThanOrEqual(t - 3000);
  });

  it('a box across the dateline (lonMin > lonMax) finds pass 377, which crosses 180 E', async () => {
    const rows = await passesCrossing({ bbox: [179, 20, -179, 60] }, { ephemerides: EPHEMERIDES, passes: [377] });
    expect(rows.map(r => r.pass)).toEqual([377]);
  });
});

describe('passesCrossing rules', () => {
  const usage = async (promise: Promise<unknown>, message: RegExp) => {
    const error = await promise.then(() => undefined, (e: unknown) => e);
    expect(isSwotError(error) && error.code).toBe('USAGE');
    expect((error as Error).message).toMatch(message);
  };

  it('rejects bad regions, options and periods with a UsageError that says what is wrong', async () => {
    await usage(passesCrossing({ bbox: [0, 10, 5, 0] }, { ephemerides: EPHEMERIDES }), /latMin 10 > latMax 0/);
    await usage(passesCrossing({ polygon: [[0, 0], [1, 1]] }, { ephemerides: EPHEMERIDES }), /at least 3/);
    await usage(passesCrossing({ bbox: [0, 0, 1, 1] }, { ephemerides: EPHEMERIDES, pass: [1] } as never), /unknown option 'pass'.*'passes'/);
    await usage(passesCrossing({ bbox: [0, 0, 1, 1] }, { ephemerides: EPHEMERIDES, passes: [600] }), /pass 600 does not exist on the science orbit \(1-584\)/);
    await usage(passesCrossing({ bbox: [0, 0, 1, 1] }, { ephemerides: EPHEMERIDES, start: '2024-02-01', end: '2024-01-01' }), /before start/);
    await usage(passesCrossing({ bbox: [0, 0, 1, 1] }, { ephemerides: EPHEMERIDES, start: 'yesterday', end: '2024-01-01' }), /start: "yesterday" is not a date/);
  });

  it('says where it looked when no ephemeris is found', async () => {
    const error = await passesCrossing({ bbox: [0, 0, 1, 1] }, { ephemerides: '/nonexistent' }).catch((e: unknown) => e);
    expect(isSwotError(error) && error.code).toBe('FILE_NOT_FOUND');
    expect((error as Error).message).toMatch(/no science orbit ephemeris in \/nonexistent/);
  });
});

describe('swot passes', () => {
  const run = async (...argv: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await main(['passes', ...argv], { out: t => out.push(t), err: t => err.push(t) });
    return { code, out: out.join('\n'), err: err.join('\n') };
  };
  const previous = process.env.SWOT_EPHEMERIS_DIR;
  beforeAll(() => {
    process.env.SWOT_EPHEMERIS_DIR = EPHEMERIDES;
  });
  afterAll(() => {
    if (previous === undefined) delete process.env.SWOT_EPHEMERIS_DIR;
    else process.env.SWOT_EPHEMERIS_DIR = previous;
  });

  it('lists the crossings of a period as a table, and as JSON with ISO times', async () => {
    const table = await run('--bbox', '30,-10,40,10', '--time', '2024-12-29T16:00/2024-12-29T18:00');
    expect(table.code).toBe(0);
    expect(table.out).toMatch(/^1 crossing of the region by science passes from 2024-12-29T16:00 to 2024-12-29T18:00/);
    expect(table.out).toMatch(/\n\s+26\s+165\s+left\+right\+nadir\s+2024-12-29T17:2\d:\d\d\.\d{3}Z\s+2024-12-29T17:2\d/);
    const json = JSON.parse((await run('--point', '24.16,-51.7', '--pass', '160-170', '--json')).out);
    expect(json).toEqual([expect.objectContaining({ phase: 'science', pass: 165, sides: ['left'], nadir: false })]);
  });

  it('says what is wrong with the region', async () => {
    const none = await run('--time', '2024-01-01/2024-01-02');
    expect(none.code).toBe(2);
    expect(none.err).toMatch(/one region: --bbox/);
    const bad = await run('--polygon', '0,0;1,1;2');
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/--polygon takes LON,LAT;LON,LAT/);
  });
});
