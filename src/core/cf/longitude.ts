/** Longitude conventions: products use [0, 360); users often think in [-180, 180). */

/** Wrap to [0, 360). */
export function wrap360(lon: number): number {
  const r = lon % 360;
  return r < 0 ? r + 360 : r;
}

/** Wrap to [-180, 180). */
export function wrap180(lon: number): number {
  return wrap360(lon + 180) - 180;
}

/**
 * A longitude interval [west, east] on the circle; west > east (after wrapping
 * to [0, 360)) means it crosses the 0/360 seam... or, given in [-180, 180),
 * the dateline. Returns a test for longitudes in any convention.
 */
export function longitudeInterval(west: number, east: number): (lon: number) => boolean {
  if (east - west >= 360) {
    return lon => !Number.isNaN(lon);
  }
  const w = wrap360(west);
  const e = wrap360(east);
  if (w <= e) {
    return lon => {
      const l = wrap360(lon);
      return l >= w && l <= e;
    };
  }
  return lon => {
    const l = wrap360(lon);
    return l >= w || l <= e;
  };
}
