/**
 * A brute-force pass finder, written separately from src/core/orbit so that
 * tests (jest and galata) can check the real one against it: it parses the
 * ephemeris text itself, finds the passes (half-orbits between the
 * latitude extrema) and pass 1 itself, samples nadir every second by
 * linear interpolation on the sphere, and tests points 10, 12, ..., 60 km
 * each side of the track against a lon/lat box. Timing: the cycle starts of
 * cycle-starts.json (read as data), the passes of a cycle evenly spread over
 * the mean cycle length of that table. Slow and simple on purpose; it may miss
 * a box corner clipped by less than one sample (~7 km along, 2 km across).
 * Runs in Node and in the browser (no imports but the JSON).
 */
import table from '../core/orbit/cycle-starts.json';

export type BrutePhase = 'science' | 'calval';

export interface BruteCrossing {
  cycle?: number;
  pass: number;
  /** Sides (relative to the flight direction) with a point in the box. */
  sides: Array<'left' | 'right'>;
  /** A nadir sample in the box. */
  nadir: boolean;
  /** Seconds after the pass start of the first and last sample in the box. */
  offsets: [number, number];
  /** With a period: epoch ms of the first and last sample in the box. */
  enter?: number;
  leave?: number;
}

// Local names: a global lookup per call is slow inside jest's vm context (~100x for these loops).
const { asin, atan2, cos: cosine, floor, max, min, sin: sine, sqrt } = Math;
const R = 6371008.8;
const DEG = Math.PI / 180;
/** Science pass 1: the ascending half-orbit crossing the equator nearest 0.11 E (real L3 granules). */
const SCIENCE_PASS1_LON = 0.11;

interface Track {
  t: Float64Array;
  xyz: Float64Array;
  step: number;
  cycle: number;
  /** Ephemeris times of the pass boundaries in pass order: pass p spans bounds[p - 1]..bounds[p]. */
  bounds: number[];
}

function parse(text: string, phase: BrutePhase): Track {
  const m = /cycle_duration\s*=\s*([0-9.]+)/.exec(text);
  if (!m) throw new Error('bruteForcePasses: no cycle_duration header in the ephemeris text');
  const cycle = Number(m[1]) * 86400;
  const rows = text.split(/\r?\n/).filter(l => l.trim() && !l.trim().startsWith('#'));
  const t = new Float64Array(rows.length);
  const xyz = new Float64Array(rows.length * 3);
  rows.forEach((row, i) => {
    const [s, lon, lat] = row.trim().split(/\s+/).map(Number);
    t[i] = s;
    xyz[3 * i] = cosine(lat * DEG) * cosine(lon * DEG);
    xyz[3 * i + 1] = cosine(lat * DEG) * sine(lon * DEG);
    xyz[3 * i + 2] = sine(lat * DEG);
  });
  const step = t[1] - t[0];
  // Latitude extrema: zeros of dz/dt (central differences), interpolated linearly.
  const ext: Array<{ te: number; south: boolean }> = [];
  const dz = (i: number) => xyz[3 * (i + 1) + 2] - xyz[3 * (i - 1) + 2];
  for (let i = 1; i + 2 < t.length && t[i] < cycle; i++) {
    const a = dz(i);
    const b = dz(i + 1);
    if (a !== 0 && Math.sign(a) !== Math.sign(b)) {
      ext.push({ te: t[i] + (step * a) / (a - b), south: a < 0 });
    }
  }
  const n = ext.length;
  let first = ext.findIndex(e => e.south);
  if (phase === 'science') {
    // Science: the ascending arc whose equator crossing is nearest SCIENCE_PASS1_LON.
    let best = Infinity;
    ext.forEach((e, k) => {
      if (!e.south) return;
      const end = k + 1 < n ? ext[k + 1].te : e.te + 3000;
      for (let i = Math.ceil((e.te - t[0]) / step); i + 1 < t.length && t[i] < end; i++) {
        if (xyz[3 * i + 2] < 0 && xyz[3 * i + 5] >= 0) {
          const f = -xyz[3 * i + 2] / (xyz[3 * i + 5] - xyz[3 * i + 2]);
          const x = xyz[3 * i] + f * (xyz[3 * i + 3] - xyz[3 * i]);
          const y = xyz[3 * i + 1] + f * (xyz[3 * i + 4] - xyz[3 * i + 1]);
          const d = Math.abs(((((atan2(y, x) / DEG - SCIENCE_PASS1_LON) % 360) + 540) % 360) - 180);
          if (d < best) {
            best = d;
            first = k;
          }
          return;
        }
      }
    });
  }
  const bounds: number[] = [];
  for (let p = 0; p <= n; p++) {
    const k = first + p;
    bounds.push(k < n ? ext[k].te : ext[k - n].te + cycle);
  }
  return { t, xyz, step, cycle, bounds };
}

/** Nadir at ephemeris time `te` (normalised linear interpolation) and the unit vector to its right, into `out` (6 values). */
function nadirAt(tr: Track, te: number, out: Float64Array): void {
  const last = tr.t[tr.t.length - 1];
  if (te >= last) te -= tr.cycle;
  if (te < tr.t[0]) te += tr.cycle;
  const u = (te - tr.t[0]) / tr.step;
  const i = min(floor(u), tr.t.length - 2);
  const f = u - i;
  const x = tr.xyz;
  let px = x[3 * i] + f * (x[3 * i + 3] - x[3 * i]);
  let py = x[3 * i + 1] + f * (x[3 * i + 4] - x[3 * i + 1]);
  let pz = x[3 * i + 2] + f * (x[3 * i + 5] - x[3 * i + 2]);
  const n = sqrt(px * px + py * py + pz * pz);
  px /= n;
  py /= n;
  pz /= n;
  // Along track: the chord, made tangent at the nadir point.
  let ax = x[3 * i + 3] - x[3 * i];
  let ay = x[3 * i + 4] - x[3 * i + 1];
  let az = x[3 * i + 5] - x[3 * i + 2];
  const r = ax * px + ay * py + az * pz;
  ax -= r * px;
  ay -= r * py;
  az -= r * pz;
  const an = sqrt(ax * ax + ay * ay + az * az);
  // Right of the track: along x up.
  out[0] = px;
  out[1] = py;
  out[2] = pz;
  out[3] = (ay * pz - az * py) / an;
  out[4] = (az * px - ax * pz) / an;
  out[5] = (ax * py - ay * px) / an;
}

/** The table's cycle starts (epoch ms) with the same rules as everywhere: interpolate gaps, extrapolate with the mean period. */
function cycleClock(phase: BrutePhase) {
  const rows = (table[phase] as Array<[number, string]>).map(([c, iso]) => [c, Date.parse(iso)] as const);
  const [c0, t0] = rows[0];
  const [c1, t1] = rows[rows.length - 1];
  const period = (t1 - t0) / (c1 - c0);
  const start = (c: number): number => {
    const below = rows.filter(r => r[0] <= c).pop();
    const above = rows.find(r => r[0] >= c);
    if (below && above) return below[0] === above[0] ? below[1] : below[1] + ((above[1] - below[1]) * (c - below[0])) / (above[0] - below[0]);
    return below ? below[1] + (c - below[0]) * period : above![1] - (above![0] - c) * period;
  };
  const excluded = Object.keys(table.header.excluded[phase]).map(Number);
  const first = min(c0, ...excluded);
  // The cal/val phase ended with its last cycle in the table; the science phase goes on.
  const last = phase === 'calval' ? c1 : Infinity;
  return { start, period, first, last };
}

function toMs(value: string | number, what: string): number {
  const ms = typeof value === 'number' ? value : Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(value) || value.length <= 10 ? value : `${value}Z`);
  if (!Number.isFinite(ms)) throw new Error(`bruteForcePasses: ${what} ${JSON.stringify(value)} is not a date`);
  return ms;
}

let last: { text: string; phase: BrutePhase; track: Track } | undefined;

/**
 * Passes of `phase` whose swath (10-60 km each side) or nadir has a sample in `bbox`
 * ([lonMin, latMin, lonMax, latMax], degrees; lonMin > lonMax crosses the
 * dateline; longitudes in [0, 360) or [-180, 180)). Without a period: one row
 * per pass; with `start` and `end`: one row per cycle and pass whose samples in
 * the box fall in the period.
 *
 * @example bruteForcePasses(readFileSync(scienceEphemeris, 'utf8'), 'science', [-70, 35, -68, 37], { start: '2024-11-12', end: '2024-12-03' })
 */
export function bruteForcePasses(
  ephemerisText: string,
  phase: BrutePhase,
  bbox: readonly [number, number, number, number],
  options: { start?: string | number; end?: string | number } = {}
): BruteCrossing[] {
  // The last ephemeris parsed is kept: tests call this several times with the same text.
  if (!last || last.text !== ephemerisText || last.phase !== phase) last = { text: ephemerisText, phase, track: parse(ephemerisText, phase) };
  const tr = last.track;
  const passes = tr.bounds.length - 1;
  const clock = cycleClock(phase);
  const half = clock.period / passes / 1000;
  const [lonMin, latMin, lonMax, latMax] = bbox;
  const width = lonMax >= lonMin ? lonMax - lonMin : lonMax - lonMin + 360;
  const inBox = (x: number, y: number, z: number) => {
    const lat = asin(max(-1, min(1, z))) / DEG;
    if (lat < latMin || lat > latMax) return false;
    const lon = atan2(y, x) / DEG;
    return (((lon - lonMin) % 360) + 360) % 360 <= width;
  };
  const offsetsKm: number[] = [];
  for (let d = 10; d <= 60; d += 2) offsetsKm.push(d);
  const cos = offsetsKm.map(d => cosine((d * 1000) / R));
  const sin = offsetsKm.map(d => sine((d * 1000) / R));
  const margin = 0.6; // degrees: more than 60 km of latitude
  const v = new Float64Array(6);
  const perPass: BruteCrossing[] = [];
  for (let p = 1; p <= passes; p++) {
    const te0 = tr.bounds[p - 1];
    const te1 = tr.bounds[p];
    const scale = half / (te1 - te0);
    let lo = Infinity;
    let hi = -Infinity;
    const sides = new Set<'left' | 'right'>();
    let nadir = false;
    const hit = (te: number) => {
      lo = min(lo, (te - te0) * scale);
      hi = max(hi, (te - te0) * scale);
    };
    for (let te = te0; te <= te1; te += 1) {
      nadirAt(tr, te, v);
      const latN = asin(v[2]) / DEG;
      if (latN < latMin - margin || latN > latMax + margin) continue;
      if (inBox(v[0], v[1], v[2])) {
        nadir = true;
        hit(te);
      }
      for (let k = 0; k < cos.length; k++) {
        const [c, s] = [cos[k], sin[k]];
        if (inBox(c * v[0] + s * v[3], c * v[1] + s * v[4], c * v[2] + s * v[5])) {
          sides.add('right');
          hit(te);
        }
        if (inBox(c * v[0] - s * v[3], c * v[1] - s * v[4], c * v[2] - s * v[5])) {
          sides.add('left');
          hit(te);
        }
      }
    }
    if (lo <= hi) {
      perPass.push({ pass: p, sides: (['left', 'right'] as const).filter(s => sides.has(s)), nadir, offsets: [lo, hi] });
    }
  }
  if (options.start === undefined && options.end === undefined) return perPass;
  if (options.start === undefined || options.end === undefined) throw new Error('bruteForcePasses: give both start and end, or neither');
  const start = toMs(options.start, 'start');
  const end = toMs(options.end, 'end');
  // Cycles flying in the period: from the one before `start` to the one after `end`.
  let c = max(clock.first, floor((start - clock.start(0)) / clock.period) - 2);
  const rows: BruteCrossing[] = [];
  for (; c <= clock.last && clock.start(c) <= end; c++) {
    for (const row of perPass) {
      const t0 = clock.start(c) + (row.pass - 1) * half * 1000;
      const enter = t0 + row.offsets[0] * 1000;
      const leave = t0 + row.offsets[1] * 1000;
      if (leave >= start && enter <= end) rows.push({ ...row, cycle: c, enter, leave });
    }
  }
  return rows.sort((a, b) => a.enter! - b.enter!);
}
