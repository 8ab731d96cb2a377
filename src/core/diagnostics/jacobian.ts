/**
 * Local Jacobian of a lat/lon grid on the sphere, inverted so that index
 * derivatives turn into east/north derivatives.
 *
 * Algorithm (diagnostics notes): per index step along lines (x, axis 0) and
 * pixels (y, axis 1), with the derivatives of latitude and (unwrapped)
 * longitude taken with the same stencils as the data (index-derivative.ts),
 *
 *   e_x = R cos(lat) dlon/dx,  n_x = R dlat/dx,  e_y = R cos(lat) dlon/dy,  n_y = R dlat/dy
 *   J = e_x n_y - n_x e_y
 *   dh/de = (h_x n_y - h_y n_x) / J,   dh/dn = (h_y e_x - h_x e_y) / J
 *
 * (the notes write x_e for e_x: the east component of one step along x). This
 * is the chain rule h_x = h_e e_x + h_n n_x, h_y = h_e e_y + h_n n_y solved
 * for (h_e, h_n); it handles rotated swaths and regular grids alike.
 * R = 6371008.8 m. East/north derivatives are the local ones of the sphere,
 * d/de = d/dlon / (R cos lat), d/dn = d/dlat / R (no metric terms).
 *
 * Longitudes may be in [0, 360) or [-180, 180) and may cross the 0/360 seam
 * or the dateline: they are unwrapped along each axis before differencing
 * (steps are taken modulo 360 into [-180, 180)).
 *
 * NaN: where lat or lon is NaN, or an index derivative of them cannot be
 * formed (see indexDerivative), or J is 0, the coefficients are NaN.
 */

import { DEG, EARTH_RADIUS } from './constants';
import { indexDerivative } from './index-derivative';
import { checkShape } from './shape';

/**
 * Inverse Jacobian per point: index steps per metre east and north, so that
 * dh/de = dxde h_x + dyde h_y and dh/dn = dxdn h_x + dydn h_y.
 */
export interface InverseJacobian {
  shape: [number, number];
  dxde: Float64Array;
  dyde: Float64Array;
  dxdn: Float64Array;
  dydn: Float64Array;
}

/**
 * Longitudes unwrapped along `axis` (each step taken modulo 360 into [-180, 180)); NaN stays NaN.
 *
 * @throws RangeError when `lon` does not match `shape`.
 *
 * @example
 * ```ts
 * unwrapLongitude([359, 1, 3], [1, 3], 1); // [359, 361, 363]
 * ```
 */
export function unwrapLongitude(lon: ArrayLike<number>, shape: readonly number[], axis: 0 | 1): Float64Array {
  checkShape(lon, shape, 'unwrapLongitude');
  const [lines, pixels] = shape;
  const out = new Float64Array(lon.length);
  const [count, n, outerStride, stride] = axis === 0 ? [pixels, lines, 1, pixels] : [lines, pixels, pixels, 1];
  for (let a = 0; a < count; a++) {
    let previous = NaN;
    let unwrapped = NaN;
    for (let i = 0, p = a * outerStride; i < n; i++, p += stride) {
      const x = lon[p];
      if (x !== x) {
        out[p] = NaN;
        continue;
      }
      if (previous !== previous) {
        unwrapped = x;
      } else {
        const d = x - previous;
        unwrapped += d - 360 * Math.round(d / 360);
      }
      previous = x;
      out[p] = unwrapped;
    }
  }
  return out;
}

/**
 * Expand 1-D grid coordinates (regular L4 maps: `lat` on axis 0, `lon` on
 * axis 1) into 2-D C-order arrays of shape `[lat.length, lon.length]`.
 *
 * @example
 * ```ts
 * const { lat: lat2, lon: lon2, shape } = expandGrid(lat1, lon1);
 * const jac = inverseJacobian(lat2, lon2, shape);
 * ```
 */
export function expandGrid(
  lat: ArrayLike<number>,
  lon: ArrayLike<number>
): { lat: Float64Array; lon: Float64Array; shape: [number, number] } {
  const rows = lat.length;
  const cols = lon.length;
  const lat2 = new Float64Array(rows * cols);
  const lon2 = new Float64Array(rows * cols);
  for (let i = 0; i < rows; i++) {
    lat2.fill(lat[i], i * cols, (i + 1) * cols);
    for (let j = 0; j < cols; j++) {
      lon2[i * cols + j] = lon[j];
    }
  }
  return { lat: lat2, lon: lon2, shape: [rows, cols] };
}

/**
 * Inverse Jacobian of a 2-D lat/lon grid (degrees) of shape `[num_lines, num_pixels]`.
 *
 * @throws RangeError when lat or lon do not match `shape`.
 *
 * @example
 * ```ts
 * const jac = inverseJacobian(latitude, longitude, [9860, 69]);
 * const { dE, dN } = eastNorthGradient(ssha, jac); // m per m
 * ```
 */
export function inverseJacobian(
  lat: ArrayLike<number>,
  lon: ArrayLike<number>,
  shape: readonly [number, number] | readonly number[]
): InverseJacobian {
  checkShape(lat, shape, 'latitude');
  checkShape(lon, shape, 'longitude');
  const latX = indexDerivative(lat, shape, 0);
  const latY = indexDerivative(lat, shape, 1);
  const lonX = indexDerivative(unwrapLongitude(lon, shape, 0), shape, 0);
  const lonY = indexDerivative(unwrapLongitude(lon, shape, 1), shape, 1);
  const k = EARTH_RADIUS * DEG;
  // Overwrite the four derivative buffers with the four coefficients.
  for (let p = 0; p < lat.length; p++) {
    const c = k * Math.cos(lat[p] * DEG);
    const ex = c * lonX[p];
    const ey = c * lonY[p];
    const nx = k * latX[p];
    const ny = k * latY[p];
    const j = ex * ny - nx * ey;
    const inv = j !== 0 ? 1 / j : NaN;
    lonX[p] = ny * inv; // dx/de
    lonY[p] = -nx * inv; // dy/de
    latX[p] = -ey * inv; // dx/dn
    latY[p] = ex * inv; // dy/dn
  }
  return { shape: [shape[0], shape[1]], dxde: lonX, dyde: lonY, dxdn: latX, dydn: latY };
}
