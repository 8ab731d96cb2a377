/**
 * The two SWOT orbits: passes per cycle, how pass 1 is found in the
 * ephemeris, and the UTC timing of passes. The timing constants were fitted on
 * real granule names (the same as the sample generator's tools/sample_data/config.py):
 * - science: anchored on the real L3 granule 026_165 (first line
 *   2024-12-29T16:58:06.880 UTC); half-orbit 3086.82334 s fitted on seven other
 *   real granules (cycles 1-29, residuals < 2.1 s). The nominal 20.86455 d / 584
 *   drifts by ~8.5 s per cycle against real granules.
 * - cal/val: real granules 506_003 (2023-04-29T18:44:29) and 546_011
 *   (2023-06-08T19:18:26); half-orbit 3065.6356 s.
 */

export type Phase = 'science' | 'calval';

export interface OrbitDefinition {
  phase: Phase;
  /** File name of the ephemeris (CNES/swot_simulator, 30 s steps). */
  ephemeris: string;
  passesPerCycle: number;
  /** Science: pass 1 is the ascending half-orbit crossing the equator nearest this longitude. */
  pass1EquatorLon?: number;
  anchorCycle: number;
  anchorPass: number;
  /** UTC start of the anchor pass, seconds since 2000-01-01T00:00:00Z. */
  anchorStart: number;
  /** Seconds per half-orbit (pass), real (fitted), not the ephemeris'. */
  halfOrbit: number;
  /** First and last cycle flown on this orbit, when known (cal/val: spring 2023). */
  cycles?: { first: number; last?: number };
}

export const ORBITS: Readonly<Record<Phase, OrbitDefinition>> = {
  science: {
    phase: 'science',
    ephemeris: 'ephemeris_science_sept2015_ell.txt',
    passesPerCycle: 584,
    pass1EquatorLon: 0.11,
    anchorCycle: 26,
    anchorPass: 165,
    anchorStart: 788806686.88,
    halfOrbit: 3086.8233433209243,
    cycles: { first: 1 }
  },
  calval: {
    phase: 'calval',
    ephemeris: 'ephemeris_calval_june2015_ell.txt',
    passesPerCycle: 28,
    anchorCycle: 506,
    anchorPass: 3,
    anchorStart: 736109069.5,
    halfOrbit: 3065.6356382978724,
    cycles: { first: 474, last: 578 }
  }
};

/** Milliseconds since 1970 of 2000-01-01T00:00:00Z (SWOT's time origin). */
export const EPOCH_2000_MS = 946684800000;

/** UTC start (epoch ms) of pass `pass` of cycle `cycle`. */
export function passStartMs(orbit: OrbitDefinition, cycle: number, pass: number): number {
  const n = (cycle - orbit.anchorCycle) * orbit.passesPerCycle + (pass - orbit.anchorPass);
  return EPOCH_2000_MS + (orbit.anchorStart + n * orbit.halfOrbit) * 1000;
}

/** The (cycle, pass) flying at epoch ms `t`. */
export function passAt(orbit: OrbitDefinition, t: number): { cycle: number; pass: number } {
  const n = Math.floor(((t - EPOCH_2000_MS) / 1000 - orbit.anchorStart) / orbit.halfOrbit);
  const k = n + (orbit.anchorPass - 1);
  const cycle = orbit.anchorCycle + Math.floor(k / orbit.passesPerCycle);
  const pass = (((k % orbit.passesPerCycle) + orbit.passesPerCycle) % orbit.passesPerCycle) + 1;
  return { cycle, pass };
}
