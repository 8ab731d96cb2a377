/**
 * Swath coordinates in a payload. Coarse levels of detail: int16 over the
 * layer's range when that step stays under 1/50 of a cell. Full
 * resolution: a float64 anchor per line (its first valid pixel) plus int16
 * offsets per pixel (metre-level error), longitudes taken across the 0/360
 * seam the short way. The int16 arrays are stored as differences from the
 * same pixel of the previous line: they deflate to a fraction of a byte per point.
 */
import { PackedArray, Packer, unpack } from './pack';

/** What the packing needs of a swath. */
export interface SwathGeometryInput {
  lines: number;
  pixels: number;
  lon: ArrayLike<number>;
  lat: ArrayLike<number>;
}

/** Swath coordinates: per-line anchors + int16 offsets, or int16 over the layer's range. */
export type PackedCoordinates =
  | { kind: 'anchored'; anchorLon: PackedArray; anchorLat: PackedArray; dLon: PackedArray; dLat: PackedArray }
  | { kind: 'direct'; lon: PackedArray; lat: PackedArray };

/** Median distance between neighbouring pixels, in degrees (a sample of lines). */
function cellDegrees(input: SwathGeometryInput): number {
  const { lines, pixels, lon, lat } = input;
  const d: number[] = [];
  const step = Math.max(1, Math.floor(lines / 200));
  for (let i = 0; i < lines; i += step) {
    for (let j = 1; j < pixels; j++) {
      const k = i * pixels + j;
      const dy = lat[k] - lat[k - 1];
      let dx = lon[k] - lon[k - 1];
      dx -= 360 * Math.round(dx / 360);
      const c = Math.hypot(dx * Math.cos((lat[k] * Math.PI) / 180), dy);
      if (c > 0) d.push(c);
    }
  }
  d.sort((a, b) => a - b);
  return d.length ? d[d.length >> 1] : 0;
}

/** Pack the coordinates of a swath into `packer`, choosing the encoding. */
export function packSwathCoordinates(input: SwathGeometryInput, packer: Packer): PackedCoordinates {
  const { lines, pixels, lon, lat } = input;
  const n = lines * pixels;
  // Direct int16 over the layer's range when its step stays under 1/50 of a cell.
  let ref = NaN;
  const ulon = new Float64Array(n);
  let lonMin = Infinity;
  let lonMax = -Infinity;
  let latMin = Infinity;
  let latMax = -Infinity;
  for (let k = 0; k < n; k++) {
    const x = lon[k];
    const y = lat[k];
    if (!(x - x === 0 && y - y === 0)) {
      ulon[k] = NaN;
      continue;
    }
    if (ref !== ref) ref = x;
    const u = x - 360 * Math.round((x - ref) / 360);
    ulon[k] = u;
    if (u < lonMin) lonMin = u;
    if (u > lonMax) lonMax = u;
    if (y < latMin) latMin = y;
    if (y > latMax) latMax = y;
  }
  const cell = cellDegrees(input);
  if (cell > 0 && Math.max(lonMax - lonMin, latMax - latMin) / 65534 < cell / 50) {
    const range = (a: number, b: number): [number, number] => (a <= b ? [a, b] : [NaN, NaN]);
    return { kind: 'direct', lon: packer.int16(ulon, range(lonMin, lonMax), pixels), lat: packer.int16(lat, range(latMin, latMax), pixels) };
  }
  const anchorLon = new Float64Array(lines).fill(NaN);
  const anchorLat = new Float64Array(lines).fill(NaN);
  const dLon = new Float64Array(n);
  const dLat = new Float64Array(n);
  let maxLon = 0;
  let maxLat = 0;
  for (let i = 0; i < lines; i++) {
    let a = NaN;
    let b = NaN;
    for (let j = 0; j < pixels; j++) {
      const k = i * pixels + j;
      const x = lon[k];
      const y = lat[k];
      if (!(x - x === 0 && y - y === 0)) {
        dLon[k] = NaN;
        dLat[k] = NaN;
        continue;
      }
      if (a !== a) {
        a = x;
        b = y;
      }
      let d = x - a;
      d -= 360 * Math.round(d / 360);
      dLon[k] = d;
      dLat[k] = y - b;
      if (Math.abs(d) > maxLon) maxLon = Math.abs(d);
      if (Math.abs(y - b) > maxLat) maxLat = Math.abs(y - b);
    }
    anchorLon[i] = a;
    anchorLat[i] = b;
  }
  return {
    kind: 'anchored',
    anchorLon: packer.float64(anchorLon),
    anchorLat: packer.float64(anchorLat),
    dLon: packer.int16(dLon, [-maxLon, maxLon], pixels),
    dLat: packer.int16(dLat, [-maxLat, maxLat], pixels)
  };
}

function asFloat32(a: Float32Array | Float64Array): Float32Array {
  return a instanceof Float32Array ? a : Float32Array.from(a);
}

/** Coordinates of a packed swath layer, as float32 (longitudes continuous along each line). */
export function unpackSwathCoordinates(bytes: Uint8Array, c: PackedCoordinates, lines: number, pixels: number): { lon: Float32Array; lat: Float32Array } {
  if (c.kind === 'direct') {
    return { lon: asFloat32(unpack(bytes, c.lon)), lat: asFloat32(unpack(bytes, c.lat)) };
  }
  const anchorLon = unpack(bytes, c.anchorLon);
  const anchorLat = unpack(bytes, c.anchorLat);
  const lon = asFloat32(unpack(bytes, c.dLon));
  const lat = asFloat32(unpack(bytes, c.dLat));
  if (anchorLon.length !== lines || anchorLat.length !== lines) {
    throw new RangeError('swath layer: one anchor per line expected');
  }
  for (let i = 0; i < lines; i++) {
    const a = anchorLon[i];
    const b = anchorLat[i];
    for (let k = i * pixels; k < (i + 1) * pixels; k++) {
      lon[k] += a;
      lat[k] += b;
    }
  }
  return { lon, lat };
}
