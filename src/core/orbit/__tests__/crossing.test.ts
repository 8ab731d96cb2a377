/**
 * The core pass finder as the browser uses it (ephemeris text in, rows out),
 * against the independent brute-force finder of src/testing, and the ways a
 * region can be written (longitudes in [0, 360) or [-180, 180), the dateline,
 * polygons, points).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { cycleStartMs, ORBITS, parseEphemeris, PassCrossing, passesCrossing, Phase, Region } from '..';
import { isSwotError } from '../../errors';
import { BruteCrossing, bruteForcePasses } from '../../../testing/passes-brute';

const ORBIT_DIR = resolve(__dirname, '../../../../../shared/data/real/orbit');
const text: Record<Phase, string> = {
  science: readFileSync(resolve(ORBIT_DIR, ORBITS.science.ephemeris), 'utf8'),
  calval: readFileSync(resolve(ORBIT_DIR, ORBITS.calval.ephemeris), 'utf8')
};
const eph = { science: parseEphemeris(text.science, ORBITS.science), calval: parseEphemeris(text.calval, ORBITS.calval) };

type Box = readonly [number, number, number, number];
const keys = (rows: ReadonlyArray<PassCrossing | BruteCrossing>) => new Set(rows.flatMap(r => [...r.sides, ...(r.nadir ? ['nadir'] : [])].map(s => `${r.cycle}/${r.pass}/${s}`)));
const passKeys = (rows: ReadonlyArray<PassCrossing | BruteCrossing>) => rows.map(r => `${r.cycle ?? ''}/${r.pass}`).sort();
const grow = ([x0, y0, x1, y1]: Box, d: number): Box => [x0 - d, y0 - d, x1 + d, y1 + d];

describe('passesCrossing agrees with the brute-force finder (1 s nadir samples, swath points every 2 km)', () => {
  it.each([
    ['science', [-70, 35, -68, 37], 25],
    ['science', [179, 30, -179, 32], 25],
    ['science', [350, -40, 5, -38], 24],
    ['calval', [234, 35, 235.5, 36.5], 506]
  ] as const)('%s, box %j, cycle %i: the same cycles, passes and sides; enter and leave within 4 s', (phase, bbox, cycle) => {
    const o = ORBITS[phase];
    const period = { start: new Date(cycleStartMs(o, cycle)).toISOString(), end: new Date(cycleStartMs(o, cycle + 1)).toISOString() };
    const rows = passesCrossing(eph[phase], { bbox }, period);
    const brute = bruteForcePasses(text[phase], phase, bbox, period);
    expect(rows.length).toBeGreaterThan(0);
    expect(passKeys(rows)).toEqual(passKeys(brute));
    for (const r of rows) {
      const b = brute.find(x => x.cycle === r.cycle && x.pass === r.pass)!;
      expect(Math.abs(r.enter! - b.enter!)).toBeLessThan(4000);
      expect(Math.abs(r.leave! - b.leave!)).toBeLessThan(4000);
    }
    // Sides: where the two differ, the side only grazes the box (the brute force samples every 2 km and 7 km).
    const found = keys(rows);
    const sampled = keys(brute);
    const onlyHere = [...found].filter(k => !sampled.has(k));
    const onlyThere = [...sampled].filter(k => !found.has(k));
    if (onlyHere.length > 0) {
      const grown = keys(bruteForcePasses(text[phase], phase, grow(bbox, 0.03), period));
      expect(onlyHere.filter(k => !grown.has(k))).toEqual([]);
    }
    expect(onlyThere).toEqual([]);
  });
});

describe('regions', () => {
  const find = (region: Region, phase: Phase = 'science') => passesCrossing(eph[phase], region);
  const summary = (rows: PassCrossing[]) => rows.map(r => [r.pass, r.sides, r.nadir, Math.round(r.offsets[0]), Math.round(r.offsets[1])]);

  it('a box gives the same passes with longitudes in [0, 360) or [-180, 180)', () => {
    const east = find({ bbox: [291.5, 39, 293.5, 41] });
    expect(east.length).toBeGreaterThan(2);
    expect(east.map(r => r.pass)).toContain(242);
    expect(summary(find({ bbox: [-68.5, 39, -66.5, 41] }))).toEqual(summary(east));
  });

  it('a box across the 0 meridian: [-1, 36, 1, 38] = [359, 36, 1, 38]', () => {
    const rows = find({ bbox: [-1, 36, 1, 38] });
    expect(rows.map(r => r.pass)).toContain(70);
    expect(summary(find({ bbox: [359, 36, 1, 38] }))).toEqual(summary(rows));
  });

  it('a box across the dateline (lonMin > lonMax) = the same box with lonMax past 180, and holds the passes of its two halves', () => {
    const across = find({ bbox: [179, 36, -179, 40] });
    expect(across.map(r => r.pass)).toContain(377);
    expect(summary(find({ bbox: [179, 36, 181, 40] }))).toEqual(summary(across));
    const halves = new Set([...find({ bbox: [179, 36, 180, 40] }), ...find({ bbox: [-180, 36, -179, 40] })].map(r => r.pass));
    expect([...halves].sort((a, b) => a - b)).toEqual(across.map(r => r.pass).sort((a, b) => a - b));
  });

  it('a polygon with the corners of a box finds what the box finds, also across the dateline', () => {
    expect(summary(find({ polygon: [[-68.5, 39], [-66.5, 39], [-66.5, 41], [-68.5, 41]] }))).toEqual(summary(find({ bbox: [-68.5, 39, -66.5, 41] })));
    expect(summary(find({ polygon: [[179, 36], [-179, 36], [-179, 40], [179, 40]] }))).toEqual(summary(find({ bbox: [179, 36, -179, 40] })));
  });

  it('a triangle finds a subset of its bounding box, a point inside it a subset of the triangle', () => {
    const box = new Set(find({ bbox: [-70, 35, -66, 39] }).map(r => r.pass));
    const triangle = find({ polygon: [[-70, 35], [-66, 35], [-70, 39]] }).map(r => r.pass);
    const point = find({ point: [-69, 36] }).map(r => r.pass);
    expect(triangle.length).toBeLessThan(box.size);
    expect(triangle.every(p => box.has(p))).toBe(true);
    expect(point.length).toBeGreaterThan(0);
    expect(point.every(p => triangle.includes(p))).toBe(true);
  });

  it('a box in a gap between swaths (more than 60 km from every track, near the equator) is crossed by no pass; a box 25 km larger is', () => {
    const hole: Box = [0.45, -2.1, 0.53, -1.9];
    expect(find({ bbox: hole })).toEqual([]);
    expect(passesCrossing(eph.science, { bbox: hole }, { near: 0 })).toEqual([]);
    expect(bruteForcePasses(text.science, 'science', hole)).toEqual([]);
    expect(find({ bbox: grow(hole, 0.25) }).length).toBeGreaterThan(0);
  });

  it('rejects a box wider than 360 degrees of longitude', () => {
    const error = (() => {
      try {
        find({ bbox: [-180, 0, 200, 10] });
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(isSwotError(error) && error.code).toBe('USAGE');
    expect((error as Error).message).toMatch(/spans more than 360 degrees/);
  });
});
