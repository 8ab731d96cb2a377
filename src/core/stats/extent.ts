/**
 * NaN-aware minimum and maximum (numpy `nanmin`/`nanmax`). Empty or all-NaN
 * input gives NaN (numpy raises or warns).
 */

/**
 * Smallest non-NaN value.
 *
 * @example
 * ```ts
 * nanMin([3, NaN, -1]); // -1
 * ```
 */
export function nanMin(values: ArrayLike<number>): number {
  let min = Infinity;
  let n = 0;
  for (let i = 0; i < values.length; i++) {
    const x = values[i];
    if (x < min) {
      min = x;
    }
    n += x === x ? 1 : 0;
  }
  return n > 0 ? min : NaN;
}

/**
 * Largest non-NaN value.
 *
 * @example
 * ```ts
 * nanMax([3, NaN, -1]); // 3
 * ```
 */
export function nanMax(values: ArrayLike<number>): number {
  let max = -Infinity;
  let n = 0;
  for (let i = 0; i < values.length; i++) {
    const x = values[i];
    if (x > max) {
      max = x;
    }
    n += x === x ? 1 : 0;
  }
  return n > 0 ? max : NaN;
}
