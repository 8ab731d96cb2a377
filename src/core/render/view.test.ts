import { extentOf, fitAspect, formatLat, formatLon, formatValue, localRatio, longitudeSpan, niceTicks, toFrame, unwrapLongitudes } from './view';

describe('view', () => {
  it('finds the smallest longitude interval, across the dateline and the 0/360 seam', () => {
    expect(longitudeSpan([170, 175, 185, 190])).toEqual([170, 190.25]);
    expect(longitudeSpan([-10, 350, 10])).toEqual([-10, 10.25]);
    expect(longitudeSpan([30, 40])).toEqual([30, 40.25]);
    expect(longitudeSpan([NaN])).toBeUndefined();
    expect(longitudeSpan(Array.from({ length: 360 }, (_, i) => i))).toEqual([-180, 180]);
  });

  it('pads the extent and clamps latitudes', () => {
    const e = extentOf([[170, 190]], [[-89, 89]])!;
    expect(e.x0).toBeLessThan(170);
    expect(e.x1).toBeGreaterThan(190);
    expect(e.y0).toBe(-90);
    expect(e.y1).toBe(90);
  });

  it('widens a view to the aspect of the plot', () => {
    const v = fitAspect({ x0: 0, x1: 10, y0: 0, y1: 10 }, 200, 100, 1);
    expect(v.x1 - v.x0).toBeCloseTo(20);
    expect(v.y1 - v.y0).toBeCloseTo(10);
    expect(localRatio({ x0: 0, x1: 1, y0: 59, y1: 61 })).toBeCloseTo(2, 2);
  });

  it('shifts longitudes into a frame and unwraps grid longitudes', () => {
    expect(toFrame(-170, 180)).toBe(190);
    expect(toFrame(350, 0)).toBe(-10);
    expect(Array.from(unwrapLongitudes([178, 179, -180, -179]))).toEqual([178, 179, 180, 181]);
  });

  it('ticks and labels', () => {
    expect(niceTicks(0, 10, 5)).toEqual([0, 2, 4, 6, 8, 10]);
    expect(niceTicks(-0.3, 0.3, 6)).toEqual([-0.3, -0.2, -0.1, 0, 0.1, 0.2, 0.3]);
    expect(formatLon(190)).toBe('170°W');
    expect(formatLon(-10)).toBe('10°W');
    expect(formatLon(0)).toBe('0°');
    expect(formatLon(180)).toBe('180°');
    expect(formatLat(-12.5)).toBe('12.5°S');
    expect(formatValue(0.123456)).toBe('0.1235');
    expect(formatValue(1.5e-4)).toBe('0.00015');
    expect(formatValue(2.5e-7)).toBe('2.5e-7');
  });
});
