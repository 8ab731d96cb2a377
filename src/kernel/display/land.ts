/**
 * Land polygons for the static figures, from the world-atlas package shipped
 * with the extension (bundled into the kernel library: no network, ever).
 * 1:110m for wide views, 1:50m for regional ones; decoded once.
 */
import { decodeLand, LandGeometry, Topology, View } from '../../core/render';

const decoded = new Map<string, LandGeometry>();

function load(resolution: '50m' | '110m'): LandGeometry {
  let land = decoded.get(resolution);
  if (!land) {
    // Static strings: the bundler inlines both files, evaluated on first use only.
    const topology = (resolution === '50m' ? require('world-atlas/land-50m.json') : require('world-atlas/land-110m.json')) as Topology;
    land = decodeLand(topology);
    decoded.set(resolution, land);
  }
  return land;
}

/** The land geometry suited to a view: 1:50m below 60 degrees of longitude. */
export function landFor(view: View): LandGeometry {
  return load(view.x1 - view.x0 < 60 ? '50m' : '110m');
}
