/**
 * The pass finder in the browser: the core's swath-aware search
 * (src/core/orbit) over the orbit ephemerides the server ships
 * (/swot/orbit/<phase>), fetched and parsed once per session.
 */
import { Ephemeris, ORBITS, parseEphemeris, PassCrossing, passesCrossing, Phase, Region } from '../../core/orbit';
import { fetchEphemerisText } from '../server-api';

const ephemerides = new Map<Phase, Promise<Ephemeris>>();

function ephemeris(phase: Phase): Promise<Ephemeris> {
  let eph = ephemerides.get(phase);
  if (!eph) {
    eph = fetchEphemerisText(phase).then(text => parseEphemeris(text, ORBITS[phase], `/swot/orbit/${phase}`));
    eph.catch(() => ephemerides.delete(phase));
    ephemerides.set(phase, eph);
  }
  return eph;
}

export interface FindOptions {
  phases: readonly Phase[];
  start?: string;
  end?: string;
}

/** Passes of the given phases whose swath crosses `region` (one row per cycle and pass with a period). */
export async function findPasses(region: Region, options: FindOptions): Promise<PassCrossing[]> {
  const rows: PassCrossing[] = [];
  for (const phase of options.phases) {
    const eph = await ephemeris(phase);
    const period = options.start !== undefined || options.end !== undefined;
    rows.push(
      ...passesCrossing(eph, region, period ? { start: options.start ?? '2022-12-16', end: options.end ?? new Date().toISOString() } : {})
    );
  }
  return rows;
}
