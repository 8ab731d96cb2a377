/**
 * Taper windows for spectra, periodic ("DFT-even") as scipy.signal.get_window
 * makes them for spectral analysis (fftbins=True): the symmetric window of
 * length n + 1 without its last point.
 *
 * - Hann: w_j = 0.5 - 0.5 cos(2 pi j / n) (Blackman & Tukey 1958).
 * - Tukey(alpha) (Harris 1978, Proc. IEEE 66, 51-83): flat top, cosine tapers
 *   over alpha/2 of the length at each end; alpha = 0 is the boxcar, 1 Hann.
 * - 'none': all ones.
 */

export type SpectrumWindow = 'hann' | 'tukey' | 'none';

/**
 * Periodic Hann window of length n.
 *
 * @example
 * ```ts
 * hannWindow(4); // [0, 0.5, 1, 0.5]
 * ```
 */
export function hannWindow(n: number): Float64Array {
  return Float64Array.from({ length: n }, (_, j) => 0.5 - 0.5 * Math.cos((2 * Math.PI * j) / n));
}

/**
 * Periodic Tukey window of length n with taper fraction alpha (default 0.5),
 * as scipy.signal.windows.tukey(n + 1, alpha)[:-1].
 *
 * @throws RangeError when alpha is outside [0, 1].
 *
 * @example
 * ```ts
 * tukeyWindow(8, 0.5); // tapers over 2 points at each end
 * ```
 */
export function tukeyWindow(n: number, alpha = 0.5): Float64Array {
  if (!(alpha >= 0 && alpha <= 1)) {
    throw new RangeError(`tukeyWindow: alpha must be within [0, 1], got ${alpha}`);
  }
  const m = n + 1; // symmetric length
  const out = new Float64Array(n).fill(1);
  if (alpha === 0 || n === 0) {
    return out;
  }
  const width = Math.floor((alpha * (m - 1)) / 2);
  for (let j = 0; j < n; j++) {
    if (j <= width) {
      out[j] = 0.5 * (1 + Math.cos(Math.PI * (-1 + (2 * j) / (alpha * (m - 1)))));
    } else if (j >= m - width - 1) {
      out[j] = 0.5 * (1 + Math.cos(Math.PI * (-2 / alpha + 1 + (2 * j) / (alpha * (m - 1)))));
    }
  }
  return out;
}

/**
 * The window of the given kind and length.
 *
 * @example
 * ```ts
 * spectrumWindow('tukey', 256);
 * ```
 */
export function spectrumWindow(kind: SpectrumWindow, n: number): Float64Array {
  switch (kind) {
    case 'hann':
      return hannWindow(n);
    case 'tukey':
      return tukeyWindow(n, 0.5);
    case 'none':
      return new Float64Array(n).fill(1);
    default:
      throw new RangeError(`unknown window '${kind as string}' (hann, tukey or none)`);
  }
}
