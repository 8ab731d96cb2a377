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

import { allocate } from './arena';
import { checkShape } from './shape';

/** Half-width of the widest stencil (9 points). */
export const STENCIL_REACH = 4;

/** Centred difference of half-width k (1..4) at index q with stride s. */
function centred(src: Float64Array, q: number, s: number, k: number): number {
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

/**
 * The 9-point stencil alone (interior points: no branch; small enough to be
 * inlined). Integer weights, then one division: exact for polynomials on
 * integer data (tested); weights of 672/840 etc. were not.
 */
function ninePoint(src: Float64Array, q: number, s: number): number {
  return (672 * (src[q + s] - src[q - s]) - 168 * (src[q + 2 * s] - src[q - 2 * s]) + 32 * (src[q + 3 * s] - src[q - 3 * s]) - 3 * (src[q + 4 * s] - src[q - 4 * s])) / 840;
}

/** Derivative over one run of `m` valid values starting at `start`, stride `s`. */
function derivativeRun(src: Float64Array, start: number, s: number, m: number, out: Float64Array): void {
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
  stridedRuns(asFloat64(src), offset, stride, n, out);
}

function stridedRuns(src: Float64Array, offset: number, stride: number, n: number, out: Float64Array): void {
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

/** Float64Array as is (no copy), anything else copied into one: the loops below see one element type. */
export function asFloat64(values: ArrayLike<number>): Float64Array {
  return values instanceof Float64Array ? values : Float64Array.from(values);
}

/** Valid (non-NaN) values next to index q along stride s, up to STENCIL_REACH, within [0, room]. */
function reach(src: Float64Array, q: number, s: number, room: number): number {
  const m = room < STENCIL_REACH ? room : STENCIL_REACH;
  let k = 0;
  while (k < m && src[q + (k + 1) * s] === src[q + (k + 1) * s]) k++;
  return k;
}

/** The stencil of one value from its valid neighbours: before (b) and after (a), each up to 4. */
function fallback(src: Float64Array, q: number, s: number, b: number, a: number): number {
  const x = src[q];
  if (a === 0 && b === 0) return NaN;
  if (b === 0) return src[q + s] - x;
  if (a === 0) return x - src[q - s];
  return centred(src, q, s, a < b ? a : b);
}

/** A value at index `at` of n along stride s whose 9-point stencil does not fit: the widest that does. */
function edge(src: Float64Array, q: number, s: number, at: number, n: number): number {
  return src[q] !== src[q] ? NaN : fallback(src, q, s, reach(src, q, -s, at), reach(src, q, s, n - 1 - at));
}

/**
 * Both 9-point stencils of values [from, to) of one line, written out (the
 * ninePoint helper here cost the loop 1.5x), in a function of its own: inside
 * indexGradient the same loop compiled 2x slower (bench). True if one is NaN.
 */
function bothStencils(src: Float64Array, from: number, to: number, pixels: number, dx: Float64Array, dy: Float64Array): boolean {
  const P2 = 2 * pixels, P3 = 3 * pixels, P4 = 4 * pixels; // prettier-ignore
  let nan = false;
  for (let q = from; q < to; q++) {
    const c = src[q];
    if (c !== c) {
      // No value, no stencil (a third of a line with land or the nadir gap); NaN as it would give.
      dx[q] = dy[q] = NaN;
      continue;
    }
    const z = c - c;
    const x = (dx[q] = (672 * (src[q + pixels] - src[q - pixels]) - 168 * (src[q + P2] - src[q - P2]) + 32 * (src[q + P3] - src[q - P3]) - 3 * (src[q + P4] - src[q - P4])) / 840 + z);
    const y = (dy[q] = (672 * (src[q + 1] - src[q - 1]) - 168 * (src[q + 2] - src[q - 2]) + 32 * (src[q + 3] - src[q - 3]) - 3 * (src[q + 4] - src[q - 4])) / 840 + z);
    if (x !== x || y !== y) nan = true;
  }
  return nan;
}

/** Whether values [from, to) are all NaN (stops at the first value). */
function allNaN(src: Float64Array, from: number, to: number): boolean {
  for (let q = from; q < to; q++) if (src[q] === src[q]) return false;
  return true;
}

/**
 * Which lines of a [lines, pixels] array hold at least one value (1) or none (0): the lines
 * whose diagnostics can be anything but NaN, so the only ones worth a Jacobian (inverseJacobian).
 */
export function linesWithValues(src: ArrayLike<number>, lines: number, pixels: number): Uint8Array {
  const out = new Uint8Array(lines);
  const a = asFloat64(src);
  for (let i = 0; i < lines; i++) out[i] = allNaN(a, i * pixels, (i + 1) * pixels) ? 0 : 1;
  return out;
}

/**
 * Both index derivatives of a [lines, pixels] array (axis 0 into `dx`, axis 1
 * into `dy`), line by line, each line while it is in cache: every value at
 * least 4 steps from the edges along an axis takes that axis's 9-point
 * stencil (both at once where both fit: 17 reads, no branch: NaN arithmetic
 * makes a stencil NaN exactly when one of its 8 neighbours is NaN, and
 * + (x - x) makes it NaN where the value itself is NaN); the values near an
 * edge, and on a line where a stencil met a NaN the valid values whose
 * stencil did, take the widest stencil that fits (fallback). With `jac`
 * (index steps per metre, jacobian.ts) the pair then becomes the east and
 * north derivatives in place (eastNorthGradient). Lines all NaN, and lines
 * with `needed[i] === 0`, are NaN without a stencil. Same results as
 * stridedDerivative along each line and column (tested); a separate walk per
 * axis, a fix-up walk over every value and a combining walk took 2.5x as
 * long on a 2 km pass (bench, 2026-12).
 */
export function indexGradient(
  src: Float64Array,
  lines: number,
  pixels: number,
  dx: Float64Array,
  dy: Float64Array,
  jac?: { dxde: Float64Array; dyde: Float64Array; dxdn: Float64Array; dydn: Float64Array },
  needed?: Uint8Array
): void {
  const r = STENCIL_REACH;
  const i0 = Math.min(r, lines), i1 = Math.max(i0, lines - r); // prettier-ignore
  const j0 = Math.min(r, pixels), j1 = Math.max(j0, pixels - r); // prettier-ignore
  for (let i = 0; i < lines; i++) {
    const row = i * pixels;
    const end = row + pixels;
    // A line not needed, or all NaN (land, the swath's missing lines): NaN, as its stencils would give.
    if ((needed !== undefined && needed[i] === 0) || allNaN(src, row, end)) {
      for (let q = row; q < end; q++) dx[q] = dy[q] = NaN; // (fill() per line cost more than the loop)
      continue;
    }
    let nan = false;
    if (i < i0 || i >= i1) {
      for (let q = row; q < end; q++) dx[q] = edge(src, q, pixels, i, lines);
      for (let q = row + j0; q < row + j1; q++) {
        const y = (dy[q] = ninePoint(src, q, 1) + (src[q] - src[q]));
        if (y !== y) nan = true;
      }
    } else {
      for (let q = row; q < row + j0; q++) {
        const x = (dx[q] = ninePoint(src, q, pixels) + (src[q] - src[q]));
        if (x !== x) nan = true;
      }
      if (bothStencils(src, row + j0, row + j1, pixels, dx, dy)) nan = true;
      for (let q = row + j1; q < end; q++) {
        const x = (dx[q] = ninePoint(src, q, pixels) + (src[q] - src[q]));
        if (x !== x) nan = true;
      }
    }
    for (let j = 0; j < j0; j++) dy[row + j] = edge(src, row + j, 1, j, pixels);
    for (let j = Math.max(j0, j1); j < pixels; j++) dy[row + j] = edge(src, row + j, 1, j, pixels);
    if (nan) {
      for (let j = 0, q = row; j < pixels; j++, q++) {
        if (src[q] !== src[q]) continue;
        if (dx[q] !== dx[q]) dx[q] = edge(src, q, pixels, i, lines);
        if (j >= j0 && j < j1 && dy[q] !== dy[q]) dy[q] = edge(src, q, 1, j, pixels);
      }
    }
    if (jac) {
      const { dxde, dyde, dxdn, dydn } = jac;
      for (let q = row; q < end; q++) {
        const x = dx[q];
        const y = dy[q];
        dx[q] = dxde[q] * x + dyde[q] * y;
        dy[q] = dxdn[q] * x + dydn[q] * y;
      }
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
  out: Float64Array = allocate(values.length)
): Float64Array {
  checkShape(values, shape, 'indexDerivative');
  if (axis !== 0 && axis !== 1) {
    throw new RangeError(`indexDerivative: axis must be 0 (lines) or 1 (pixels), got ${axis}`);
  }
  if (out.length !== values.length || (out as unknown) === values) {
    throw new RangeError('indexDerivative: out must be a distinct Float64Array of the same length as values');
  }
  // indexGradient's walks, the other axis into scratch: one mechanism for one axis or both.
  const scratch = new Float64Array(values.length);
  indexGradient(asFloat64(values), shape[0], shape[1], axis === 0 ? out : scratch, axis === 1 ? out : scratch);
  return out;
}
