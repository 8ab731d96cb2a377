/**
 * The 2-D (latitude, longitude) fields of a gridded variable whatever the
 * order of its dimensions: DUACS writes (time, latitude, longitude), PO.DAAC's
 * NeurOST (latitude, longitude, time), a model output may put longitude
 * first. The roles come from the names of the grid's 1-D coordinates
 * (detectLayout), never from positions; every other dimension indexes a
 * field (time steps, depth levels), in C order.
 */
import { UsageError } from '../errors';

export interface GridFields {
  /** Number of 2-D fields (the product of the other dimensions' lengths). */
  count: number;
  /** [latitudes, longitudes] of one field. */
  shape: [number, number];
  /** For each field, the index along each of the other dimensions (in dims order). */
  indexOf(field: number): number[];
  /** Field `field` of `data` (the variable's values, C order) as latitude-major values in `out`. */
  gather(data: ArrayLike<number>, field: number, out?: Float64Array): Float64Array;
  /** Write a latitude-major field back into `out` (the variable's layout). */
  scatter(values: ArrayLike<number>, field: number, out: { [i: number]: number }): void;
}

/**
 * The fields of a variable of dimensions `dims` and `shape` on the grid of
 * 1-D coordinates along `latDim` and `lonDim`.
 *
 * @throws UsageError naming the variable when it is not on both grid dimensions
 */
export function gridFields(name: string, dims: readonly string[], shape: readonly number[], latDim: string, lonDim: string): GridFields {
  const la = dims.indexOf(latDim);
  const lo = dims.indexOf(lonDim);
  if (la < 0 || lo < 0) {
    throw new UsageError(`${name} has dimensions (${dims.join(', ')}): it is not on the grid of ${latDim} and ${lonDim}`);
  }
  const strides = new Array<number>(dims.length);
  for (let k = dims.length - 1, s = 1; k >= 0; k--) {
    strides[k] = s;
    s *= shape[k];
  }
  const others = dims.map((_, k) => k).filter(k => k !== la && k !== lo);
  const [ny, nx] = [shape[la], shape[lo]];
  const [sy, sx] = [strides[la], strides[lo]];
  const count = others.reduce((n, k) => n * shape[k], 1);
  const indexOf = (field: number): number[] => {
    const index = new Array<number>(others.length);
    for (let j = others.length - 1, rest = field; j >= 0; j--) {
      index[j] = rest % shape[others[j]];
      rest = Math.floor(rest / shape[others[j]]);
    }
    return index;
  };
  const base = (field: number) => indexOf(field).reduce((o, i, j) => o + i * strides[others[j]], 0);
  // (..., lat, lon) in that order: each field is one contiguous run, copied as is.
  const contiguous = sx === 1 && sy === nx;
  return {
    count,
    shape: [ny, nx],
    indexOf,
    gather(data, field, out = new Float64Array(ny * nx)) {
      const o = base(field);
      if (contiguous) {
        for (let p = 0; p < ny * nx; p++) out[p] = data[o + p];
        return out;
      }
      for (let i = 0, p = 0; i < ny; i++) {
        const row = o + i * sy;
        for (let j = 0; j < nx; j++, p++) out[p] = data[row + j * sx];
      }
      return out;
    },
    scatter(values, field, out) {
      const o = base(field);
      for (let i = 0, p = 0; i < ny; i++) {
        const row = o + i * sy;
        for (let j = 0; j < nx; j++, p++) out[row + j * sx] = values[p];
      }
    }
  };
}
