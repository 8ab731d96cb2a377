/**
 * Strain rates of a velocity field, s-1 (diagnostics notes; Okubo 1970,
 * Weiss 1991):
 *
 *   normal Sn = du/de - dv/dn,   shear Ss = dv/de + du/dn,   total S = sqrt(Sn^2 + Ss^2)
 *
 * Report them as fractions of f with divideByCoriolis.
 * NaN: NaN in any derivative used gives NaN.
 */

import { allocate } from './arena';
import { VelocityGradient } from './east-north';

/**
 * Normal strain Sn = du/de - dv/dn.
 *
 * @example
 * ```ts
 * const sn = normalStrain(velocityGradient(u, v, jac));
 * ```
 */
export function normalStrain(grad: VelocityGradient, out: Float64Array = allocate(grad.dudE.length)): Float64Array {
  const { dudE, dvdN } = grad;
  for (let p = 0; p < out.length; p++) {
    out[p] = dudE[p] - dvdN[p];
  }
  return out;
}

/**
 * Shear strain Ss = dv/de + du/dn.
 *
 * @example
 * ```ts
 * const ss = shearStrain(velocityGradient(u, v, jac));
 * ```
 */
export function shearStrain(grad: VelocityGradient, out: Float64Array = allocate(grad.dvdE.length)): Float64Array {
  const { dvdE, dudN } = grad;
  for (let p = 0; p < out.length; p++) {
    out[p] = dvdE[p] + dudN[p];
  }
  return out;
}

/**
 * Total strain sqrt(Sn^2 + Ss^2).
 *
 * @example
 * ```ts
 * const s = totalStrain(velocityGradient(u, v, jac));
 * ```
 */
export function totalStrain(grad: VelocityGradient, out: Float64Array = allocate(grad.dudE.length)): Float64Array {
  const { dudE, dudN, dvdE, dvdN } = grad;
  for (let p = 0; p < out.length; p++) {
    const sn = dudE[p] - dvdN[p];
    const ss = dvdE[p] + dudN[p];
    out[p] = Math.sqrt(sn * sn + ss * ss);
  }
  return out;
}
