/**
 * Derivative along one index axis of a 2-D C-order array, per index step.
 *
 * Algorithm (diagnostics notes; Arbic et al. 2012, "Geostrophic turbulence in
 * the frequency-wavenumber domain: eddy-driven low-frequency variability",
 * J. Phys. Oceanogr. 42, appendix): the centred 9-point stencil
 *
 *   f'(0) = (672 (f1 - f-1) - 168 (f2 - f-2) + 32 (f3 - f-3) - 3 (f4 - f-4)) / 840
 *
 * (exact for polynomials of degree 8), falling back, point by point, to the
 * widest centred stencil that fits between NaNs and the edges:
 *
 *   7-point  (45 (f1 - f-1) - 9 (f2 - f-2) + (f3 - f-3)) / 60
 *   5-point  (8 (f1 - f-1) - (f2 - f-2)) / 12
 *   3-point  (f1 - f-1) / 2
 *
 * and, at the two ends of a run of valid values, the 2-point one-sided
 * difference (f1 - f0 or f0 - f-1).
 *
 * NaN: a NaN input gives a NaN output; a valid value alone between NaNs or
 * edges (a run of length 1) gives NaN (no difference can be formed). A NaN
 * changes its neighbours only within 4 steps along the axis (they use a
 * narrower stencil); nothing beyond. Empty input gives empty output.
 */

import { checkShape } from './shape';

/** Half-width of the widest stencil (9 points). */
export const STENCIL_REACH = 4;

/** Centred difference of half-width k (1..4) at index q with stride s. */
function centred(src: ArrayLike<number>, q: number, s: number, k: number): number {
  const d1 = src[q + s] - src[q - s];
  if (k === 1) {
    return d1 / 2;
  }
  const d2 = src[q + 2 * s] - src[q - 2 * s];
  if (k === 2) {
    return (8 * d1 - d2) / 12;
  }
  const d3 = src[q + 3 * s] - src[q - 3 * s];
  if (k === 3) {
    return (45 * d1 - 9 * d2 + d3) / 60;
  }
  const d4 = src[q + 4 * s] - src[q - 4 * s];
  return (672 * d1 - 168 * d2 + 32 * d3 - 3 * d4) / 840;
}

/** The 9-point stencil alone (interior points: no branch; small enough to be inlined). */
function ninePoint(src: ArrayLike<number>, q: number, s: number): number {
  return (
    (672 * (src[q + s] - src[q - s]) -
      168 * (src[q + 2 * s] - src[q - 2 * s]) +
      32 * (src[q + 3 * s] - src[q - 3 * s]) -
      3 * (src[q + 4 * s] - src[q - 4 * s])) /
    840
  );
}

/** Derivative over one run of `m` valid values starting at `start`, stride `s`. */
function derivativeRun(src: ArrayLike<number>, start: number, s: number, m: number, out: Float64Array): void {
  if (m === 1) {
    out[start] = NaN;
    return;
  }
  const last = start + (m - 1) * s;
  out[start] = src[start + s] - src[start];
  out[last] = src[last] - src[last - s];
  const headEnd = Math.min(STENCIL_REACH, m - 1);
  const tailStart = Math.max(headEnd, m - 1 - (STENCIL_REACH - 1));
  for (let p = 1; p < headEnd; p++) {
    out[start + p * s] = centred(src, start + p * s, s, Math.min(p, m - 1 - p));
  }
  // Interior: the full 9-point stencil, no branch.
  for (let p = headEnd; p < tailStart; p++) {
    const q = start + p * s;
    out[q] = ninePoint(src, q, s);
  }
  for (let p = tailStart; p < m - 1; p++) {
    out[start + p * s] = centred(src, start + p * s, s, Math.min(p, m - 1 - p, STENCIL_REACH));
  }
}

/**
 * Derivative of the 1-D sequence `src[offset + i * stride]`, i < n, written
 * at the same positions of `out` (see the module comment for the stencils).
 *
 * @example
 * ```ts
 * // column 3 of a [lines, 69] array
 * stridedDerivative(h, 3, 69, lines, out);
 * ```
 */
export function stridedDerivative(
  src: ArrayLike<number>,
  offset: number,
  stride: number,
  n: number,
  out: Float64Array
): void {
  let i = 0;
  while (i < n) {
    const p = offset + i * stride;
    const x = src[p];
    if (x !== x) {
      out[p] = NaN;
      i++;
      continue;
    }
    let j = i + 1;
    for (let q = p + stride; j < n; j++, q += stride) {
      const y = src[q];
      if (y !== y) {
        break;
      }
    }
    derivativeRun(src, p, stride, j - i, out);
    i = j;
  }
}

/**
 * Axis 0 line by line, in memory order (a column walk with stride `pixels`
 * touches a new cache line at every step): the stencil half-width of each
 * value is min(4, valid values before it, valid values after it) in its
 * column, counted in two sweeps. Same result as stridedDerivative per column.
 */
function alongLines(src: ArrayLike<number>, lines: number, pixels: number, out: Float64Array): void {
  const n = lines * pixels;
  const before = new Uint8Array(n);
  const after = new Uint8Array(n);
  for (let q = pixels; q < n; q++) {
    const x = src[q - pixels];
    before[q] = x === x ? Math.min(STENCIL_REACH, before[q - pixels] + 1) : 0;
  }
  for (let q = n - pixels - 1; q >= 0; q--) {
    const x = src[q + pixels];
    after[q] = x === x ? Math.min(STENCIL_REACH, after[q + pixels] + 1) : 0;
  }
  const s = pixels;
  for (let q = 0; q < n; q++) {
    const x = src[q];
    const b = before[q];
    const a = after[q];
    if (a === STENCIL_REACH && b === STENCIL_REACH && x === x) {
      out[q] = ninePoint(src, q, s);
    } else if (x !== x || (a === 0 && b === 0)) {
      out[q] = NaN;
    } else if (b === 0) {
      out[q] = src[q + s] - x;
    } else if (a === 0) {
      out[q] = x - src[q - s];
    } else {
      out[q] = centred(src, q, s, a < b ? a : b);
    }
  }
}

/**
 * Derivative per index step along `axis` (0: along lines, 1: along pixels)
 * of a 2-D C-order array of shape `[num_lines, num_pixels]`.
 *
 * @param out - optional output (must not be `values` itself).
 * @throws RangeError when `values.length` does not match `shape` or `axis` is not 0 or 1.
 *
 * @example
 * ```ts
 * // h on 3 lines x 4 pixels; d/d(pixel index)
 * const hy = indexDerivative(h, [3, 4], 1);
 * ```
 */
export function indexDerivative(
  values: ArrayLike<number>,
  shape: readonly [number, number] | readonly number[],
  axis: 0 | 1,
  out: Float64Array = new Float64Array(values.length)
): Float64Array {
  checkShape(values, shape, 'indexDerivative');
  if (axis !== 0 && axis !== 1) {
    throw new RangeError(`indexDerivative: axis must be 0 (lines) or 1 (pixels), got ${axis}`);
  }
  if (out.length !== values.length || (out as unknown) === values) {
    throw new RangeError('indexDerivative: out must be a distinct Float64Array of the same length as values');
  }
  const [lines, pixels] = shape;
  if (axis === 0) {
    alongLines(values, lines, pixels, out);
  } else {
    for (let i = 0; i < lines; i++) {
      stridedDerivative(values, i * pixels, 1, pixels, out);
    }
  }
  return out;
}
