/**
 * East/north derivatives on the sphere of a field on a curvilinear lat/lon
 * grid: index derivatives (index-derivative.ts) combined with the inverse
 * local Jacobian (jacobian.ts),
 *
 *   dh/de = (h_x n_y - h_y n_x) / J,   dh/dn = (h_y e_x - h_x e_y) / J.
 *
 * NaN: a point needs both index derivatives and valid coefficients,
 * otherwise it is NaN (diagnostics notes, step 3). Units: those of the field
 * per metre.
 */

import { allocate } from './arena';
import { asFloat64, indexGradient } from './index-derivative';
import { InverseJacobian } from './jacobian';
import { checkShape } from './shape';

/** East and north derivatives of one field. */
export interface EastNorthGradient {
  /** d/de, field units per metre. */
  dE: Float64Array;
  /** d/dn, field units per metre. */
  dN: Float64Array;
}

/**
 * East and north derivatives of `values` (C order, the shape of `jac`).
 *
 * @throws RangeError when `values` does not match the shape of `jac`.
 *
 * @example
 * ```ts
 * const jac = inverseJacobian(lat, lon, [lines, pixels]);
 * const { dE, dN } = eastNorthGradient(ssha, jac);
 * ```
 */
export function eastNorthGradient(values: ArrayLike<number>, jac: InverseJacobian): EastNorthGradient {
  const [lines, pixels] = jac.shape;
  checkShape(values, jac.shape, 'eastNorthGradient');
  const dE = allocate(values.length);
  const dN = allocate(values.length);
  // The index derivatives, turned in place into dE, dN. NaN in any term propagates.
  indexGradient(asFloat64(values), lines, pixels, dE, dN, jac);
  return { dE, dN };
}

/** The four east/north derivatives of a velocity field, s-1. */
export interface VelocityGradient {
  dudE: Float64Array;
  dudN: Float64Array;
  dvdE: Float64Array;
  dvdN: Float64Array;
}

/**
 * East/north derivatives of the eastward (`u`) and northward (`v`) velocity.
 *
 * @example
 * ```ts
 * const grad = velocityGradient(u, v, jac);
 * const zeta = relativeVorticity(grad);
 * ```
 */
export function velocityGradient(u: ArrayLike<number>, v: ArrayLike<number>, jac: InverseJacobian): VelocityGradient {
  const gu = eastNorthGradient(u, jac);
  const gv = eastNorthGradient(v, jac);
  return { dudE: gu.dE, dudN: gu.dN, dvdE: gv.dE, dvdN: gv.dN };
}
