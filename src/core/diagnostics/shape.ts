/** Shape checks shared by the diagnostics kernels (internal: not re-exported). */

/** Check that `values` holds `shape[0] * shape[1]` elements. */
export function checkShape(values: ArrayLike<number>, shape: readonly number[], what: string): void {
  if (shape.length !== 2 || !shape.every(n => Number.isInteger(n) && n >= 0)) {
    throw new RangeError(`${what}: shape must be [num_lines, num_pixels] of non-negative integers, got [${shape.join(', ')}]`);
  }
  if (values.length !== shape[0] * shape[1]) {
    throw new RangeError(
      `${what}: ${values.length} values do not match shape [${shape[0]}, ${shape[1]}] (${shape[0] * shape[1]} expected)`
    );
  }
}
