import { createFft, fft } from './fft';

function random(n: number, seed: number): Float64Array {
  let s = seed;
  return Float64Array.from({ length: n }, () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648 - 0.5;
  });
}

function naiveDft(re: Float64Array, im: Float64Array): [Float64Array, Float64Array] {
  const n = re.length;
  const outRe = new Float64Array(n);
  const outIm = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    for (let j = 0; j < n; j++) {
      const a = (-2 * Math.PI * ((j * k) % n)) / n;
      outRe[k] += re[j] * Math.cos(a) - im[j] * Math.sin(a);
      outIm[k] += re[j] * Math.sin(a) + im[j] * Math.cos(a);
    }
  }
  return [outRe, outIm];
}

describe('fft', () => {
  it.each([2, 3, 5, 8, 12, 16, 100, 127, 128, 250, 256])('equals the naive DFT for length %i (radix-2 or Bluestein)', n => {
    const re = random(n, n);
    const im = random(n, n + 1);
    const [er, ei] = naiveDft(re, im);
    fft(re, im);
    const scale = Math.sqrt(n);
    for (let k = 0; k < n; k++) {
      expect(Math.abs(re[k] - er[k]) / scale).toBeLessThan(1e-12);
      expect(Math.abs(im[k] - ei[k]) / scale).toBeLessThan(1e-12);
    }
  });

  it('transforms a unit impulse into ones, and lengths 0 and 1 into themselves', () => {
    const re = Float64Array.of(1, 0, 0, 0, 0, 0);
    const im = new Float64Array(6);
    fft(re, im);
    re.forEach(x => expect(x).toBeCloseTo(1, 14));
    im.forEach(x => expect(x).toBeCloseTo(0, 14));
    const one = Float64Array.of(3);
    fft(one, new Float64Array(1));
    expect(one[0]).toBe(3);
    expect(() => fft(new Float64Array(0), new Float64Array(0))).not.toThrow();
  });

  it('satisfies Parseval: sum |X|^2 = n sum |x|^2', () => {
    for (const n of [64, 90]) {
      const re = random(n, 3);
      const energy = re.reduce((s, x) => s + x * x, 0);
      const im = new Float64Array(n);
      createFft(n).forward(re, im);
      const spectral = re.reduce((s, x, k) => s + x * x + im[k] * im[k], 0);
      expect(spectral / (n * energy)).toBeCloseTo(1, 12);
    }
  });

  it('rejects a bad length and mismatched arrays', () => {
    expect(() => createFft(-1)).toThrow(RangeError);
    expect(() => createFft(2.5)).toThrow(RangeError);
    expect(() => fft(new Float64Array(4), new Float64Array(3))).toThrow(RangeError);
  });
});
