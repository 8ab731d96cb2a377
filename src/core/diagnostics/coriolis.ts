/**
 * Coriolis parameter f = 2 Omega sin(lat) (Omega = 7.2921159e-5 s-1), and
 * normalisation of a field by the local f (vorticity and strain are reported
 * as fractions of f, the local Rossby number).
 */

import { allocate } from './arena';
import { DEG, EARTH_ROTATION } from './constants';

/**
 * f = 2 Omega sin(lat), s-1, for `lat` in degrees (NaN for NaN).
 *
 * @example
 * ```ts
 * coriolisParameter(35); // 8.365e-5
 * ```
 */
export function coriolisParameter(lat: number): number {
  return 2 * EARTH_ROTATION * Math.sin(lat * DEG);
}

/**
 * `values / f(lat)` element by element (lat in degrees, same length).
 * At the equator f = 0 and the result is +-Infinity or NaN: mask low
 * latitudes first (the diagnostics do).
 *
 * @throws RangeError when the lengths differ.
 *
 * @example
 * ```ts
 * const rossby = divideByCoriolis(relativeVorticity(grad), lat);
 * ```
 */
export function divideByCoriolis(
  values: ArrayLike<number>,
  lat: ArrayLike<number>,
  out: Float64Array = allocate(values.length)
): Float64Array {
  if (lat.length !== values.length || out.length !== values.length) {
    throw new RangeError(`divideByCoriolis: ${values.length} values but ${lat.length} latitudes`);
  }
  for (let p = 0; p < values.length; p++) {
    const x = values[p];
    // No sine where there is nothing to divide (most of a swath with land or gaps).
    out[p] = x === x ? x / coriolisParameter(lat[p]) : NaN;
  }
  return out;
}
