/**
 * Along-track wavenumber spectrum of a swath variable, averaged over
 * cross-track columns and segments (diagnostics notes; Welch 1967, IEEE
 * Trans. Audio Electroacoust. 15, 70-73, for averaged modified periodograms):
 *
 * for each column asked for (e.g. the pixels 10-60 km off nadir, see
 * columnsOffNadir), the series along the lines is split at gaps (NaN; never
 * spliced across), cut into segments of `segmentLength` points (every
 * segmentLength * (1 - overlap) points), each segment detrended (linear by
 * default), multiplied by a window w (Hann by default, or Tukey(0.5)) and
 * transformed; its periodogram
 *
 *   P_k = |FFT(w x)_k|^2 dx / sum(w^2),   k = 0 .. floor(L/2),
 *
 * is made one-sided by doubling every bin but DC and (even L) Nyquist, and
 * the periodograms of all segments of all columns are averaged with equal
 * weights. Wavenumbers k / (L dx) in cycles per km; with the values in metres
 * and dx in km, the PSD is in m^2/(cy/km). White noise of variance s^2 gives
 * a flat level 2 s^2 dx; without window and detrending, the sum of the PSD
 * times dk = 1/(L dx) is the mean square of the segments (Parseval).
 *
 * No segment (all columns too short or too gappy): PSD all NaN, segments 0.
 */

import { detrendLinear, detrendMean, type Detrend } from './detrend';
import { createFft } from './fft';
import { segmentStarts, validRuns } from './segments';
import { spectrumWindow, type SpectrumWindow } from './window';

export interface AlongTrackSpectrumOptions {
  /** Pixel (column) indices to use, e.g. columnsOffNadir(crossTrack, 10, 60). */
  columns: readonly number[];
  /** Points per segment (any length >= 2; powers of two are fastest). */
  segmentLength: number;
  /** Along-track spacing in km (default 2). */
  dx?: number;
  /** Default 'hann'. */
  window?: SpectrumWindow;
  /** Fraction of a segment shared with the next one, in [0, 1) (default 0: disjoint segments). */
  overlap?: number;
  /** Default 'linear'. */
  detrend?: Detrend;
}

export interface WavenumberSpectrum {
  /** k / (L dx), cycles per km, k = 0 .. floor(L/2). */
  wavenumber: Float64Array;
  /** One-sided power spectral density, (input units)^2 per (cy/km). */
  psd: Float64Array;
  /** Segments averaged (over all columns). */
  segments: number;
  segmentLength: number;
  dx: number;
  window: SpectrumWindow;
}

function checkOptions(values: ArrayLike<number>, shape: readonly number[], o: AlongTrackSpectrumOptions): void {
  if (shape.length !== 2 || values.length !== shape[0] * shape[1]) {
    throw new RangeError(`alongTrackSpectrum: ${values.length} values do not match shape [${shape.join(', ')}]`);
  }
  if (!Number.isInteger(o.segmentLength) || o.segmentLength < 2) {
    throw new RangeError(`alongTrackSpectrum: segmentLength must be an integer >= 2, got ${o.segmentLength}`);
  }
  const bad = o.columns.find(c => !Number.isInteger(c) || c < 0 || c >= shape[1]);
  if (bad !== undefined) {
    throw new RangeError(`alongTrackSpectrum: column ${bad} is outside 0..${shape[1] - 1}`);
  }
  const dx = o.dx ?? 2;
  if (!(dx > 0)) {
    throw new RangeError(`alongTrackSpectrum: dx must be a positive number of km, got ${dx}`);
  }
  const overlap = o.overlap ?? 0;
  if (!(overlap >= 0 && overlap < 1)) {
    throw new RangeError(`alongTrackSpectrum: overlap must be within [0, 1), got ${overlap}`);
  }
}

/**
 * Along-track spectrum of `values` (shape [num_lines, num_pixels], C order,
 * NaN for gaps), averaged over `columns` and segments.
 *
 * @throws RangeError for a shape mismatch, a column out of range, or an invalid option.
 *
 * @example
 * ```ts
 * const columns = columnsOffNadir(crossTrackDistance, 10, 60);
 * const s = alongTrackSpectrum(ssha, [9860, 69], { columns, segmentLength: 512 });
 * // s.wavenumber in cy/km, s.psd in m^2/(cy/km)
 * ```
 */
export function alongTrackSpectrum(
  values: ArrayLike<number>,
  shape: readonly number[],
  options: AlongTrackSpectrumOptions
): WavenumberSpectrum {
  checkOptions(values, shape, options);
  const [lines, pixels] = shape;
  const L = options.segmentLength;
  const dx = options.dx ?? 2;
  const kind = options.window ?? 'hann';
  const detrend = options.detrend ?? 'linear';
  const step = Math.max(1, Math.round(L * (1 - (options.overlap ?? 0))));
  const w = spectrumWindow(kind, L);
  let sumW2 = 0;
  for (let j = 0; j < L; j++) sumW2 += w[j] * w[j];

  const bins = Math.floor(L / 2) + 1;
  const sum = new Float64Array(bins);
  const re = new Float64Array(L);
  const im = new Float64Array(L);
  const plan = createFft(L);
  let segments = 0;
  for (const column of options.columns) {
    const starts = segmentStarts(validRuns(values, column, pixels, lines), L, step);
    for (const s of starts) {
      for (let j = 0, p = s * pixels + column; j < L; j++, p += pixels) re[j] = values[p];
      if (detrend === 'linear') detrendLinear(re);
      else if (detrend === 'mean') detrendMean(re);
      for (let j = 0; j < L; j++) re[j] *= w[j];
      im.fill(0);
      plan.forward(re, im);
      for (let k = 0; k < bins; k++) sum[k] += re[k] * re[k] + im[k] * im[k];
      segments++;
    }
  }
  const psd = new Float64Array(bins);
  const scale = dx / sumW2 / segments; // NaN when no segment
  for (let k = 0; k < bins; k++) {
    const oneSided = k === 0 || 2 * k === L ? 1 : 2;
    psd[k] = sum[k] * scale * oneSided;
  }
  return {
    wavenumber: Float64Array.from({ length: bins }, (_, k) => k / (L * dx)),
    psd,
    segments,
    segmentLength: L,
    dx,
    window: kind
  };
}
