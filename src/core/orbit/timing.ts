/**
 * UTC timing of passes, anchored to the real cycle starts: pass p of cycle c
 * starts at start(c) + (p - 1) x half-orbit. A cycle missing from the table
 * (a gap in the ORF) is interpolated between its neighbours; before or after
 * the table, extrapolated from the nearest known cycle with the fitted period
 * (passes per cycle x half-orbit).
 */
import { UsageError } from '../errors';
import { OrbitDefinition } from './orbits';

const periodMs = (orbit: OrbitDefinition) => orbit.passesPerCycle * orbit.halfOrbit * 1000;

/** Index of the last row of `rows` whose key (`at`) is <= `x`, or -1. */
function lastAtOrBefore(rows: ReadonlyArray<readonly [number, number]>, x: number, at: 0 | 1): number {
  let lo = -1;
  let hi = rows.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (rows[mid][at] <= x) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** UTC start (epoch ms) of `cycle`: the first line time of its pass 1. */
export function cycleStartMs(orbit: OrbitDefinition, cycle: number): number {
  const rows = orbit.cycleStarts;
  const i = lastAtOrBefore(rows, cycle, 0);
  if (i < 0) {
    return rows[0][1] - (rows[0][0] - cycle) * periodMs(orbit);
  }
  const [c0, t0] = rows[i];
  if (c0 === cycle || i === rows.length - 1) {
    return t0 + (cycle - c0) * periodMs(orbit);
  }
  const [c1, t1] = rows[i + 1];
  return t0 + ((t1 - t0) * (cycle - c0)) / (c1 - c0);
}

/**
 * UTC start (epoch ms) of pass `pass` of cycle `cycle`.
 *
 * @example passStartMs(ORBITS.science, 26, 165) // 2024-12-29T16:58:06.564Z (the real granule 026_165 starts at 06.880)
 * @throws UsageError for a cycle that is not an integer or a pass outside 1..passesPerCycle
 */
export function passStartMs(orbit: OrbitDefinition, cycle: number, pass: number): number {
  if (!Number.isInteger(cycle)) {
    throw new UsageError(`passStartMs: cycle ${cycle} is not an integer`);
  }
  if (!Number.isInteger(pass) || pass < 1 || pass > orbit.passesPerCycle) {
    throw new UsageError(`passStartMs: pass ${pass} does not exist on the ${orbit.phase} orbit (1-${orbit.passesPerCycle})`);
  }
  return cycleStartMs(orbit, cycle) + (pass - 1) * orbit.halfOrbit * 1000;
}

/**
 * The (cycle, pass) flying at epoch ms `t`: the inverse of passStartMs (the
 * last pass of a cycle lasts until the next cycle starts, a few seconds more or
 * less than a half-orbit).
 */
export function passAt(orbit: OrbitDefinition, t: number): { cycle: number; pass: number } {
  const rows = orbit.cycleStarts;
  const i = lastAtOrBefore(rows, t, 1);
  let cycle: number;
  if (i < 0 || i === rows.length - 1) {
    const [c0, t0] = rows[Math.max(i, 0)];
    cycle = c0 + Math.floor((t - t0) / periodMs(orbit));
  } else {
    const [c0, t0] = rows[i];
    const [c1, t1] = rows[i + 1];
    cycle = c0 + Math.floor(((t - t0) * (c1 - c0)) / (t1 - t0));
  }
  // Rounding at a cycle boundary: settle on start(cycle) <= t < start(cycle + 1).
  while (cycleStartMs(orbit, cycle) > t) cycle--;
  while (cycleStartMs(orbit, cycle + 1) <= t) cycle++;
  const start = cycleStartMs(orbit, cycle);
  const half = orbit.halfOrbit * 1000;
  let pass = Math.min(orbit.passesPerCycle, Math.floor((t - start) / half) + 1);
  // The same rounding at a pass boundary.
  if (pass < orbit.passesPerCycle && start + pass * half <= t) pass++;
  else if (pass > 1 && start + (pass - 1) * half > t) pass--;
  return { cycle, pass };
}
