/**
 * Kinetic energy per unit mass (u^2 + v^2) / 2, m2 s-2.
 * NaN: NaN in u or v gives NaN.
 */

import { allocate } from './arena';

/**
 * (u^2 + v^2) / 2 element by element.
 *
 * @throws RangeError when u and v lengths differ.
 *
 * @example
 * ```ts
 * const eke = kineticEnergy(ugosa, vgosa);
 * ```
 */
export function kineticEnergy(u: ArrayLike<number>, v: ArrayLike<number>, out: Float64Array = allocate(u.length)): Float64Array {
  if (v.length !== u.length || out.length !== u.length) {
    throw new RangeError(`kineticEnergy: u has ${u.length} values, v ${v.length}`);
  }
  for (let p = 0; p < u.length; p++) {
    const a = u[p];
    const b = v[p];
    out[p] = 0.5 * (a * a + b * b);
  }
  return out;
}
