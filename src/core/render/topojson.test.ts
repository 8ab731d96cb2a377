import { readFileSync } from 'node:fs';
import { decodeLand, Topology } from './topojson';

const load = (name: string) => JSON.parse(readFileSync(require.resolve(`world-atlas/${name}`), 'utf8')) as Topology;

describe('decodeLand', () => {
  const land = decodeLand(load('land-110m.json'));

  it('decodes every ring of the world-atlas land polygons, closed, in degrees', () => {
    expect(land.rings.length).toBeGreaterThan(100);
    for (const ring of land.rings) {
      const c = ring.coords;
      expect(c[0]).toBeCloseTo(c[c.length - 2], 9);
      expect(c[1]).toBeCloseTo(c[c.length - 1], 9);
      const [, latMin, , latMax] = ring.bbox;
      expect(latMin).toBeGreaterThanOrEqual(-90);
      expect(latMax).toBeLessThanOrEqual(90);
    }
  });

  it('keeps longitudes continuous on rings crossing the antimeridian (no 360-degree jumps)', () => {
    for (const ring of land.rings) {
      const c = ring.coords;
      for (let k = 2; k < c.length; k += 2) {
        // (the closure of the polar ring runs along the pole)
        if (Math.abs(c[k + 1]) < 90 || Math.abs(c[k - 1]) < 90) {
          expect(Math.abs(c[k] - c[k - 2])).toBeLessThan(180);
        }
      }
    }
    // Chukotka / Fiji: some rings extend beyond 180.
    expect(land.rings.some(r => r.bbox[2] > 180 || r.bbox[0] < -180)).toBe(true);
  });

  it('closes the ring around the South Pole through the pole', () => {
    const antarctica = land.rings.find(r => r.bbox[1] === -90);
    expect(antarctica).toBeDefined();
    expect(antarctica!.bbox[2] - antarctica!.bbox[0]).toBeGreaterThanOrEqual(359);
  });

  it('decodes the 1:50m land too, with more detail', () => {
    expect(decodeLand(load('land-50m.json')).points).toBeGreaterThan(land.points * 5);
  });

  it('reads unquantised topologies and rejects unknown objects', () => {
    const topo: Topology = {
      type: 'Topology',
      arcs: [[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]],
      objects: { land: { type: 'Polygon', arcs: [[0]] } }
    };
    expect(Array.from(decodeLand(topo).rings[0].coords)).toEqual([0, 0, 1, 0, 1, 1, 0, 1, 0, 0]);
    expect(() => decodeLand(topo, 'sea')).toThrow(RangeError);
  });
});
