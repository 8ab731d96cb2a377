/**
 * The pass finder against the real L3 granule 026_165 (its swath positions and
 * line times), every granule of the sample data made by the Python generator
 * (the same orbit written separately; its timing, the fitted linear model, is
 * within 0.5 s of the real cycle starts there), and the rules of the API.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { open } from '../open';
import { passesCrossing } from '../passes';
import { main } from '../cli';
import { isSwotError } from '../../core';
import type { Phase, Region } from '../../core/orbit';

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

describe('passesCrossing agrees with the sample data (every L3 granule, the swath pixels 10-60 km from nadir)', () => {
  interface Granule extends Swath {
    phase: Phase;
    cycle: number;
    pass: number;
    start: number;
    end: number;
    /** Cross-track distance of each pixel, km (negative: left). */
    ctd: Float64Array;
  }
  interface Crossing {
    cycle: number;
    pass: number;
    sides: readonly string[];
    nadir: boolean;
    enter: number;
    leave: number;
  }
  type Box = readonly [number, number, number, number];
  let granules: Granule[];

  beforeAll(async () => {
    const manifest = JSON.parse(readFileSync(join(SAMPLE, 'manifest.json'), 'utf8')) as {
      products: Array<{ path: string; level: string; orbit_phase: Phase; cycle: number; pass: number; time_coverage_start: string; time_coverage_end: string }>;
    };
    const l3 = manifest.products.filter(p => p.level === 'L3' && p.path.startsWith('netcdf/L3_LR_SSH/v2_0_1/Expert/'));
    granules = [];
    for (const p of l3) {
      const ds = await open(join(SAMPLE, p.path));
      try {
        const [lon, lat, time, ctd] = await Promise.all(['longitude', 'latitude', 'time', 'cross_track_distance'].map(n => ds.read(n)));
        granules.push({
          phase: p.orbit_phase,
          cycle: p.cycle,
          pass: p.pass,
          start: Date.parse(p.time_coverage_start),
          end: Date.parse(p.time_coverage_end),
          lon: lon.data as Float64Array,
          lat: lat.data as Float64Array,
          time: time.data as Float64Array,
          ctd: ctd.data as Float64Array
        });
      } finally {
        ds.close();
      }
    }
    expect(granules).toHaveLength(16);
  });

  /** What the granules' pixels say: the granules with a valid swath pixel (or a nadir pixel) in the box. */
  function truth(phase: Phase, [x0, y0, x1, y1]: Box): Crossing[] {
    const width = x1 >= x0 ? x1 - x0 : x1 - x0 + 360;
    const rows: Crossing[] = [];
    for (const g of granules.filter(s => s.phase === phase)) {
      // Per pixel: 0 outside the valid swath, 1 nadir, 2 left, 3 right (no global lookups in the loop: jest's vm makes them slow).
      const kind = Array.from(g.ctd, d => (d === 0 ? 1 : Math.abs(d) < 10 || Math.abs(d) > 60 ? 0 : d < 0 ? 2 : 3));
      const seen = [false, false, false, false];
      let first = Infinity;
      let last = -Infinity;
      for (let line = 0; line < g.time.length; line++) {
        for (let pixel = 0; pixel < PIXELS; pixel++) {
          const i = line * PIXELS + pixel;
          if (kind[pixel] === 0 || g.lat[i] < y0 || g.lat[i] > y1 || (((g.lon[i] - x0) % 360) + 360) % 360 > width) continue;
          seen[kind[pixel]] = true;
          if (g.time[line] < first) first = g.time[line];
          if (g.time[line] > last) last = g.time[line];
        }
      }
      const sides = (['left', 'right'] as const).filter((_, k) => seen[k + 2]);
      const nadir = seen[1];
      if (first <= last) {
        rows.push({ cycle: g.cycle, pass: g.pass, sides, nadir, enter: first, leave: last });
      }
    }
    return rows.sort((a, b) => a.enter - b.enter);
  }

  /** The finder over the sample's period, limited to the sample's passes (the sample holds every granule of these). */
  async function found(phase: Phase, region: Region): Promise<Crossing[]> {
    const own = granules.filter(g => g.phase === phase);
    const rows = await passesCrossing(region, {
      ephemerides: EPHEMERIDES,
      phase,
      passes: [...new Set(own.map(g => g.pass))],
      start: Math.min(...own.map(g => g.start)),
      end: Math.max(...own.map(g => g.end))
    });
    return rows.map(r => ({ cycle: r.cycle!, pass: r.pass, sides: r.sides, nadir: r.nadir, enter: r.enter!, leave: r.leave! }));
  }

  function expectAgreement(rows: Crossing[], expected: Crossing[]): void {
    expect(rows.map(r => [r.cycle, r.pass, r.sides, r.nadir])).toEqual(expected.map(r => [r.cycle, r.pass, r.sides, r.nadir]));
    rows.forEach((r, i) => {
      expect(Math.abs(r.enter - expected[i].enter)).toBeLessThan(10000);
      expect(Math.abs(r.leave - expected[i].leave)).toBeLessThan(10000);
    });
  }

  it.each([
    ['science', 'Gulf Stream, [0, 360)', [291.5, 39, 293.5, 41], [242]],
    ['science', 'Gulf Stream, [-180, 180)', [-68.5, 39, -66.5, 41], [242]],
    ['science', 'across the dateline', [179, 36, -179, 40], [377]],
    ['science', 'across the 0 meridian', [-1, 36, 1, 38], [70]],
    ['science', 'Agulhas', [30, -36, 32, -34], [165]],
    ['science', 'a wide band', [-80, 30, 40, 33], [70, 242]],
    ['calval', 'the California crossover', [234, 35, 235.5, 36.5], [15, 28]]
  ] as const)('%s, %s %j: the same cycles, passes, sides and nadir; enter and leave within 10 s of the line times', async (phase, _name, bbox, passes) => {
    const expected = truth(phase, bbox);
    expect([...new Set(expected.map(r => r.pass))].sort()).toEqual([...passes].sort());
    expectAgreement(await found(phase, { bbox }), expected);
  });

  const at = (cycle: number, pass: number, line: number, km: number) => {
    const g = granules.find(s => s.cycle === cycle && s.pass === pass)!;
    const i = line * PIXELS + g.ctd.indexOf(km);
    return { g, lon: g.lon[i], lat: g.lat[i], time: g.time[line] };
  };

  it('a box only the swath crosses (24-44 km right of nadir) is found with nadir: false, in each cycle', async () => {
    const { lon, lat } = at(24, 242, 5000, 34);
    const bbox = [lon - 0.1, lat - 0.07, lon + 0.1, lat + 0.07] as const;
    const expected = truth('science', bbox);
    expect(expected.map(r => [r.cycle, r.pass, r.sides, r.nadir])).toEqual([24, 25, 26].map(c => [c, 242, ['right'], false]));
    expectAgreement(await found('science', { bbox }), expected);
  });

  it('a box 64-68 km from nadir, beyond the valid swath, is not found', async () => {
    const { lon, lat } = at(25, 165, 4000, -66);
    const bbox = [lon - 0.015, lat - 0.015, lon + 0.015, lat + 0.015] as const;
    expect(truth('science', bbox)).toEqual([]);
    expect(await found('science', { bbox })).toEqual([]);
    // The same box moved 6 km inwards is.
    const inner = at(25, 165, 4000, -60);
    expect((await found('science', { point: [inner.lon, inner.lat] })).map(r => [r.cycle, r.pass, r.sides])).toEqual([24, 25, 26].map(c => [c, 165, ['left']]));
  });

  it('a point at a swath pixel is crossed at the time of its line; a point 2 km beyond the swath is not', async () => {
    const p = at(507, 15, 6000, 40);
    const rows = await found('calval', { point: [p.lon, p.lat] });
    const hit = rows.find(r => r.cycle === 507);
    expect(hit).toMatchObject({ pass: 15, sides: ['right'], nadir: false });
    expect(Math.abs(hit!.enter - p.time)).toBeLessThan(10000);
    expect(Math.abs(hit!.leave - p.time)).toBeLessThan(10000);
    const out = at(26, 377, 3000, 62);
    expect(await found('science', { point: [out.lon, out.lat] })).toEqual([]);
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
