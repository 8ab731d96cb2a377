import { alongTrackSpectrum } from './along-track';
import { hannWindow } from './window';

/** Deterministic Gaussian noise (mulberry32 uniform generator + Box-Muller). */
function gaussian(n: number, sigma: number, seed: number): Float64Array {
  let s = seed >>> 0;
  const u = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return (((t ^ (t >>> 14)) >>> 0) + 0.5) / 4294967296;
  };
  return Float64Array.from({ length: n }, () => sigma * Math.sqrt(-2 * Math.log(u())) * Math.cos(2 * Math.PI * u()));
}

describe('alongTrackSpectrum', () => {
  it('gives the flat level 2 variance dx for white noise (Hann, linear detrend)', () => {
    const [lines, pixels] = [20000, 12];
    const sigma = 0.05;
    const x = gaussian(lines * pixels, sigma, 42);
    const s = alongTrackSpectrum(x, [lines, pixels], { columns: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], segmentLength: 256, dx: 2 });
    expect(s.segments).toBe(10 * Math.floor(20000 / 256));
    const level = 2 * sigma * sigma * 2;
    // Bins 3..127: away from DC (detrending) and Nyquist (not doubled).
    let mean = 0;
    for (let k = 3; k < 128; k++) {
      mean += s.psd[k] / 125;
      expect(Math.abs(s.psd[k] / level - 1)).toBeLessThan(0.15); // one bin: ~780 segments, ~4% std
    }
    expect(Math.abs(mean / level - 1)).toBeLessThan(0.02);
    expect(s.wavenumber[1]).toBe(1 / 512);
    expect(s.wavenumber[128]).toBe(0.25); // Nyquist of 2 km: 0.25 cy/km
  });

  it('peaks at the wavenumber of a sine, with the power of the sine (non power-of-two segments)', () => {
    const [lines, pixels] = [1000, 3];
    const A = 0.1;
    const x = new Float64Array(lines * pixels);
    for (let i = 0; i < lines; i++) {
      for (let j = 0; j < pixels; j++) x[i * pixels + j] = A * Math.sin((2 * Math.PI * 2 * i) / 50 + j); // 50 km wavelength
    }
    const s = alongTrackSpectrum(x, [lines, pixels], { columns: [0, 2], segmentLength: 250, window: 'none', detrend: 'none' });
    const peak = s.psd.indexOf(Math.max(...s.psd));
    expect(s.wavenumber[peak]).toBeCloseTo(1 / 50, 15);
    const dk = 1 / (250 * 2);
    expect(s.psd[peak] * dk).toBeCloseTo((A * A) / 2, 12);
    const hann = alongTrackSpectrum(x, [lines, pixels], { columns: [0, 2], segmentLength: 250, window: 'tukey' });
    expect(hann.wavenumber[hann.psd.indexOf(Math.max(...hann.psd))]).toBeCloseTo(1 / 50, 15);
  });

  it('satisfies Parseval: sum of PSD dk = mean square of the (windowed) segments', () => {
    const [lines, pixels] = [300, 2];
    const x = gaussian(lines * pixels, 1, 7);
    const L = 100;
    const dk = 1 / (L * 2);
    const plain = alongTrackSpectrum(x, [lines, pixels], { columns: [0, 1], segmentLength: L, window: 'none', detrend: 'none' });
    let meanSquare = 0;
    for (const c of [0, 1]) for (let i = 0; i < 300; i++) meanSquare += (x[i * 2 + c] * x[i * 2 + c]) / 600;
    expect(plain.psd.reduce((a, b) => a + b, 0) * dk).toBeCloseTo(meanSquare, 12);
    // Hann without detrending: sum(w^2 x^2) / sum(w^2), averaged over the 6 segments.
    const w = hannWindow(L);
    const sw2 = w.reduce((a, b) => a + b * b, 0);
    let weighted = 0;
    for (const c of [0, 1]) for (let s = 0; s < 3; s++) for (let j = 0; j < L; j++) weighted += (w[j] * w[j] * x[(s * L + j) * 2 + c] ** 2) / sw2 / 6;
    const windowed = alongTrackSpectrum(x, [lines, pixels], { columns: [0, 1], segmentLength: L, detrend: 'none' });
    expect(windowed.psd.reduce((a, b) => a + b, 0) * dk).toBeCloseTo(weighted, 12);
  });

  it('splits at gaps and never splices segments across them', () => {
    const lines = 520;
    const x = gaussian(lines, 1, 9);
    for (let i = 201; i < lines; i++) x[i] += 10; // a jump hidden behind the gap
    x[200] = NaN;
    const s = alongTrackSpectrum(x, [lines, 1], { columns: [0], segmentLength: 256 });
    expect(s.segments).toBe(1); // only 201..456 fits; 0..199 is too short
    const alone = alongTrackSpectrum(x.slice(201, 457), [256, 1], { columns: [0], segmentLength: 256 });
    expect(Array.from(s.psd)).toEqual(Array.from(alone.psd));
    const overlapping = alongTrackSpectrum(x, [lines, 1], { columns: [0], segmentLength: 128, overlap: 0.5 });
    expect(overlapping.segments).toBe(2 + 3); // 0..127, 64..191 | 201..328, 265..392, 329..456 (393..520 does not fit)
  });

  it('gives NaN with 0 segments when nothing fits, and rejects bad options', () => {
    const s = alongTrackSpectrum(Float64Array.of(1, 2, NaN, 3), [4, 1], { columns: [0], segmentLength: 3 });
    expect(s.segments).toBe(0);
    expect(s.psd.every(Number.isNaN)).toBe(true);
    expect(() => alongTrackSpectrum(new Float64Array(4), [4, 1], { columns: [1], segmentLength: 2 })).toThrow(/column 1/);
    expect(() => alongTrackSpectrum(new Float64Array(4), [4, 1], { columns: [0], segmentLength: 1 })).toThrow(/segmentLength/);
    expect(() => alongTrackSpectrum(new Float64Array(4), [2, 1], { columns: [0], segmentLength: 2 })).toThrow(/shape/);
    expect(() => alongTrackSpectrum(new Float64Array(4), [4, 1], { columns: [0], segmentLength: 2, overlap: 1 })).toThrow(/overlap/);
  });
});
