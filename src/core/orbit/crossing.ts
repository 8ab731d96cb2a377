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
import { toEpochMs } from '../cf/time';
import { UsageError } from '../errors';
import { matchesNumber, NumberFilter } from '../select/query';
import { Ephemeris, interpolate, passBounds } from './ephemeris';
import { Phase } from './orbits';
import { passAt, passStartMs } from './timing';
import { insideRegion, planeRegion, PlaneRegion, Region, touches as touchesRegion } from './region';
import { EARTH_RADIUS, toLonLat } from './sphere';

export type Side = 'left' | 'right';

export interface CrossingOptions {
  /** Only passes flown in this period (epoch ms or ISO strings): one row per cycle and pass. */
  start?: number | string | Date;
  end?: number | string | Date;
  /** Distances of the valid swath from nadir, metres (default 10 km and 60 km). */
  near?: number;
  far?: number;
  /** Sampling of the stretches near the region, seconds (default 2 s, ~14 km). */
  step?: number;
  /** Only these passes: a number, a list or an inclusive range, as in select(). */
  passes?: NumberFilter;
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

function toMs(value: number | string | Date, what: string): number {
  try {
    return toEpochMs(value, `passesCrossing: ${what}`);
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

/** Envelope padding (m): covers the chords between samples 30 s apart and the lon/lat plane's distortion. */
const PAD = 25000;

type Span = [number, number];

/** Points of the swath at `te` into `out`: nadir, then (lon, lat) at each of `angles` right of the track (negative: left). */
function swathPoints(eph: Ephemeris, te: number, angles: readonly number[], out: Float64Array, p: Float64Array, dp: Float64Array): void {
  interpolate(eph, te, p, dp);
  const speed = Math.hypot(dp[0], dp[1], dp[2]);
  const ax = dp[0] / speed;
  const ay = dp[1] / speed;
  const az = dp[2] / speed;
  // Right of the track: along x up.
  const rx = ay * p[2] - az * p[1];
  const ry = az * p[0] - ax * p[2];
  const rz = ax * p[1] - ay * p[0];
  let [lon, lat] = toLonLat(p[0], p[1], p[2]);
  out[0] = lon;
  out[1] = lat;
  for (let i = 0; i < angles.length; i++) {
    const c = Math.cos(angles[i]);
    const sn = Math.sin(angles[i]);
    [lon, lat] = toLonLat(c * p[0] + sn * rx, c * p[1] + sn * ry, c * p[2] + sn * rz);
    out[2 + 2 * i] = lon;
    out[3 + 2 * i] = lat;
  }
}

function widen(span: Span, a: number, b: number): void {
  span[0] = Math.min(span[0], a);
  span[1] = Math.max(span[1], b);
}

/**
 * One pass, in three stages: the ephemeris' 30 s nodes against the region's
 * bounding cap; the padded outer envelope of each 30 s stretch near it
 * against the region (a stretch whose envelope lies inside a box is crossed
 * by both sides and nadir from end to end); and, for the stretches on the
 * region's edge only, samples every `step` seconds.
 */
function scanPass(eph: Ephemeris, region: PlaneRegion, pass: number, near: number, far: number, step: number) {
  const [te0, te1] = passBounds(eph, pass);
  const p = new Float64Array(3);
  const dp = new Float64Array(3);
  // Nodes: the ephemeris' own samples inside the pass (no interpolation needed), with the pass ends.
  const coarse = eph.step;
  const i0 = Math.floor((te0 - eph.t0) / coarse);
  const nodes = Math.ceil((te1 - eph.t0) / coarse) - i0;
  const nodeTime = (k: number) => Math.min(Math.max(eph.t0 + (i0 + k) * coarse, te0), te1);
  const samples = eph.xyz.length / 3;
  const near1 = new Uint8Array(nodes + 1);
  let any = false;
  interpolate(eph, te0, p, dp);
  // The ground speed is nearly constant (2 % over an orbit): one bound per pass.
  const reach = region.capRadius + (far + PAD) / EARTH_RADIUS + Math.hypot(dp[0], dp[1], dp[2]) * coarse * 0.6;
  const cosReach = reach >= Math.PI ? -2 : Math.cos(reach);
  const [cx, cy, cz] = region.cap;
  for (let k = 0; k <= nodes; k++) {
    const i = i0 + k;
    let dot: number;
    if (i >= 0 && i < samples) {
      dot = eph.xyz[3 * i] * cx + eph.xyz[3 * i + 1] * cy + eph.xyz[3 * i + 2] * cz;
    } else {
      interpolate(eph, nodeTime(k), p, dp);
      dot = p[0] * cx + p[1] * cy + p[2] * cz;
    }
    if (dot >= cosReach) {
      near1[k] = 1;
      any = true;
    }
  }
  if (!any) {
    return undefined;
  }
  const found: Record<'left' | 'right' | 'nadir', Span> = { left: [Infinity, -Infinity], right: [Infinity, -Infinity], nadir: [Infinity, -Infinity] };
  const qx = new Float64Array(4);
  const qy = new Float64Array(4);
  const sx = new Float64Array(2);
  const sy = new Float64Array(2);
  const envelope = [-(far + PAD) / EARTH_RADIUS, (far + PAD) / EARTH_RADIUS];
  const sides = [-far / EARTH_RADIUS, -near / EARTH_RADIUS, near / EARTH_RADIUS, far / EARTH_RADIUS];
  const a = new Float64Array(6);
  const b = new Float64Array(6);
  let prev = new Float64Array(10);
  let next = new Float64Array(10);
  const pad = PAD / (EARTH_RADIUS * Math.hypot(dp[0], dp[1], dp[2]));
  for (let k = 0; k < nodes; k++) {
    if (!near1[k] && !near1[k + 1]) {
      continue;
    }
    const t0 = nodeTime(k);
    const t1 = nodeTime(k + 1);
    swathPoints(eph, t0 - pad, envelope, a, p, dp);
    swathPoints(eph, t1 + pad, envelope, b, p, dp);
    qx.set([a[2], a[4], b[4], b[2]]);
    qy.set([a[3], a[5], b[5], b[3]]);
    if (!touchesRegion(region, qx, qy)) {
      continue;
    }
    if (region.convex && insideRegion(region, qx, qy)) {
      widen(found.left, t0, t1);
      widen(found.right, t0, t1);
      widen(found.nadir, t0, t1);
      continue;
    }
    const n = Math.max(1, Math.ceil((t1 - t0) / step));
    swathPoints(eph, t0, sides, prev, p, dp);
    for (let j = 1; j <= n; j++) {
      const ta = t0 + ((t1 - t0) * (j - 1)) / n;
      const tb = t0 + ((t1 - t0) * j) / n;
      swathPoints(eph, tb, sides, next, p, dp);
      // Left strip: points 1 (far) and 2 (near); right strip: 3 (near) and 4 (far).
      for (const [side, inner, outer] of SIDES) {
        qx[0] = prev[inner];
        qy[0] = prev[inner + 1];
        qx[1] = prev[outer];
        qy[1] = prev[outer + 1];
        qx[2] = next[outer];
        qy[2] = next[outer + 1];
        qx[3] = next[inner];
        qy[3] = next[inner + 1];
        if (touchesRegion(region, qx, qy)) {
          widen(found[side], ta, tb);
        }
      }
      sx[0] = prev[0];
      sy[0] = prev[1];
      sx[1] = next[0];
      sy[1] = next[1];
      if (touchesRegion(region, sx, sy)) {
        widen(found.nadir, ta, tb);
      }
      [prev, next] = [next, prev];
    }
  }
  const crossed = (['left', 'right'] as const).filter(side => found[side][0] <= found[side][1]);
  const nadir = found.nadir[0] <= found.nadir[1];
  if (crossed.length === 0 && !nadir) {
    return undefined;
  }
  // Ephemeris seconds to real seconds after the pass start (the real half-orbit differs slightly).
  const scale = eph.orbit.halfOrbit / (te1 - te0);
  const hits = [...crossed.map(side => found[side]), ...(nadir ? [found.nadir] : [])];
  const enter = Math.max(te0, Math.min(...hits.map(h => h[0])));
  const leave = Math.min(te1, Math.max(...hits.map(h => h[1])));
  return { sides: [...crossed], nadir, offsets: [(enter - te0) * scale, (leave - te0) * scale] as [number, number] };
}

/** Offsets into swathPoints' output of the inner and outer edge of each side. */
const SIDES = [
  ['left', 4, 2],
  ['right', 6, 8]
] as const;

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
  const filter = options.passes;
  const named = filter === undefined ? [] : typeof filter === 'number' ? [filter] : Array.isArray(filter) ? filter : [filter.from, filter.to];
  for (const p of named) {
    if (!Number.isInteger(p) || p < 1 || p > orbit.passesPerCycle) {
      throw new UsageError(`passesCrossing: pass ${p} does not exist on the ${orbit.phase} orbit (1-${orbit.passesPerCycle})`);
    }
  }
  const passes = Array.from({ length: orbit.passesPerCycle }, (_, i) => i + 1).filter(matchesNumber(filter));
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
