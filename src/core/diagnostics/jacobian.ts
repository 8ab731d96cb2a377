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

import { allocate } from './arena';
import { DEG, EARTH_RADIUS } from './constants';
import { asFloat64, indexDerivative, indexGradient, linesWithValues } from './index-derivative';
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
  const out = allocate(lon.length);
  // x + offset, the offset a whole number of turns changed only across the seam (|step| >= 180):
  // exact (no sum of steps drifting), as np.unwrap. Walked in memory order along either axis:
  // one previous value and offset per column (axis 0) or per line (axis 1).
  const width = axis === 0 ? pixels : 1;
  const previous = new Float64Array(width).fill(NaN);
  const offset = new Float64Array(width);
  for (let i = 0, p = 0; i < lines; i++) {
    if (axis === 1) {
      previous[0] = NaN;
      offset[0] = 0;
    }
    for (let j = 0; j < pixels; j++, p++) {
      const x = lon[p];
      const c = axis === 0 ? j : 0;
      if (x !== x) {
        out[p] = NaN;
        continue;
      }
      const d = x - previous[c];
      if (d >= 180 || d < -180) offset[c] -= 360 * Math.round(d / 360);
      previous[c] = x;
      out[p] = x + offset[c];
    }
  }
  return out;
}

/** Whether a step between neighbours along either axis is 180 degrees or more (NaN skipped, as unwrapLongitude does). */
function crossesSeam(lon: Float64Array, lines: number, pixels: number): boolean {
  const previous = new Float64Array(pixels).fill(NaN);
  for (let i = 0, p = 0; i < lines; i++) {
    let left = NaN;
    for (let j = 0; j < pixels; j++, p++) {
      const x = lon[p];
      if (x !== x) continue;
      const a = x - left;
      const b = x - previous[j];
      if (a >= 180 || a < -180 || b >= 180 || b < -180) return true;
      left = x;
      previous[j] = x;
    }
  }
  return false;
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
  const lat2 = allocate(rows * cols);
  const lon2 = allocate(rows * cols);
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
 * With `field` (the values whose derivatives the coefficients will turn), they are computed
 * only where it has a value and NaN elsewhere (its derivatives are NaN there whatever they
 * are): no stencil on its empty lines, no cosine at its missing points.
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
  shape: readonly [number, number] | readonly number[],
  field?: ArrayLike<number>
): InverseJacobian {
  checkShape(lat, shape, 'latitude');
  checkShape(lon, shape, 'longitude');
  const lines = shape[0];
  const pixels = shape[1];
  const n = lines * pixels;
  const lat64 = asFloat64(lat);
  const lon64 = asFloat64(lon);
  if (field !== undefined) checkShape(field, shape, 'field');
  // Where there is a value to turn (NaN latitudes give NaN coefficients anyway).
  const mask = field === undefined ? lat64 : asFloat64(field);
  const needed = field === undefined ? undefined : linesWithValues(mask, lines, pixels);
  const latX = allocate(n), latY = allocate(n), lonX = allocate(n), lonY = allocate(n); // prettier-ignore
  indexGradient(lat64, lines, pixels, latX, latY, undefined, needed);
  if (crossesSeam(lon64, lines, pixels)) {
    indexDerivative(unwrapLongitude(lon64, shape, 0), shape, 0, lonX);
    indexDerivative(unwrapLongitude(lon64, shape, 1), shape, 1, lonY);
  } else {
    // No step of 180 degrees or more: unwrapping along either axis gives the longitudes themselves.
    indexGradient(lon64, lines, pixels, lonX, lonY, undefined, needed);
  }
  for (let i = 0; i < lines; i++) {
    if (needed === undefined || needed[i] !== 0) {
      coefficients(lat64, mask, lonX, lonY, latX, latY, i * pixels, (i + 1) * pixels);
    } else {
      for (let q = i * pixels; q < (i + 1) * pixels; q++) lonX[q] = lonY[q] = latX[q] = latY[q] = NaN;
    }
  }
  return { shape: [lines, pixels], dxde: lonX, dyde: lonY, dxdn: latX, dydn: latY };
}

/**
 * The four coefficients of points [from, to), over the four derivative buffers. A loop of its
 * own (typed arrays and numbers only): compiled once, never deoptimised by the code around it.
 */
function coefficients(lat: Float64Array, mask: Float64Array, lonX: Float64Array, lonY: Float64Array, latX: Float64Array, latY: Float64Array, from: number, to: number): void {
  const k = EARTH_RADIUS * DEG;
  for (let p = from; p < to; p++) {
    if (mask[p] !== mask[p]) {
      lonX[p] = lonY[p] = latX[p] = latY[p] = NaN;
      continue;
    }
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
}
