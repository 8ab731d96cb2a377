/**
 * The pass finder in the kernel library: which SWOT passes cross a box, a
 * point or a polygon, when, and with which swath side (src/core/orbit; times
 * anchored to the real cycle starts of the CNES ORF tables, extrapolated with
 * the fitted period beyond them).
 * The orbit ephemerides are read from `options.ephemerides` (a folder), or
 * $SWOT_EPHEMERIS_DIR, or the `orbit/` folder shipped with the Python
 * package's kernel runtime (or, in a clone, ../shared/data/real/orbit).
 *
 * @example
 * const rows = await swot.passesCrossing({ bbox: [-70, 35, -65, 40] }, { start: '2024-11-01', end: '2024-11-30' });
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CrossingOptions, Ephemeris, ORBITS, parseEphemeris, PassCrossing, passesCrossing as findPasses, Phase, Region } from '../core/orbit';
import { FileAccessError, UsageError } from '../core';
import { checkOptionKeys, optionKeys } from '../core/options';

export interface PassesOptions extends CrossingOptions {
  /** Science (584 passes, 21-day repeat, default) or cal/val (28 passes, 1-day repeat). */
  phase?: Phase;
  /** Folder holding ephemeris_science_sept2015_ell.txt and ephemeris_calval_june2015_ell.txt. */
  ephemerides?: string;
}

const OPTION_KEYS = optionKeys<PassesOptions>({ phase: true, ephemerides: true, start: true, end: true, near: true, far: true, step: true, passes: true });
const cache = new Map<string, Ephemeris>();

function ephemerisFolders(options: PassesOptions): string[] {
  // Shipped beside dist/ in the Python package's runtime; in a clone, the project's shared reference data.
  return [options.ephemerides, process.env.SWOT_EPHEMERIS_DIR, join(__dirname, '..', 'orbit'), join(__dirname, '..', '..', 'shared', 'data', 'real', 'orbit')].filter(
    (d): d is string => typeof d === 'string' && d !== ''
  );
}

/** @throws FileAccessError when no ephemeris is found; SwotError (CORRUPT_FILE) for a file that is not one */
export function loadEphemeris(phase: Phase, options: PassesOptions = {}): Ephemeris {
  const orbit = ORBITS[phase];
  if (!orbit) {
    throw new UsageError(`passesCrossing: phase ${JSON.stringify(phase)} is not "science" or "calval"`);
  }
  const folders = ephemerisFolders(options);
  const path = folders.map(d => join(d, orbit.ephemeris)).find(p => existsSync(p));
  if (!path) {
    throw new FileAccessError(
      orbit.ephemeris,
      `no ${phase} orbit ephemeris in ${folders.join(', ')}: give { ephemerides: FOLDER } or set SWOT_EPHEMERIS_DIR`
    );
  }
  let eph = cache.get(path);
  if (!eph) {
    eph = parseEphemeris(readFileSync(path, 'utf8'), orbit, path);
    cache.set(path, eph);
  }
  return eph;
}

/**
 * Passes whose swath (10-60 km either side of nadir) crosses `region`; with
 * `start` and `end`, one row per cycle and pass flown in that period, with the
 * times the swath enters and leaves the region.
 *
 * @throws UsageError for a bad region, period or option; FileAccessError without ephemeris
 */
export async function passesCrossing(region: Region, options: PassesOptions = {}): Promise<PassCrossing[]> {
  checkOptionKeys(options, OPTION_KEYS, 'passesCrossing()');
  return findPasses(loadEphemeris(options.phase ?? 'science', options), region, options);
}
