/**
 * Level of detail for very large swaths (250 m Unsmoothed: tens of millions
 * of points): block means over factor x factor points, NaN-aware, computed
 * block of lines by block of lines so that the caller never holds the whole
 * pass in memory. Longitudes are averaged as offsets from the block's first
 * finite longitude (no smearing across the 0/360 seam).
 */

export interface SwathBlock {
  lines: number;
  pixels: number;
  lon: ArrayLike<number>;
  lat: ArrayLike<number>;
  value: ArrayLike<number>;
  u?: ArrayLike<number>;
  v?: ArrayLike<number>;
}

export interface ReducedBlock {
  lines: number;
  pixels: number;
  lon: Float64Array;
  lat: Float64Array;
  value: Float32Array;
  u?: Float32Array;
  v?: Float32Array;
}

/** The factor that brings `points` under `maxPoints` (1 when it already fits). */
export function lodFactor(points: number, maxPoints: number): number {
  if (!(maxPoints > 0)) {
    throw new RangeError(`maxPoints must be positive, got ${maxPoints}`);
  }
  return points <= maxPoints ? 1 : Math.ceil(Math.sqrt(points / maxPoints));
}

function meanInto(src: ArrayLike<number>, out: Float32Array, lines: number, pixels: number, f: number, outPixels: number): void {
  for (let a = 0; a * f < lines; a++) {
    for (let b = 0; b * f < pixels; b++) {
      let sum = 0;
      let n = 0;
      for (let i = a * f; i < Math.min(lines, (a + 1) * f); i++) {
        const row = i * pixels;
        for (let j = b * f; j < Math.min(pixels, (b + 1) * f); j++) {
          const x = src[row + j];
          if (x - x === 0) {
            sum += x;
            n++;
          }
        }
      }
      out[a * outPixels + b] = n > 0 ? sum / n : NaN;
    }
  }
}

/**
 * Block means of a block of lines. Blocks at the end of the lines or pixels
 * may be partial (a block of lines should hold a multiple of `factor` lines
 * except the last one, so that blocks line up).
 *
 * @example
 * const small = reduceSwath({ lines: 4096, pixels: 240, lon, lat, value }, 4); // 1024 x 60
 */
export function reduceSwath(block: SwathBlock, factor: number): ReducedBlock {
  if (!Number.isInteger(factor) || factor < 1) {
    throw new RangeError(`factor must be a positive integer, got ${factor}`);
  }
  const { lines, pixels, lon, lat } = block;
  const outLines = Math.ceil(lines / factor);
  const outPixels = Math.ceil(pixels / factor);
  const n = outLines * outPixels;
  const rLon = new Float64Array(n);
  const rLat = new Float64Array(n);
  for (let a = 0; a < outLines; a++) {
    for (let b = 0; b < outPixels; b++) {
      let ref = NaN;
      let sx = 0;
      let sy = 0;
      let count = 0;
      for (let i = a * factor; i < Math.min(lines, (a + 1) * factor); i++) {
        for (let j = b * factor; j < Math.min(pixels, (b + 1) * factor); j++) {
          const k = i * pixels + j;
          const x = lon[k];
          const y = lat[k];
          if (!(x - x === 0 && y - y === 0)) continue;
          if (ref !== ref) ref = x;
          let d = x - ref;
          d -= 360 * Math.round(d / 360);
          sx += d;
          sy += y;
          count++;
        }
      }
      rLon[a * outPixels + b] = count > 0 ? ref + sx / count : NaN;
      rLat[a * outPixels + b] = count > 0 ? sy / count : NaN;
    }
  }
  const value = new Float32Array(n);
  meanInto(block.value, value, lines, pixels, factor, outPixels);
  const out: ReducedBlock = { lines: outLines, pixels: outPixels, lon: rLon, lat: rLat, value };
  if (block.u && block.v) {
    out.u = new Float32Array(n);
    out.v = new Float32Array(n);
    meanInto(block.u, out.u, lines, pixels, factor, outPixels);
    meanInto(block.v, out.v, lines, pixels, factor, outPixels);
  }
  return out;
}

/** Block means of a regular grid (`value` is lat.length x lon.length) by `factor` in both directions. */
export function reduceGrid(
  lon: ArrayLike<number>,
  lat: ArrayLike<number>,
  value: ArrayLike<number>,
  factor: number
): { lon: Float64Array; lat: Float64Array; value: Float32Array } {
  if (!Number.isInteger(factor) || factor < 1) {
    throw new RangeError(`factor must be a positive integer, got ${factor}`);
  }
  // Longitudes as offsets from the block's first one (a grid cut across the dateline jumps by 360).
  const mean1 = (a: ArrayLike<number>, periodic: boolean): Float64Array => {
    const out = new Float64Array(Math.ceil(a.length / factor));
    for (let b = 0; b < out.length; b++) {
      const ref = a[b * factor];
      let s = 0;
      let n = 0;
      for (let i = b * factor; i < Math.min(a.length, (b + 1) * factor); i++) {
        const d = a[i] - ref;
        s += periodic ? d - 360 * Math.round(d / 360) : d;
        n++;
      }
      out[b] = ref + s / n;
    }
    return out;
  };
  return { lon: mean1(lon, true), lat: mean1(lat, false), value: reduceGridValues(value, lat.length, lon.length, factor) };
}

/** Block means of `rows` x `cols` values by `factor` in both directions (NaN-aware). */
export function reduceGridValues(value: ArrayLike<number>, rows: number, cols: number, factor: number): Float32Array {
  const out = new Float32Array(Math.ceil(rows / factor) * Math.ceil(cols / factor));
  meanInto(value, out, rows, cols, factor, Math.ceil(cols / factor));
  return out;
}
