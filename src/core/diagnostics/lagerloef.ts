/**
 * Geostrophic velocity across the equator with the Lagerloef et al. (1999)
 * blend ("Tropical Pacific near-surface currents estimated from altimeter,
 * wind, and drifter data", J. Geophys. Res. 104(C10), 23313-23326):
 *
 *   u = (1 - w) u_g + w u_beta,   v = (1 - w) v_g + w v_beta,   w = exp(-(lat / 2.2 deg)^2)
 *   u_g = -g/f dh/dn,   v_g = g/f dh/de                  (f-plane geostrophy)
 *   u_beta = -g/beta d2h/dn2,   v_beta = g/beta d2h/dedn  (equatorial beta-plane, beta = 2.3e-11 m-1 s-1)
 *
 * (1 - w)/f tends to 0 at the equator, where (1 - w) g/f is taken as 0 so that
 * u = u_beta exactly. Where w < 1e-9 (|lat| > 10.0 deg) the beta term is left
 * out entirely (it is then below ~1e-7 m/s for mesoscale slopes), so that a
 * NaN second derivative does not blank a valid geostrophic value there.
 *
 * NaN: NaN latitude or first derivative gives NaN; a NaN second derivative
 * gives NaN wherever w > 0.
 */

import { allocate } from './arena';
import { DEG, EARTH_ROTATION, EQUATORIAL_BETA, GRAVITY, LAGERLOEF_WIDTH } from './constants';
import { Velocity } from './geostrophy';

/** Below this weight the beta-plane term is dropped. */
const BETA_WEIGHT_MIN = 1e-9;

/**
 * Blended equatorial velocity from first (`dhdE`, `dhdN`) and second
 * (`dhdNN` = d2h/dn2, `dhdEN` = d/de (dh/dn)) derivatives, latitudes in degrees.
 *
 * @throws RangeError when lengths differ.
 *
 * @example
 * ```ts
 * const g1 = eastNorthGradient(h, jac);
 * const g2 = eastNorthGradient(g1.dN, jac); // d/de and d/dn of dh/dn
 * const { u, v } = lagerloefVelocity(g1.dE, g1.dN, g2.dN, g2.dE, lat);
 * ```
 */
export function lagerloefVelocity(
  dhdE: ArrayLike<number>,
  dhdN: ArrayLike<number>,
  dhdNN: ArrayLike<number>,
  dhdEN: ArrayLike<number>,
  lat: ArrayLike<number>
): Velocity {
  const n = lat.length;
  if (dhdE.length !== n || dhdN.length !== n || dhdNN.length !== n || dhdEN.length !== n) {
    throw new RangeError(`lagerloefVelocity: derivative arrays must all have ${n} values (one per latitude)`);
  }
  const u = allocate(n);
  const v = allocate(n);
  const twoOmega = 2 * EARTH_ROTATION;
  const gb = GRAVITY / EQUATORIAL_BETA;
  for (let p = 0; p < n; p++) {
    const phi = lat[p];
    const r = phi / LAGERLOEF_WIDTH;
    const e = Math.exp(-r * r);
    const w = e >= BETA_WEIGHT_MIN ? e : 0;
    const kg = phi === 0 ? 0 : ((1 - w) * GRAVITY) / (twoOmega * Math.sin(phi * DEG));
    const ug = -kg * dhdN[p];
    const vg = kg * dhdE[p];
    if (w > 0) {
      u[p] = ug - w * gb * dhdNN[p];
      v[p] = vg + w * gb * dhdEN[p];
    } else {
      u[p] = ug;
      v[p] = vg;
    }
  }
  return { u, v };
}
