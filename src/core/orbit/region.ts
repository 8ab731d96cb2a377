/**
 * The region a pass finder is asked about: a lon/lat box (lonMin > lonMax
 * crosses the dateline, as in select()), a point, or a polygon, in a plane of
 * longitude unwrapped around the region's centre, with a bounding cap on the
 * sphere for a quick rejection of whole stretches of orbit.
 */
import { wrap180 } from '../cf/longitude';
import { UsageError } from '../errors';
import { toXyz } from './sphere';

export type Region =
  | { bbox: readonly [number, number, number, number] }
  | { point: readonly [number, number] }
  | { polygon: ReadonlyArray<readonly [number, number]> };

export interface PlaneRegion {
  /** Vertices (longitudes unwrapped around `centreLon`); one vertex for a point. */
  xs: Float64Array;
  ys: Float64Array;
  centreLon: number;
  minX: number;
  maxX: number;
  minY: number;
  maxY: number;
  /** Unit vector of the cap's centre and the cap's angular radius (radians). */
  cap: [number, number, number];
  capRadius: number;
  /** A box: a piece whose vertices are all inside lies inside. */
  convex: boolean;
}

function checkLat(lat: number, what: string): void {
  if (!Number.isFinite(lat) || lat < -90 || lat > 90) {
    throw new UsageError(`${what}: latitude ${lat} is outside [-90, 90]`);
  }
}

function checkLon(lon: number, what: string): void {
  if (!Number.isFinite(lon) || lon < -360 || lon > 360) {
    throw new UsageError(`${what}: longitude ${lon} is not a longitude in degrees`);
  }
}

/** @throws UsageError for a region that is not one (reversed latitudes, too few vertices, NaN). */
export function planeRegion(region: Region): PlaneRegion {
  let lon: number[];
  let lat: number[];
  if ('bbox' in region) {
    const [x0, y0, x1raw, y1] = region.bbox;
    [x0, x1raw].forEach(x => checkLon(x, 'bbox'));
    [y0, y1].forEach(y => checkLat(y, 'bbox'));
    if (y0 > y1) {
      throw new UsageError(`bbox: latMin ${y0} > latMax ${y1} (the order is [lonMin, latMin, lonMax, latMax])`);
    }
    const x1 = x1raw < x0 ? x1raw + 360 : x1raw;
    if (x1 - x0 > 360) {
      throw new UsageError(`bbox: lonMin ${x0} to lonMax ${x1raw} spans more than 360 degrees`);
    }
    lon = [x0, x1, x1, x0];
    lat = [y0, y0, y1, y1];
  } else if ('point' in region) {
    checkLon(region.point[0], 'point');
    checkLat(region.point[1], 'point');
    lon = [region.point[0]];
    lat = [region.point[1]];
  } else if ('polygon' in region) {
    if (region.polygon.length < 3) {
      throw new UsageError(`polygon: ${region.polygon.length} vertices, at least 3 are needed`);
    }
    lon = [];
    lat = [];
    region.polygon.forEach(([x, y], i) => {
      checkLon(x, `polygon vertex ${i}`);
      checkLat(y, `polygon vertex ${i}`);
      // Each vertex within 180 degrees of the previous one: a polygon may cross the dateline.
      const prev = i > 0 ? lon[i - 1] : x;
      lon.push(near(x, prev));
      lat.push(y);
    });
  } else {
    throw new UsageError('region: give { bbox: [lonMin, latMin, lonMax, latMax] }, { point: [lon, lat] } or { polygon: [[lon, lat], ...] }');
  }
  const minX = Math.min(...lon);
  const maxX = Math.max(...lon);
  const centreLon = (minX + maxX) / 2;
  const [cap, capRadius] = boundingCap(lon, lat);
  return {
    xs: Float64Array.from(lon),
    ys: Float64Array.from(lat),
    centreLon,
    minX,
    maxX,
    minY: Math.min(...lat),
    maxY: Math.max(...lat),
    cap,
    capRadius,
    convex: 'bbox' in region
  };
}

/** A cap holding the region: its edges sampled (parallels bulge away from great circles). */
function boundingCap(lon: number[], lat: number[]): [[number, number, number], number] {
  const sx: number[] = [];
  const sy: number[] = [];
  for (let i = 0; i < lon.length; i++) {
    const j = (i + 1) % lon.length;
    for (let k = 0; k < 16; k++) {
      sx.push(lon[i] + ((lon[j] - lon[i]) * k) / 16);
      sy.push(lat[i] + ((lat[j] - lat[i]) * k) / 16);
    }
  }
  const xyz = toXyz(sx, sy);
  let cx = 0;
  let cy = 0;
  let cz = 0;
  for (let i = 0; i < sx.length; i++) {
    cx += xyz[3 * i];
    cy += xyz[3 * i + 1];
    cz += xyz[3 * i + 2];
  }
  const norm = Math.hypot(cx, cy, cz) || 1;
  const centre: [number, number, number] = norm > 1e-9 ? [cx / norm, cy / norm, cz / norm] : [0, 0, 1];
  let radius = 0;
  for (let i = 0; i < sx.length; i++) {
    const dot = centre[0] * xyz[3 * i] + centre[1] * xyz[3 * i + 1] + centre[2] * xyz[3 * i + 2];
    radius = Math.max(radius, Math.acos(Math.min(1, Math.max(-1, dot))));
  }
  return [centre, radius * 1.01 + 1e-6];
}

/** Longitude `x` moved by whole turns next to `ref`. */
export function near(x: number, ref: number): number {
  return ref + wrap180(x - ref);
}

function inside(px: number, py: number, xs: ArrayLike<number>, ys: ArrayLike<number>): boolean {
  let result = false;
  for (let i = 0, j = xs.length - 1; i < xs.length; j = i++) {
    if (ys[i] > py !== ys[j] > py && px < ((xs[j] - xs[i]) * (py - ys[i])) / (ys[j] - ys[i]) + xs[i]) {
      result = !result;
    }
  }
  return result;
}

function cross(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): number {
  return (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
}

function segmentsIntersect(ax: number, ay: number, bx: number, by: number, cx: number, cy: number, dx: number, dy: number): boolean {
  const d1 = cross(cx, cy, dx, dy, ax, ay);
  const d2 = cross(cx, cy, dx, dy, bx, by);
  const d3 = cross(ax, ay, bx, by, cx, cy);
  const d4 = cross(ax, ay, bx, by, dx, dy);
  if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0))) {
    return true;
  }
  const onSegment = (px: number, py: number, qx: number, qy: number, rx: number, ry: number) =>
    Math.min(px, qx) <= rx && rx <= Math.max(px, qx) && Math.min(py, qy) <= ry && ry <= Math.max(py, qy);
  return (
    (d1 === 0 && onSegment(cx, cy, dx, dy, ax, ay)) ||
    (d2 === 0 && onSegment(cx, cy, dx, dy, bx, by)) ||
    (d3 === 0 && onSegment(ax, ay, bx, by, cx, cy)) ||
    (d4 === 0 && onSegment(ax, ay, bx, by, dx, dy))
  );
}

/**
 * Whether the small polygon (qx, qy) — a piece of swath side (4 vertices) or
 * of nadir track (2) — touches the region. Its longitudes are first brought
 * next to the region's centre; `qx` is modified.
 */
export function touches(region: PlaneRegion, qx: Float64Array, qy: Float64Array): boolean {
  const n = qx.length;
  qx[0] = near(qx[0], region.centreLon);
  for (let i = 1; i < n; i++) {
    qx[i] = near(qx[i], qx[0]);
  }
  let minX = Infinity;
  let maxX = -Infinity;
  let minY = Infinity;
  let maxY = -Infinity;
  for (let i = 0; i < n; i++) {
    minX = Math.min(minX, qx[i]);
    maxX = Math.max(maxX, qx[i]);
    minY = Math.min(minY, qy[i]);
    maxY = Math.max(maxY, qy[i]);
  }
  if (maxX < region.minX || minX > region.maxX || maxY < region.minY || minY > region.maxY) {
    return false;
  }
  const m = region.xs.length;
  if (m >= 3) {
    for (let i = 0; i < n; i++) {
      if (inside(qx[i], qy[i], region.xs, region.ys)) {
        return true;
      }
    }
  }
  if (n >= 3) {
    for (let k = 0; k < m; k++) {
      if (inside(region.xs[k], region.ys[k], qx, qy)) {
        return true;
      }
    }
  }
  if (m >= 2) {
    for (let i = 0; i < n; i++) {
      const j = (i + 1) % n;
      if (n === 2 && i === 1) {
        break;
      }
      for (let k = 0; k < m; k++) {
        const l = (k + 1) % m;
        if (segmentsIntersect(qx[i], qy[i], qx[j], qy[j], region.xs[k], region.ys[k], region.xs[l], region.ys[l])) {
          return true;
        }
      }
    }
  }
  return false;
}

/** For a box region: whether every vertex of (qx, qy), already brought next to it by touches(), is inside. */
export function insideRegion(region: PlaneRegion, qx: Float64Array, qy: Float64Array): boolean {
  for (let i = 0; i < qx.length; i++) {
    if (qx[i] < region.minX || qx[i] > region.maxX || qy[i] < region.minY || qy[i] > region.maxY) {
      return false;
    }
  }
  return true;
}
