import { pick, rasterize } from './rasterize';
import { GridLayer, SwathLayer } from './scene';
import { crossTrack2km, syntheticPass } from './synthetic';

function swath(options: Parameters<typeof syntheticPass>[0] = {}): SwathLayer {
  const p = syntheticPass({ velocities: false, ...options });
  return {
    kind: 'swath',
    lines: p.lines,
    pixels: p.pixels,
    lon: Float32Array.from(p.lon),
    lat: Float32Array.from(p.lat),
    value: p.value,
    line0: 0,
    pixel0: 0,
    lineStep: 1,
    pixelStep: 1
  };
}

/** Runs of drawn pixels along raster row j. */
function runs(value: Float32Array, width: number, j: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let start = -1;
  for (let i = 0; i <= width; i++) {
    const drawn = i < width && value[j * width + i] === value[j * width + i];
    if (drawn && start < 0) start = i;
    if (!drawn && start >= 0) {
      out.push([start, i]);
      start = -1;
    }
  }
  return out;
}

describe('rasterize', () => {
  const pass = swath({ lines: 400 });
  // The middle of the pass, zoomed in so that pixels of the swath span several raster pixels.
  const mid = 200 * 69 + 34;
  const c = { x: pass.lon[mid], y: pass.lat[mid] };
  const view = { x0: c.x - 0.8, x1: c.x + 0.8, y0: c.y - 0.3, y1: c.y + 0.3 };
  const raster = rasterize([pass], view, 400, 150);

  it('fills each side of the swath without holes and never bridges the nadir gap', () => {
    for (let j = 10; j < 140; j += 10) {
      const r = runs(raster.value, 400, j);
      expect(r).toHaveLength(2); // left side, gap, right side
      const gap = r[1][0] - r[0][1];
      // 20 km of nadir gap at 1.6 deg / 400 px: about 45 px wide (more along the slanted track).
      expect(gap).toBeGreaterThan(20);
    }
  });

  it('picks the real point under a pixel', () => {
    const p = pick(raster, 100, 75)!;
    expect(p.layer).toBe(0);
    expect(p.value).toBe(pass.value[p.index]);
    expect(Math.abs(pass.lat[p.index] - (view.y1 - (75.5 / 150) * 0.6))).toBeLessThan(0.05);
    expect(pick(raster, -1, 0)).toBeUndefined();
  });

  it('draws a swath across the dateline in one piece, not smeared across the map', () => {
    const cross = swath({ lines: 600, equatorLon: 180 });
    const r = rasterize([cross], { x0: 170, x1: 190, y0: -5, y1: 5 }, 400, 200);
    let drawn = 0;
    for (let j = 0; j < 200; j++) {
      const row = runs(r.value, 400, j);
      for (const [a, b] of row) {
        drawn += b - a;
        expect(b - a).toBeLessThan(60); // a side is ~50 km wide: ~25 px
      }
    }
    expect(drawn).toBeGreaterThan(3000);
    // The same pass with longitudes in [-180, 180) draws the same pixels.
    const shifted = { ...cross, lon: cross.lon.map(x => (x >= 180 ? x - 360 : x)) };
    const r2 = rasterize([shifted], { x0: 170, x1: 190, y0: -5, y1: 5 }, 400, 200);
    let same = 0;
    for (let k = 0; k < r.value.length; k++) if ((r.value[k] === r.value[k]) === (r2.value[k] === r2.value[k])) same++;
    expect(same / r.value.length).toBeGreaterThan(0.999);
  });

  it('drops points with missing coordinates without distorting the rest', () => {
    const holes = swath({ lines: 400 });
    for (let k = 100 * 69; k < 101 * 69; k++) {
      holes.lat[k] = NaN;
      holes.lon[k] = NaN;
    }
    const r = rasterize([holes], view, 400, 150);
    let differ = 0;
    for (let k = 0; k < r.value.length; k++) if ((r.value[k] === r.value[k]) !== (raster.value[k] === raster.value[k])) differ++;
    expect(differ).toBe(0); // line 100 is outside the zoomed view: nothing else moves
  });

  it('samples grids: cell under each pixel, periodic in longitude, descending latitudes', () => {
    const lon = Float64Array.from({ length: 360 }, (_, i) => -179.5 + i);
    const lat = Float64Array.from({ length: 180 }, (_, j) => 89.5 - j); // north first
    const value = new Float32Array(360 * 180).map((_, k) => k);
    const grid: GridLayer = { kind: 'grid', lon, lat, value };
    const r = rasterize([grid], { x0: 175, x1: 185, y0: 0, y1: 10 }, 10, 10);
    // Pixel (0, 0): lon 175.5, lat 9.5 -> row 80 (89.5 - 80 = 9.5), column 355.
    expect(r.value[0]).toBe(80 * 360 + 355);
    // Pixel 9: lon 184.5 = -175.5 -> column 4.
    expect(r.value[9]).toBe(80 * 360 + 4);
    expect(r.index[9]).toBe(80 * 360 + 4);
  });

  it('leaves a regional grid empty outside its cells', () => {
    const grid: GridLayer = { kind: 'grid', lon: Float64Array.of(10, 11), lat: Float64Array.of(0, 1), value: Float32Array.of(1, 2, 3, 4) };
    // Pixel centres at lon 8.75 .. 13.75 and lat 1.75, 0.75, -0.25; cells end half-way: lon 9.5 .. 11.5, lat -0.5 .. 1.5.
    const r = rasterize([grid], { x0: 8.25, x1: 14.25, y0: -0.75, y1: 2.25 }, 6, 3);
    expect(Array.from(r.layer)).toEqual([-1, -1, -1, -1, -1, -1, -1, 0, 0, -1, -1, -1, -1, 0, 0, -1, -1, -1]);
    expect(Array.from(r.value.subarray(6, 9))).toEqual([NaN, 3, 4]);
  });

  it('rejects empty views and bad sizes', () => {
    expect(() => rasterize([pass], { x0: 1, x1: 1, y0: 0, y1: 1 }, 10, 10)).toThrow(RangeError);
    expect(() => rasterize([pass], view, 0, 10)).toThrow(RangeError);
    expect(crossTrack2km()).toHaveLength(69);
  });
});
