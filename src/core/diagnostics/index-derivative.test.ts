import { indexDerivative, indexGradient, stridedDerivative } from './index-derivative';

/** The stencils of the diagnostics notes, written out as there. */
const stencil = {
  9: (f: (k: number) => number) => (-3 * f(4) + 32 * f(3) - 168 * f(2) + 672 * f(1) - 672 * f(-1) + 168 * f(-2) - 32 * f(-3) + 3 * f(-4)) / 840,
  7: (f: (k: number) => number) => (f(3) - 9 * f(2) + 45 * f(1) - 45 * f(-1) + 9 * f(-2) - f(-3)) / 60,
  5: (f: (k: number) => number) => (-f(2) + 8 * f(1) - 8 * f(-1) + f(-2)) / 12,
  3: (f: (k: number) => number) => (f(1) - f(-1)) / 2
};

function derivative1d(values: number[]): Float64Array {
  return indexDerivative(Float64Array.from(values), [1, values.length], 1);
}

// Deterministic pseudo-random values (LCG), so failures reproduce.
function random(n: number, seed = 1): number[] {
  let s = seed;
  return Array.from({ length: n }, () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648 - 0.5;
  });
}

describe('indexDerivative', () => {
  it('uses the 9-point stencil in the interior and narrower centred ones towards the edges', () => {
    const f = random(12);
    const d = derivative1d(f);
    const at = (i: number) => (k: number) => f[i + k];
    expect(d[0]).toBe(f[1] - f[0]);
    expect(d[1]).toBeCloseTo(stencil[3](at(1)), 15);
    expect(d[2]).toBeCloseTo(stencil[5](at(2)), 15);
    expect(d[3]).toBeCloseTo(stencil[7](at(3)), 15);
    for (let i = 4; i <= 7; i++) {
      expect(d[i]).toBeCloseTo(stencil[9](at(i)), 15);
    }
    expect(d[8]).toBeCloseTo(stencil[7](at(8)), 15);
    expect(d[9]).toBeCloseTo(stencil[5](at(9)), 15);
    expect(d[10]).toBeCloseTo(stencil[3](at(10)), 15);
    expect(d[11]).toBe(f[11] - f[10]);
  });

  it('is exact for polynomials up to degree 8 where the 9-point stencil applies', () => {
    // p(x) = sum c_k x^k on x = i / 10, derivative per index step = p'(x) / 10.
    const c = [0.3, -1, 2, 0.5, -0.25, 0.1, 0.05, -0.02, 0.01];
    const x = Array.from({ length: 21 }, (_, i) => (i - 10) / 10);
    const p = x.map(t => c.reduce((s, ck, k) => s + ck * t ** k, 0));
    const dp = x.map(t => c.reduce((s, ck, k) => s + (k > 0 ? k * ck * t ** (k - 1) : 0), 0) / 10);
    const d = derivative1d(p);
    for (let i = 4; i <= 16; i++) {
      expect(d[i]).toBeCloseTo(dp[i], 13);
    }
  });

  it('is exact for a linear function everywhere, including the one-sided ends', () => {
    const d = derivative1d([1, 3, 5, NaN, 9, 11, 13, 15, 17, 19, 21, 23, 25, 27]);
    expect(Array.from(d)).toEqual([2, 2, 2, NaN, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2]);
  });

  it('keeps NaN, gives NaN for a value alone between NaNs, and falls back next to a gap', () => {
    const f = random(20, 7);
    f[10] = NaN;
    f[12] = NaN;
    const d = derivative1d(f);
    expect(Number.isNaN(d[10])).toBe(true);
    expect(Number.isNaN(d[11])).toBe(true); // isolated valid value
    expect(Number.isNaN(d[12])).toBe(true);
    const at = (i: number) => (k: number) => f[i + k];
    expect(d[9]).toBe(f[9] - f[8]); // one-sided next to the gap
    expect(d[8]).toBeCloseTo(stencil[3](at(8)), 15);
    expect(d[7]).toBeCloseTo(stencil[5](at(7)), 15);
    expect(d[6]).toBeCloseTo(stencil[7](at(6)), 15);
    expect(d[5]).toBeCloseTo(stencil[9](at(5)), 15);
    expect(d[13]).toBe(f[14] - f[13]);
    expect(d[16]).toBeCloseTo(stencil[7](at(16)), 15); // 3 from the end of the array
  });

  it('lets a NaN change only the neighbours within 4 steps along the axis', () => {
    const lines = 15;
    const pixels = 13;
    const clean = Float64Array.from(random(lines * pixels, 3));
    const holed = clean.slice();
    const [i0, j0] = [7, 6];
    holed[i0 * pixels + j0] = NaN;
    for (const axis of [0, 1] as const) {
      const a = indexDerivative(clean, [lines, pixels], axis);
      const b = indexDerivative(holed, [lines, pixels], axis);
      for (let i = 0; i < lines; i++) {
        for (let j = 0; j < pixels; j++) {
          const p = i * pixels + j;
          const reach = axis === 0 ? (j === j0 ? Math.abs(i - i0) : Infinity) : i === i0 ? Math.abs(j - j0) : Infinity;
          // Half-width of the stencil without the NaN (edges already narrow it).
          const [k, n] = axis === 0 ? [i, lines] : [j, pixels];
          const width = Math.min(k, n - 1 - k, 4);
          if (reach === 0) {
            expect(Number.isNaN(b[p])).toBe(true);
          } else if (reach > 4 || width < reach) {
            expect(b[p]).toBe(a[p]);
          } else {
            expect(Number.isFinite(b[p])).toBe(true);
            expect(b[p]).not.toBe(a[p]);
          }
        }
      }
    }
  });

  it('differentiates along lines (axis 0) as along pixels of the transposed array', () => {
    const [lines, pixels] = [11, 6];
    const a = Float64Array.from(random(lines * pixels, 5));
    a[3 * pixels + 2] = NaN;
    const t = new Float64Array(a.length);
    for (let i = 0; i < lines; i++) {
      for (let j = 0; j < pixels; j++) {
        t[j * lines + i] = a[i * pixels + j];
      }
    }
    const d0 = indexDerivative(a, [lines, pixels], 0);
    const d1 = indexDerivative(t, [pixels, lines], 1);
    for (let i = 0; i < lines; i++) {
      for (let j = 0; j < pixels; j++) {
        expect(d0[i * pixels + j]).toBe(d1[j * lines + i]);
      }
    }
  });

  it('gives NaN for a single line along lines, and empty output for empty input', () => {
    const d = indexDerivative(Float64Array.of(1, 2, 3), [1, 3], 0);
    expect(Array.from(d)).toEqual([NaN, NaN, NaN]);
    expect(indexDerivative(new Float64Array(0), [0, 69], 1).length).toBe(0);
  });

  it('accepts any numeric typed array and writes into a given output', () => {
    const out = new Float64Array(4);
    expect(indexDerivative(Int16Array.of(0, 10, 20, 30), [1, 4], 1, out)).toBe(out);
    expect(Array.from(out)).toEqual([10, 10, 10, 10]);
  });

  it('rejects a shape that does not match, a bad axis, and an output aliasing the input', () => {
    expect(() => indexDerivative(new Float64Array(5), [2, 3], 0)).toThrow(RangeError);
    expect(() => indexDerivative(new Float64Array(6), [2, 3], 2 as 0)).toThrow(/axis/);
    const a = new Float64Array(6);
    expect(() => indexDerivative(a, [2, 3], 0, a)).toThrow(/distinct/);
  });

  it('works on strided 1-D views', () => {
    const src = Float64Array.of(0, 99, 1, 99, 4, 99, 9);
    const out = new Float64Array(7);
    stridedDerivative(src, 0, 2, 4, out);
    expect([out[0], out[2], out[4], out[6]]).toEqual([1, 2, 4, 5]);
    expect(out[1]).toBe(0);
  });

  it('indexGradient gives, to the bit, stridedDerivative along every column and line, NaN gaps and edges included', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    for (const [lines, pixels] of [[40, 69], [9, 9], [5, 3], [1, 12], [30, 1], [0, 4]]) {
      const n = lines * pixels;
      const src = Float64Array.from({ length: n }, (_, q) => Math.sin(q * 0.37) * 3 + (q % pixels) * 0.1);
      for (let q = 0; q < n; q++) if (random() < 0.12) src[q] = NaN;
      for (let q = 0; q < n; q++) if (q % pixels >= 30 && q % pixels < 38) src[q] = NaN; // a nadir gap
      const [dx, dy] = [new Float64Array(n), new Float64Array(n)];
      indexGradient(src, lines, pixels, dx, dy);
      const [ex, ey] = [new Float64Array(n), new Float64Array(n)];
      for (let j = 0; j < pixels; j++) stridedDerivative(src, j, pixels, lines, ex);
      for (let i = 0; i < lines; i++) stridedDerivative(src, i * pixels, 1, pixels, ey);
      expect(Buffer.from(dx.buffer).equals(Buffer.from(ex.buffer))).toBe(true);
      expect(Buffer.from(dy.buffer).equals(Buffer.from(ey.buffer))).toBe(true);
      expect(Buffer.from(indexDerivative(src, [lines, pixels], 0).buffer).equals(Buffer.from(ex.buffer))).toBe(true);
    }
  });
});
