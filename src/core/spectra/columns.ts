/**
 * Cross-track columns to average spectra over: the pixels whose distance to
 * nadir is within [min, max] km on either side (SWOT KaRIn: 10-60 km, the
 * valid part of each half-swath).
 */

/**
 * Indices of the pixels with min <= |cross-track distance| <= max (km).
 * NaN distances are skipped.
 *
 * @example
 * ```ts
 * // 69 pixels, -68 .. 68 km every 2 km
 * const x = Float64Array.from({ length: 69 }, (_, j) => 2 * (j - 34));
 * columnsOffNadir(x, 10, 60); // [4..29, 39..64]
 * ```
 */
export function columnsOffNadir(crossTrackKm: ArrayLike<number>, min = 10, max = 60): number[] {
  const out: number[] = [];
  for (let j = 0; j < crossTrackKm.length; j++) {
    const d = Math.abs(crossTrackKm[j]);
    if (d >= min && d <= max) out.push(j);
  }
  return out;
}
