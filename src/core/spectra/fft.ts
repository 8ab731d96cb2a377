/**
 * In-place complex discrete Fourier transform of any length,
 *
 *   X_k = sum_{j=0}^{n-1} x_j exp(-2 pi i j k / n),
 *
 * with no normalisation (numpy.fft.fft convention). Powers of two use the
 * iterative radix-2 Cooley-Tukey algorithm (Cooley & Tukey 1965, Math.
 * Comput. 19, 297-301) with precomputed twiddles and bit reversal; other
 * lengths use Bluestein's chirp-z algorithm (Bluestein 1970, IEEE Trans.
 * Audio Electroacoust. 18, 451-455) over a radix-2 transform of length
 * >= 2n - 1. Length 0 and 1 are identities. NaN in the input spreads to
 * every output bin (as in numpy).
 */

/** A transform of one length, reusable (twiddles and scratch computed once). */
export interface FftPlan {
  readonly n: number;
  /** Transform (re, im) in place. */
  forward(re: Float64Array, im: Float64Array): void;
}

function isPowerOfTwo(n: number): boolean {
  return n > 0 && (n & (n - 1)) === 0;
}

function radix2(n: number): FftPlan {
  const bits = Math.round(Math.log2(n));
  const reverse = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    let r = 0;
    for (let b = 0, x = i; b < bits; b++, x >>= 1) r = (r << 1) | (x & 1);
    reverse[i] = r;
  }
  const cos = new Float64Array(n / 2);
  const sin = new Float64Array(n / 2);
  for (let k = 0; k < n / 2; k++) {
    cos[k] = Math.cos((2 * Math.PI * k) / n);
    sin[k] = -Math.sin((2 * Math.PI * k) / n);
  }
  return {
    n,
    forward(re, im) {
      for (let i = 0; i < n; i++) {
        const j = reverse[i];
        if (j > i) {
          const tr = re[i];
          re[i] = re[j];
          re[j] = tr;
          const ti = im[i];
          im[i] = im[j];
          im[j] = ti;
        }
      }
      for (let size = 2; size <= n; size <<= 1) {
        const half = size >> 1;
        const step = n / size;
        for (let start = 0; start < n; start += size) {
          for (let k = 0, t = 0; k < half; k++, t += step) {
            const a = start + k;
            const b = a + half;
            const wr = cos[t];
            const wi = sin[t];
            const xr = re[b] * wr - im[b] * wi;
            const xi = re[b] * wi + im[b] * wr;
            re[b] = re[a] - xr;
            im[b] = im[a] - xi;
            re[a] += xr;
            im[a] += xi;
          }
        }
      }
    }
  };
}

function bluestein(n: number): FftPlan {
  let m = 1;
  while (m < 2 * n - 1) m <<= 1;
  const inner = radix2(m);
  // Chirp w_k = exp(-i pi k^2 / n), with k^2 taken modulo 2n for accuracy.
  const wr = new Float64Array(n);
  const wi = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const angle = (Math.PI * ((k * k) % (2 * n))) / n;
    wr[k] = Math.cos(angle);
    wi[k] = -Math.sin(angle);
  }
  // Transform of b_k = conj(w_k) on -(n-1)..(n-1), wrapped into length m.
  const br = new Float64Array(m);
  const bi = new Float64Array(m);
  br[0] = wr[0];
  bi[0] = -wi[0];
  for (let k = 1; k < n; k++) {
    br[k] = br[m - k] = wr[k];
    bi[k] = bi[m - k] = -wi[k];
  }
  inner.forward(br, bi);
  const ar = new Float64Array(m);
  const ai = new Float64Array(m);
  return {
    n,
    forward(re, im) {
      ar.fill(0);
      ai.fill(0);
      for (let k = 0; k < n; k++) {
        ar[k] = re[k] * wr[k] - im[k] * wi[k];
        ai[k] = re[k] * wi[k] + im[k] * wr[k];
      }
      inner.forward(ar, ai);
      // Pointwise product, then inverse transform as conj(FFT(conj(.))) / m.
      for (let k = 0; k < m; k++) {
        const r = ar[k] * br[k] - ai[k] * bi[k];
        const i = ar[k] * bi[k] + ai[k] * br[k];
        ar[k] = r;
        ai[k] = -i;
      }
      inner.forward(ar, ai);
      for (let k = 0; k < n; k++) {
        const cr = ar[k] / m;
        const ci = -ai[k] / m;
        re[k] = cr * wr[k] - ci * wi[k];
        im[k] = cr * wi[k] + ci * wr[k];
      }
    }
  };
}

/**
 * A forward FFT plan for length `n` (any non-negative integer).
 *
 * @throws RangeError when n is not a non-negative integer.
 *
 * @example
 * ```ts
 * const plan = createFft(6);
 * const re = Float64Array.of(1, 2, 3, 4, 5, 6), im = new Float64Array(6);
 * plan.forward(re, im); // re[0] === 21
 * ```
 */
export function createFft(n: number): FftPlan {
  if (!Number.isInteger(n) || n < 0) {
    throw new RangeError(`createFft: length must be a non-negative integer, got ${n}`);
  }
  if (n <= 1) {
    return { n, forward: () => undefined };
  }
  return isPowerOfTwo(n) ? radix2(n) : bluestein(n);
}

/**
 * Transform (re, im) in place (a one-off plan; reuse createFft for many transforms).
 *
 * @throws RangeError when re and im lengths differ.
 *
 * @example
 * ```ts
 * fft(re, im);
 * ```
 */
export function fft(re: Float64Array, im: Float64Array): void {
  if (re.length !== im.length) {
    throw new RangeError(`fft: re has ${re.length} values, im ${im.length}`);
  }
  createFft(re.length).forward(re, im);
}
