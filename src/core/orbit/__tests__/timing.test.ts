/**
 * Pass timing anchored to the real cycle starts (cycle-starts.json, from the
 * ORF tables of CNES altimetry-search), against the table itself, the fitted
 * linear model of the sample generator and the sample granules' first lines.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import table from '../cycle-starts.json';
import { cycleStartMs, ORBITS, passAt, passStartMs, Phase } from '..';
import { isSwotError } from '../../errors';

const MANIFEST = resolve(__dirname, '../../../../data/sample/manifest.json');
const manifest = JSON.parse(readFileSync(MANIFEST, 'utf8')) as {
  orbits: Record<Phase, { passes_per_cycle: number; half_orbit_s: number; anchor: { cycle: number; pass: number; start: string } }>;
  products: Array<{ level: string; path: string; orbit_phase: Phase; cycle: number; pass: number; time_coverage_start: string }>;
};

/** The sample generator's linear model (manifest.json's orbits: anchor + n half-orbits). */
function linearStartMs(phase: Phase, cycle: number, pass: number): number {
  const o = manifest.orbits[phase];
  const n = (cycle - o.anchor.cycle) * o.passes_per_cycle + pass - o.anchor.pass;
  return Date.parse(o.anchor.start) + n * o.half_orbit_s * 1000;
}

describe('cycleStartMs and passStartMs', () => {
  it.each(['science', 'calval'] as const)('%s: pass 1 of every cycle in the table starts at the table time', phase => {
    for (const [cycle, iso] of table[phase] as Array<[number, string]>) {
      expect(passStartMs(ORBITS[phase], cycle, 1)).toBe(Date.parse(iso));
    }
  });

  it('pass p starts (p - 1) half-orbits after its cycle', () => {
    const o = ORBITS.science;
    expect(passStartMs(o, 26, 165) - cycleStartMs(o, 26)).toBeCloseTo(164 * o.halfOrbit * 1000, 3);
    expect(new Date(passStartMs(o, 26, 165)).toISOString()).toBe('2024-12-29T16:58:06.564Z');
  });

  it('a cycle missing from the ORF (cal/val 477, 526-528) lies between its neighbours; 474 (a placeholder in the ORF) is extrapolated from 475', () => {
    const o = ORBITS.calval;
    const t = (c: number) => Date.parse((table.calval as Array<[number, string]>).find(r => r[0] === c)![1]);
    expect(cycleStartMs(o, 477)).toBe((t(476) + t(478)) / 2);
    expect(cycleStartMs(o, 527)).toBeCloseTo(t(525) + ((t(529) - t(525)) * 2) / 4, 3);
    expect(cycleStartMs(o, 474)).toBeCloseTo(t(475) - 28 * o.halfOrbit * 1000, 3);
    expect(table.header.excluded.calval).toHaveProperty('474');
  });

  it('beyond the table, cycles follow the last known one by the fitted period', () => {
    const o = ORBITS.science;
    const [last, t] = o.cycleStarts[o.cycleStarts.length - 1];
    expect(cycleStartMs(o, last + 10)).toBeCloseTo(t + 10 * 584 * o.halfOrbit * 1000, 3);
  });

  it('rejects a pass that does not exist and a fractional cycle', () => {
    for (const call of [() => passStartMs(ORBITS.calval, 500, 29), () => passStartMs(ORBITS.science, 1.5, 1), () => passStartMs(ORBITS.science, 3, 0)]) {
      const error = (() => {
        try {
          call();
        } catch (e) {
          return e;
        }
        return undefined;
      })();
      expect(isSwotError(error) && error.code).toBe('USAGE');
    }
  });
});

describe('passAt', () => {
  it.each(['science', 'calval'] as const)('%s: inverts passStartMs at every pass start of three cycles, inside and around the table', phase => {
    const o = ORBITS[phase];
    const cycles = phase === 'science' ? [1, 26, 60] : [474, 477, 527, 578, 590];
    for (const cycle of cycles) {
      for (let pass = 1; pass <= o.passesPerCycle; pass++) {
        const t = passStartMs(o, cycle, pass);
        expect(passAt(o, t)).toEqual({ cycle, pass });
        expect(passAt(o, t - 1)).toEqual(pass > 1 ? { cycle, pass: pass - 1 } : { cycle: cycle - 1, pass: o.passesPerCycle });
      }
    }
  });

  it('the last pass of a cycle lasts until the next cycle starts', () => {
    const o = ORBITS.science;
    expect(passAt(o, cycleStartMs(o, 27) - 1)).toEqual({ cycle: 26, pass: 584 });
  });
});

describe('the real cycle starts against the fitted linear model', () => {
  const departures = (phase: Phase, from: number, to: number) =>
    (table[phase] as Array<[number, string]>).filter(([c]) => c >= from && c <= to).map(([c, iso]) => Math.abs(Date.parse(iso) - linearStartMs(phase, c, 1)) / 1000);

  it('science cycles 1-52 within 6.1 s, cal/val cycles 475-578 within 4 s', () => {
    expect(Math.max(...departures('science', 1, 52))).toBeLessThan(6.1);
    expect(Math.max(...departures('calval', 475, 578))).toBeLessThan(4);
  });

  it('the first line of every sample L3 granule is within 0.5 s of its pass start (the generator uses the linear model)', () => {
    const l3 = manifest.products.filter(p => p.level === 'L3');
    expect(new Set(l3.map(p => `${p.orbit_phase} ${p.cycle}`))).toEqual(new Set(['science 24', 'science 25', 'science 26', 'calval 506', 'calval 507']));
    for (const p of l3) {
      const start = passStartMs(ORBITS[p.orbit_phase], p.cycle, p.pass);
      expect(Math.abs(start - Date.parse(p.time_coverage_start))).toBeLessThan(500);
    }
  });
});
