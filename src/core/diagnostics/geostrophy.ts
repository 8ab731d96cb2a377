/**
 * Surface geostrophic velocity from the east/north gradient of sea surface
 * height (diagnostics notes; e.g. Gill 1982, "Atmosphere-Ocean Dynamics", 7.6):
 *
 *   u = -g/f dh/dn (eastward),   v = g/f dh/de (northward)
 *
 * with g = 9.81 m s-2 and f = 2 Omega sin(lat). With h = SSHA the result is
 * the anomaly velocity (ugosa/vgosa); with h = SSHA + MDT (or SSH - geoid) the
 * absolute one (ugos/vgos).
 *
 * Near the equator geostrophy fails: here the velocity is NaN where
 * |lat| < latMin (default 5 degrees). See lagerloef.ts for the blended
 * equatorial alternative.
 *
 * NaN: NaN gradient or latitude gives NaN.
 */

import { allocate } from './arena';
import { DEFAULT_LAT_MIN, GRAVITY } from './constants';
import { coriolisParameter } from './coriolis';

/** Eastward and northward velocities, m s-1. */
export interface Velocity {
  u: Float64Array;
  v: Float64Array;
}

/**
 * Geostrophic velocity from `dhdE`, `dhdN` (m per m) at latitudes `lat` (degrees).
 *
 * @param latMin - |lat| below which u and v are NaN (degrees, default 5; must be > 0).
 * @throws RangeError when lengths differ or latMin is not a positive number.
 *
 * @example
 * ```ts
 * const { dE, dN } = eastNorthGradient(ssha, inverseJacobian(lat, lon, shape));
 * const { u, v } = geostrophicVelocity(dE, dN, lat); // ugosa, vgosa
 * ```
 */
export function geostrophicVelocity(
  dhdE: ArrayLike<number>,
  dhdN: ArrayLike<number>,
  lat: ArrayLike<number>,
  latMin: number = DEFAULT_LAT_MIN
): Velocity {
  const n = lat.length;
  if (dhdE.length !== n || dhdN.length !== n) {
    throw new RangeError(`geostrophicVelocity: ${dhdE.length} and ${dhdN.length} gradient values for ${n} latitudes`);
  }
  if (!(latMin > 0)) {
    throw new RangeError(`geostrophicVelocity: latMin must be a positive number of degrees, got ${latMin}`);
  }
  const u = allocate(n);
  const v = allocate(n);
  for (let p = 0; p < n; p++) {
    const e = dhdE[p];
    const nn = dhdN[p];
    if (e !== e && nn !== nn) {
      u[p] = v[p] = NaN; // no gradient: no sine to take
      continue;
    }
    // NaN when |lat| < latMin (and for NaN latitude: the comparison is false).
    const k = Math.abs(lat[p]) >= latMin ? GRAVITY / coriolisParameter(lat[p]) : NaN;
    u[p] = -k * nn;
    v[p] = k * e;
  }
  return { u, v };
}
