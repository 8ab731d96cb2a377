/**
 * Nothing to draw: a display of an empty selection or of values that are
 * all missing says so, in words, instead of drawing an empty map with
 * invented colour limits.
 */

/** What the message needs of a layer: its values, and whether it is a grid. */
interface LayerValues {
  kind: 'swath' | 'grid';
  value: ArrayLike<number>;
}

/** Whether any layer holds a finite value. */
export function hasFiniteValue(layers: readonly LayerValues[]): boolean {
  for (const l of layers) {
    const v = l.value;
    for (let i = 0; i < v.length; i++) {
      const x = v[i];
      if (x - x === 0) {
        return true;
      }
    }
  }
  return false;
}

/**
 * The message of a display with nothing to draw, or undefined when some
 * value is finite. `sourcePoints` counts the values before any level-of-detail
 * reduction; `detail` (e.g. why a selection is empty) is added in brackets.
 *
 * @example
 * emptyMessage([], 'ssha_filtered');            // "nothing to draw: the selection has 0 lines"
 * emptyMessage([allNaN], 'ssha_filtered', 680340); // "all 680,340 values of ssha_filtered are missing (fill or NaN)"
 */
export function emptyMessage(layers: readonly LayerValues[], variable: string, sourcePoints?: number, detail?: string): string | undefined {
  if (hasFiniteValue(layers)) {
    return undefined;
  }
  const points = layers.reduce((n, l) => n + l.value.length, 0);
  const grids = layers.length > 0 && layers.every(l => l.kind === 'grid');
  const what =
    points === 0
      ? `nothing to draw: the selection has 0 ${grids ? 'grid cells' : 'lines'}`
      : `all ${(sourcePoints ?? points).toLocaleString('en-US')} values of ${variable} are missing (fill or NaN)`;
  return detail ? `${what} (${detail})` : what;
}
