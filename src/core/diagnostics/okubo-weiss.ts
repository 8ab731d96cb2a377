/**
 * Okubo-Weiss parameter W = Sn^2 + Ss^2 - zeta^2, s-2 (Okubo 1970, Deep-Sea
 * Res. 17, 445-454; Weiss 1991, Physica D 48, 273-294): negative where
 * rotation dominates (eddy cores), positive where strain dominates.
 *
 * NaN: NaN in any derivative gives NaN.
 */

import { allocate } from './arena';
import { VelocityGradient } from './east-north';

/**
 * W = Sn^2 + Ss^2 - zeta^2 from the velocity gradient.
 *
 * @example
 * ```ts
 * const w = okuboWeiss(velocityGradient(u, v, jac));
 * const cores = w.map(x => (x < -0.2 * std ? 1 : 0));
 * ```
 */
export function okuboWeiss(grad: VelocityGradient, out: Float64Array = allocate(grad.dudE.length)): Float64Array {
  const { dudE, dudN, dvdE, dvdN } = grad;
  for (let p = 0; p < out.length; p++) {
    const sn = dudE[p] - dvdN[p];
    const ss = dvdE[p] + dudN[p];
    const zeta = dvdE[p] - dudN[p];
    out[p] = sn * sn + ss * ss - zeta * zeta;
  }
  return out;
}
