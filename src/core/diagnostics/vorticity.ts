/**
 * Relative vorticity zeta = dv/de - du/dn, s-1 (diagnostics notes; the
 * local east/north derivatives of the sphere, without the u tan(lat)/R
 * metric term, which is ~1e-3 of zeta for mesoscale eddies). Report it as
 * zeta/f with divideByCoriolis.
 *
 * NaN: NaN in either derivative gives NaN.
 */

import { allocate } from './arena';
import { VelocityGradient } from './east-north';

/**
 * zeta = dv/de - du/dn.
 *
 * @example
 * ```ts
 * const rossby = divideByCoriolis(relativeVorticity(velocityGradient(u, v, jac)), lat);
 * ```
 */
export function relativeVorticity(grad: VelocityGradient, out: Float64Array = allocate(grad.dvdE.length)): Float64Array {
  const { dvdE, dudN } = grad;
  for (let p = 0; p < out.length; p++) {
    out[p] = dvdE[p] - dudN[p];
  }
  return out;
}
