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
  const f = coriolisOf(lat);
  for (let p = 0; p < values.length; p++) {
    out[p] = values[p] / f[p];
  }
  return out;
}

/**
 * f = 2 Omega sin(lat) for every latitude, computed once per latitude array:
 * one computeDiagnostics call divides several fields by f (vorticity, strains).
 * Keyed by the array object; latitude arrays are not modified in place here.
 */
const cache = new WeakMap<object, Float64Array>();

export function coriolisOf(lat: ArrayLike<number>): Float64Array {
  let f = typeof lat === 'object' ? cache.get(lat as object) : undefined;
  if (f === undefined || f.length !== lat.length) {
    f = allocate(lat.length);
    const k = 2 * EARTH_ROTATION;
    for (let p = 0; p < lat.length; p++) {
      f[p] = k * Math.sin(lat[p] * DEG);
    }
    cache.set(lat as object, f);
  }
  return f;
}
