/**
 * Which passes cross a region, when, and with which side of the swath.
 *
 * Swath-aware: a region is crossed when it touches either KaRIn side (10-60
 * km from nadir by default) or the nadir track, not only the nadir line (the pass finders users
 * have, CNES altimetry-search and search_swot, test the nadir line only and
 * miss a box inside the swath). Each pass is scanned at the ephemeris' 30 s
 * nodes against the region's bounding cap, then only the stretches near the
 * region are sampled every `step` seconds, the two sides as strips of
 * quadrilaterals between consecutive samples (so nothing falls between them).
 */
import { UsageError } from '../errors';
import { Ephemeris, interpolate, passBounds } from './ephemeris';
import { passAt, passStartMs, Phase } from './orbits';
import { planeRegion, PlaneRegion, Region, touches as touchesRegion } from './region';
import { EARTH_RADIUS, toLonLat } from './sphere';

export type Side = 'left' | 'right';

export interface CrossingOptions {
  /** Only passes flown in this period (epoch ms or ISO strings): one row per cycle and pass. */
  start?: number | string;
  end?: number | string;
  /** Distances of the valid swath from nadir, metres (default 10 km and 60 km). */
  near?: number;
  far?: number;
  /** Sampling of the stretches near the region, seconds (default 2 s, ~14 km). */
  step?: number;
  /** Only these passes. */
  passes?: readonly number[];
}

export interface PassCrossing {
  phase: Phase;
  pass: number;
  /** The swath sides that touch the region, relative to the direction of flight (none: only the nadir track, in the nadir gap). */
  sides: Side[];
  /** Whether the nadir track itself crosses the region (what nadir-only finders test). */
  nadir: boolean;
  /** Seconds after the pass start at which the swath enters and leaves the region. */
  offsets: [number, number];
  /** With a period: the cycle, and when the swath enters and leaves the region (epoch ms). */
  cycle?: number;
  enter?: number;
  leave?: number;
}

function toMs(value: number | string, what: string): number {
  const ms = typeof value === 'number' ? value : Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(value) || !/T/.test(value) ? value : `${value}Z`);
  if (!Number.isFinite(ms)) {
    throw new UsageError(`passesCrossing: ${what} ${JSON.stringify(value)} is not a date`);
  }
  return ms;
}

/** One pass: the first and last sample index touching the region, per side and for nadir. */
function scanPass(eph: Ephemeris, region: PlaneRegion, pass: number, near: number, far: number, step: number) {
  const [te0, te1] = passBounds(eph, pass);
  const p = new Float64Array(3);
  const dp = new Float64Array(3);
  // Coarse scan at the ephemeris' own spacing: keep the nodes whose swath may reach the cap.
  const coarse = eph.step;
  const nodes = Math.ceil((te1 - te0) / coarse);
  const keep: number[] = [];
  for (let k = 0; k <= nodes; k++) {
    interpolate(eph, Math.min(te0 + k * coarse, te1), p, dp);
    const speed = Math.hypot(dp[0], dp[1], dp[2]);
    const reach = region.capRadius + (far + 1000) / EARTH_RADIUS + speed * coarse * 0.6;
    const dot = p[0] * region.cap[0] + p[1] * region.cap[1] + p[2] * region.cap[2];
    if (Math.acos(Math.min(1, Math.max(-1, dot))) <= reach) {
      keep.push(k);
    }
  }
  if (keep.length === 0) {
    return undefined;
  }
  const aNear = near / EARTH_RADIUS;
  const aFar = far / EARTH_RADIUS;
  const found = { left: [Infinity, -Infinity], right: [Infinity, -Infinity], nadir: [Infinity, -Infinity] };
  const qx = new Float64Array(4);
  const qy = new Float64Array(4);
  const sx = new Float64Array(2);
  const sy = new Float64Array(2);
  // Points of one sample: nadir, left near, left far, right near, right far (lon, lat).
  const sample = (te: number, out: Float64Array) => {
    interpolate(eph, te, p, dp);
    const speed = Math.hypot(dp[0], dp[1], dp[2]);
    const ax = dp[0] / speed;
    const ay = dp[1] / speed;
    const az = dp[2] / speed;
    // Right of the track: along x up.
    const rx = ay * p[2] - az * p[1];
    const ry = az * p[0] - ax * p[2];
    const rz = ax * p[1] - ay * p[0];
    [out[0], out[1]] = toLonLat(p[0], p[1], p[2]);
    let o = 2;
    for (const sign of [-1, 1]) {
      for (const a of [aNear, aFar]) {
        const c = Math.cos(a);
        const s = Math.sin(a) * sign;
        [out[o], out[o + 1]] = toLonLat(c * p[0] + s * rx, c * p[1] + s * ry, c * p[2] + s * rz);
        o += 2;
      }
    }
  };
  let prev = new Float64Array(10);
  let next = new Float64Array(10);
  // Stretches around the kept nodes, merged.
  const spans: Array<[number, number]> = [];
  for (const k of keep) {
    const a = Math.max(te0, te0 + (k - 1) * coarse);
    const b = Math.min(te1, te0 + (k + 1) * coarse);
    const last = spans[spans.length - 1];
    if (last && a <= last[1]) {
      last[1] = Math.max(last[1], b);
    } else {
      spans.push([a, b]);
    }
  }
  for (const [a, b] of spans) {
    const n = Math.max(1, Math.ceil((b - a) / step));
    sample(a, prev);
    for (let j = 1; j <= n; j++) {
      const t1 = a + ((b - a) * j) / n;
      sample(t1, next);
      const t0 = a + ((b - a) * (j - 1)) / n;
      for (const [side, o] of [['left', 2], ['right', 6]] as const) {
        qx[0] = prev[o];
        qy[0] = prev[o + 1];
        qx[1] = prev[o + 2];
        qy[1] = prev[o + 3];
        qx[2] = next[o + 2];
        qy[2] = next[o + 3];
        qx[3] = next[o];
        qy[3] = next[o + 1];
        if (touchesRegion(region, qx, qy)) {
          found[side][0] = Math.min(found[side][0], t0);
          found[side][1] = Math.max(found[side][1], t1);
        }
      }
      sx[0] = prev[0];
      sy[0] = prev[1];
      sx[1] = next[0];
      sy[1] = next[1];
      if (touchesRegion(region, sx, sy)) {
        found.nadir[0] = Math.min(found.nadir[0], t0);
        found.nadir[1] = Math.max(found.nadir[1], t1);
      }
      [prev, next] = [next, prev];
    }
  }
  const sides = (['left', 'right'] as const).filter(s => found[s][0] <= found[s][1]);
  const nadir = found.nadir[0] <= found.nadir[1];
  if (sides.length === 0 && !nadir) {
    return undefined;
  }
  // Ephemeris seconds to real seconds after the pass start (the real half-orbit differs slightly).
  const scale = eph.orbit.halfOrbit / (te1 - te0);
  const hits = [...sides.map(s => found[s]), ...(nadir ? [found.nadir] : [])];
  const enter = Math.min(...hits.map(s => s[0]));
  const leave = Math.max(...hits.map(s => s[1]));
  return { sides: [...sides], nadir, offsets: [(enter - te0) * scale, (leave - te0) * scale] as [number, number] };
}

/**
 * Passes of `eph`'s orbit whose swath crosses `region`.
 *
 * @example passesCrossing(science, { bbox: [-70, 35, -65, 40] }, { start: '2024-11-01', end: '2024-11-30' })
 * @throws UsageError for a bad region, period or option
 */
export function passesCrossing(eph: Ephemeris, region: Region, options: CrossingOptions = {}): PassCrossing[] {
  const plane = planeRegion(region);
  const near = options.near ?? 10000;
  const far = options.far ?? 60000;
  const step = options.step ?? 2;
  if (!(near >= 0 && far > near)) {
    throw new UsageError(`passesCrossing: the swath must be near < far metres from nadir (got ${near}, ${far})`);
  }
  if (!(step > 0 && step <= eph.step)) {
    throw new UsageError(`passesCrossing: step must be in (0, ${eph.step}] seconds (got ${step})`);
  }
  const orbit = eph.orbit;
  const passes = options.passes ?? Array.from({ length: orbit.passesPerCycle }, (_, i) => i + 1);
  for (const p of passes) {
    if (!Number.isInteger(p) || p < 1 || p > orbit.passesPerCycle) {
      throw new UsageError(`passesCrossing: pass ${p} does not exist on the ${orbit.phase} orbit (1-${orbit.passesPerCycle})`);
    }
  }
  const perPass: PassCrossing[] = [];
  for (const pass of passes) {
    const hit = scanPass(eph, plane, pass, near, far, step);
    if (hit) {
      perPass.push({ phase: orbit.phase, pass, ...hit });
    }
  }
  if (options.start === undefined && options.end === undefined) {
    return perPass;
  }
  if (options.start === undefined || options.end === undefined) {
    throw new UsageError('passesCrossing: give both start and end, or neither');
  }
  const start = toMs(options.start, 'start');
  const end = toMs(options.end, 'end');
  if (end < start) {
    throw new UsageError(`passesCrossing: end ${new Date(end).toISOString()} is before start ${new Date(start).toISOString()}`);
  }
  let first = passAt(orbit, start).cycle - 1;
  let last = passAt(orbit, end).cycle + 1;
  first = Math.max(first, orbit.cycles?.first ?? first);
  last = Math.min(last, orbit.cycles?.last ?? last);
  const rows: PassCrossing[] = [];
  for (let cycle = first; cycle <= last; cycle++) {
    for (const hit of perPass) {
      const t0 = passStartMs(orbit, cycle, hit.pass);
      const enter = t0 + hit.offsets[0] * 1000;
      const leave = t0 + hit.offsets[1] * 1000;
      if (leave >= start && enter <= end) {
        rows.push({ ...hit, cycle, enter, leave });
      }
    }
  }
  return rows.sort((a, b) => a.enter! - b.enter!);
}
