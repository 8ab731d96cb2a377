/**
 * Lon/lat binned maps: count, mean, std, rms, min, max of the values falling
 * in each cell of a regular lon/lat grid, over one or many swaths.
 *
 * The longitude range is [lonMin, lonMin + width) with width = lonMax - lonMin,
 * or + 360 when lonMax <= lonMin (a box across the 0/360 seam or the
 * dateline); width 360 is the whole circle. Longitudes of the data may be in
 * any convention: each is placed by its offset from lonMin modulo 360. Cell
 * centre longitudes are reported in the user's convention ('[-180, 180)' or
 * '[0, 360)'; default: '[-180, 180)' when lonMin < 0, else '[0, 360)').
 * Latitude cells are [latMin + k dLat, latMin + (k + 1) dLat), the last one
 * also holding latMax. Values, or coordinates, that are NaN are skipped; empty
 * cells have count 0 and NaN statistics. Maps are C order [num_lat, num_lon]
 * (row 0 = southernmost).
 */

import { wrap180, wrap360 } from '../cf/longitude';
import { addToGroup, createGroupedAccumulator, GroupedAccumulator, GroupedSummary, summarizeGroups } from './grouped-accumulator';

export type LongitudeConvention = '[-180, 180)' | '[0, 360)';

export interface BinGrid {
  lonMin: number;
  lonMax: number;
  latMin: number;
  latMax: number;
  /** Cell size in degrees of longitude. */
  lonStep: number;
  /** Cell size in degrees of latitude (default lonStep). */
  latStep?: number;
  convention?: LongitudeConvention;
}

export interface BinnedMap extends GroupedSummary {
  /** Cell centre longitudes (num_lon), in the grid's convention. */
  lon: Float64Array;
  /** Cell centre latitudes (num_lat). */
  lat: Float64Array;
  shape: [number, number];
}

interface Layout {
  lonMin: number;
  width: number;
  nLon: number;
  nLat: number;
  dLon: number;
  dLat: number;
}

function layoutOf(grid: BinGrid): Layout {
  const { lonMin, lonMax, latMin, latMax, lonStep } = grid;
  const dLat = grid.latStep ?? lonStep;
  if (![lonMin, lonMax, latMin, latMax].every(Number.isFinite) || !(lonStep > 0) || !(dLat > 0) || !(latMax > latMin)) {
    throw new RangeError(
      `binned map: need finite lonMin/lonMax, latMin < latMax and positive steps, got ${JSON.stringify(grid)}`
    );
  }
  let width = lonMax - lonMin;
  if (width <= 0) width += 360;
  width = Math.min(width, 360);
  // Round tiny floating excess (e.g. 10 / 0.1) before ceil.
  const nLon = Math.max(1, Math.ceil(width / lonStep - 1e-9));
  const nLat = Math.max(1, Math.ceil((latMax - latMin) / dLat - 1e-9));
  return { lonMin, width, nLon, nLat, dLon: lonStep, dLat };
}

/**
 * Empty accumulators for the cells of `grid` (num_lat x num_lon groups).
 *
 * @throws RangeError for an invalid grid.
 *
 * @example
 * ```ts
 * const acc = createBinAccumulator({ lonMin: 0, lonMax: 360, latMin: -80, latMax: 80, lonStep: 1 });
 * ```
 */
export function createBinAccumulator(grid: BinGrid): GroupedAccumulator {
  const { nLon, nLat } = layoutOf(grid);
  return createGroupedAccumulator(nLon * nLat);
}

/**
 * Add values at (lon, lat) to the cells of `grid`; returns `acc`. When
 * `touched` is given, the index of every cell that was empty and received a
 * value is pushed to it (to take a unit's cells sparse: units.ts takeCells).
 *
 * @throws RangeError when lengths differ or `acc` was made for another grid.
 *
 * @example
 * ```ts
 * const grid = { lonMin: -180, lonMax: 180, latMin: -80, latMax: 80, lonStep: 1 };
 * const acc = createBinAccumulator(grid);
 * for (const pass of passes) accumulateBins(acc, grid, pass.lon, pass.lat, pass.ssha);
 * const map = binnedMapOf(acc, grid);
 * ```
 */
export function accumulateBins(
  acc: GroupedAccumulator,
  grid: BinGrid,
  lon: ArrayLike<number>,
  lat: ArrayLike<number>,
  values: ArrayLike<number>,
  touched?: number[]
): GroupedAccumulator {
  const { lonMin, width, nLon, nLat, dLon, dLat } = layoutOf(grid);
  if (lon.length !== values.length || lat.length !== values.length) {
    throw new RangeError(`accumulateBins: ${values.length} values, ${lon.length} longitudes, ${lat.length} latitudes`);
  }
  if (acc.count.length !== nLon * nLat) {
    throw new RangeError(`accumulateBins: accumulator has ${acc.count.length} cells, grid ${nLat} x ${nLon}`);
  }
  const { latMin, latMax } = grid;
  for (let p = 0; p < values.length; p++) {
    const x = values[p];
    const y = lat[p];
    // Offset east of lonMin in [0, 360); NaN longitudes give NaN and fail the tests below.
    let east = (lon[p] - lonMin) % 360;
    east = east < 0 ? east + 360 : east;
    if (x !== x || !(y >= latMin && y <= latMax) || !(east < width)) {
      continue;
    }
    const i = Math.min(nLat - 1, Math.floor((y - latMin) / dLat));
    const j = Math.min(nLon - 1, Math.floor(east / dLon));
    const g = i * nLon + j;
    if (touched !== undefined && acc.count[g] === 0) touched.push(g);
    addToGroup(acc, g, x);
  }
  return acc;
}

/**
 * Read a binned map out of its accumulator.
 *
 * @example
 * ```ts
 * const { mean, count, lon, lat, shape } = binnedMapOf(acc, grid);
 * ```
 */
export function binnedMapOf(acc: GroupedAccumulator, grid: BinGrid, ddof = 0): BinnedMap {
  const { lonMin, nLon, nLat, dLon, dLat } = layoutOf(grid);
  const convention = grid.convention ?? (lonMin < 0 ? '[-180, 180)' : '[0, 360)');
  const wrap = convention === '[-180, 180)' ? wrap180 : wrap360;
  return {
    ...summarizeGroups(acc, ddof),
    lon: Float64Array.from({ length: nLon }, (_, j) => wrap(lonMin + (j + 0.5) * dLon)),
    lat: Float64Array.from({ length: nLat }, (_, i) => grid.latMin + (i + 0.5) * dLat),
    shape: [nLat, nLon]
  };
}

/**
 * Binned map of `values` at (`lon`, `lat`) in one call.
 *
 * @throws RangeError for an invalid grid or mismatched lengths.
 *
 * @example
 * ```ts
 * const map = binnedMap(lon, lat, ssha, { lonMin: 170, lonMax: -170, latMin: -10, latMax: 10, lonStep: 0.5 });
 * map.mean; // Float64Array of 40 x 40 cells, across the dateline
 * ```
 */
export function binnedMap(lon: ArrayLike<number>, lat: ArrayLike<number>, values: ArrayLike<number>, grid: BinGrid, ddof = 0): BinnedMap {
  return binnedMapOf(accumulateBins(createBinAccumulator(grid), grid, lon, lat, values), grid, ddof);
}
