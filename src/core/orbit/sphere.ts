/** Unit vectors on the sphere and back (degrees), for ground tracks and swath edges. */

export const EARTH_RADIUS = 6371008.8;

export function toXyz(lon: ArrayLike<number>, lat: ArrayLike<number>): Float64Array {
  const out = new Float64Array(lon.length * 3);
  for (let i = 0; i < lon.length; i++) {
    const l = (lon[i] * Math.PI) / 180;
    const p = (lat[i] * Math.PI) / 180;
    out[3 * i] = Math.cos(p) * Math.cos(l);
    out[3 * i + 1] = Math.cos(p) * Math.sin(l);
    out[3 * i + 2] = Math.sin(p);
  }
  return out;
}

/** Longitude in (-180, 180] and latitude of the unit vector (x, y, z). */
export function toLonLat(x: number, y: number, z: number): [number, number] {
  return [(Math.atan2(y, x) * 180) / Math.PI, (Math.atan2(z, Math.hypot(x, y)) * 180) / Math.PI];
}
