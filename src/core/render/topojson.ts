/**
 * Land polygons from a TopoJSON topology (the world-atlas package's
 * land-110m.json / land-50m.json, shipped with the extension: never fetched).
 * Implements the decoding of the TopoJSON specification
 * (https://github.com/topojson/topojson-specification): quantised,
 * delta-encoded arcs; rings as lists of arc indices, ~i meaning arc i reversed.
 */

interface TopoGeometry {
  type: string;
  arcs?: unknown;
  geometries?: TopoGeometry[];
}

export interface Topology {
  type: 'Topology';
  transform?: { scale: [number, number]; translate: [number, number] };
  arcs: Array<Array<[number, number]>>;
  objects: Record<string, TopoGeometry>;
}

/**
 * One ring: interleaved lon, lat (degrees), closed (last point = first), longitudes
 * continuous (they may pass 180); a ring around a pole is closed along the pole.
 */
export interface Ring {
  coords: Float64Array;
  /** [lonMin, latMin, lonMax, latMax] */
  bbox: [number, number, number, number];
}

/** Polygons as rings; a polygon's first ring is its outline, the others its holes (even-odd fill). */
export interface LandGeometry {
  rings: Ring[];
  /** Total points, for diagnostics. */
  points: number;
}

function decodeArcs(topology: Topology): Float64Array[] {
  const [sx, sy] = topology.transform?.scale ?? [1, 1];
  const [tx, ty] = topology.transform?.translate ?? [0, 0];
  const quantised = topology.transform !== undefined;
  return topology.arcs.map(arc => {
    const out = new Float64Array(arc.length * 2);
    let x = 0;
    let y = 0;
    for (let i = 0; i < arc.length; i++) {
      if (quantised) {
        x += arc[i][0];
        y += arc[i][1];
        out[2 * i] = x * sx + tx;
        out[2 * i + 1] = y * sy + ty;
      } else {
        out[2 * i] = arc[i][0];
        out[2 * i + 1] = arc[i][1];
      }
    }
    return out;
  });
}

function ringFrom(indices: number[], arcs: Float64Array[]): Ring {
  let n = 0;
  for (const k of indices) {
    n += arcs[k < 0 ? ~k : k].length / 2 - 1;
  }
  // Room for three more points: a ring around a pole is closed through the pole.
  const coords = new Float64Array(2 * (n + 4));
  let o = 0;
  let previous = NaN;
  indices.forEach((k, a) => {
    const arc = arcs[k < 0 ? ~k : k];
    const m = arc.length / 2;
    // Consecutive arcs share their joining point: skip it after the first arc.
    for (let i = a === 0 ? 0 : 1; i < m; i++) {
      const src = k < 0 ? m - 1 - i : i;
      let lon = arc[2 * src];
      // Spherical rings (Fiji, Chukotka, Antarctica) cross +-180: keep longitudes continuous.
      if (previous === previous) {
        lon -= 360 * Math.round((lon - previous) / 360);
      }
      previous = lon;
      coords[o++] = lon;
      coords[o++] = arc[2 * src + 1];
    }
  });
  const startLon = coords[0];
  const endLon = coords[o - 2];
  if (Math.abs(endLon - startLon) > 180) {
    let sum = 0;
    for (let i = 1; i < o; i += 2) sum += coords[i];
    const pole = sum > 0 ? 90 : -90;
    coords.set([endLon, pole, startLon, pole, startLon, coords[1]], o);
    o += 6;
  }
  let lonMin = Infinity;
  let latMin = Infinity;
  let lonMax = -Infinity;
  let latMax = -Infinity;
  for (let i = 0; i < o; i += 2) {
    const lon = coords[i];
    const lat = coords[i + 1];
    if (lon < lonMin) lonMin = lon;
    if (lon > lonMax) lonMax = lon;
    if (lat < latMin) latMin = lat;
    if (lat > latMax) latMax = lat;
  }
  return { coords: coords.slice(0, o), bbox: [lonMin, latMin, lonMax, latMax] };
}

/**
 * Every ring of every polygon of the topology's object `name` (default: the
 * first object).
 *
 * @example
 * const land = decodeLand(await import('world-atlas/land-110m.json'));
 * @throws RangeError when the object is missing or is not made of polygons
 */
export function decodeLand(topology: Topology, name?: string): LandGeometry {
  const key = name ?? Object.keys(topology.objects)[0];
  const object = topology.objects[key];
  if (!object) {
    throw new RangeError(`topology has no object "${key}"`);
  }
  const arcs = decodeArcs(topology);
  const rings: Ring[] = [];
  const visit = (g: TopoGeometry): void => {
    if (g.type === 'GeometryCollection') {
      g.geometries?.forEach(visit);
    } else if (g.type === 'Polygon') {
      (g.arcs as number[][]).forEach(r => rings.push(ringFrom(r, arcs)));
    } else if (g.type === 'MultiPolygon') {
      (g.arcs as number[][][]).forEach(p => p.forEach(r => rings.push(ringFrom(r, arcs))));
    } else if (g.type !== null && g.type !== undefined) {
      throw new RangeError(`land object: unexpected geometry type ${g.type}`);
    }
  };
  visit(object);
  return { rings, points: rings.reduce((n, r) => n + r.coords.length / 2, 0) };
}
