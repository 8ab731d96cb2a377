/**
 * The two SWOT orbits: passes per cycle, how pass 1 is found in the
 * ephemeris, the real half-orbit and the real cycle start dates.
 *
 * Cycle starts: the ORF tables of CNES altimetry-search (cycle-starts.json,
 * made by tools/orbit/cycle_starts.py; the first line time of L3 pass 1).
 * Half-orbit: fitted on real granule names, as in the sample generator
 * (tools/sample_data/config.py): science 3086.82334 s (eight real granules,
 * cycles 1-29, residuals < 2.1 s; the nominal 20.86455 d / 584 drifts by
 * ~8.5 s per cycle); cal/val 3065.6356 s (granules 506_003 and 546_011).
 * Times within a cycle and beyond the table use it (timing.ts).
 */
import table from './cycle-starts.json';

export type Phase = 'science' | 'calval';

export interface OrbitDefinition {
  phase: Phase;
  /** File name of the ephemeris (CNES/swot_simulator, 30 s steps). */
  ephemeris: string;
  passesPerCycle: number;
  /** Science: pass 1 is the ascending half-orbit crossing the equator nearest this longitude. */
  pass1EquatorLon?: number;
  /** Seconds per half-orbit (pass), real (fitted), not the ephemeris'. */
  halfOrbit: number;
  /** Known cycle starts, [cycle, epoch ms], cycles increasing. */
  cycleStarts: ReadonlyArray<readonly [number, number]>;
  /** First and last cycle flown on this orbit, when known (cal/val: spring 2023). */
  cycles?: { first: number; last?: number };
}

const starts = (rows: ReadonlyArray<ReadonlyArray<number | string>>) => rows.map(([c, iso]) => [Number(c), Date.parse(String(iso))] as const);

export const ORBITS: Readonly<Record<Phase, OrbitDefinition>> = {
  science: {
    phase: 'science',
    ephemeris: 'ephemeris_science_sept2015_ell.txt',
    passesPerCycle: 584,
    pass1EquatorLon: 0.11,
    halfOrbit: 3086.8233433209243,
    cycleStarts: starts(table.science),
    cycles: { first: 1 }
  },
  calval: {
    phase: 'calval',
    ephemeris: 'ephemeris_calval_june2015_ell.txt',
    passesPerCycle: 28,
    halfOrbit: 3065.6356382978724,
    cycleStarts: starts(table.calval),
    cycles: { first: 474, last: 578 }
  }
};

/** Milliseconds since 1970 of 2000-01-01T00:00:00Z (SWOT's time origin). */
export const EPOCH_2000_MS = 946684800000;
