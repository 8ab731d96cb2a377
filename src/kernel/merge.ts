/**
 * `mergePartials(partials)`: the partial results of one reduction (files of
 * `swot stats --partial` / `swot map --partial`, e.g. one per PBS array task)
 * gathered into one partial, whose result (finishStats / finishMap) has the
 * bits of a single run over all the inputs: the units are only collected
 * here; they are folded in their canonical order when the result is made,
 * as a single run folds them (core/stats/units.ts).
 */
import { basename } from 'node:path';
import { MapUnit, StatsUnit, unitId } from '../core';
import { MapPartial, Partial, PartialMismatchError, readPartial, reductionDifference, StatsPartial } from './partial';

/**
 * Gather partials of the same reduction; `sources` names them in errors.
 *
 * @throws PartialMismatchError when they are of different reductions, or share a unit or an input file.
 *
 * @example
 * const merged = mergePartials([a, b], ['cycle_024.nc', 'cycle_025.nc']);
 */
export function mergePartials(partials: Partial[], sources: string[] = partials.map((_, i) => `partial ${i + 1}`)): Partial {
  if (partials.length === 0) {
    throw new PartialMismatchError('swot merge', 'no partial to merge');
  }
  const first = partials[0].info;
  const units = new Map<string, string>();
  const inputs = new Map<string, string>();
  partials.forEach((p, i) => {
    const differs = reductionDifference(first, p.info);
    if (differs) {
      throw new PartialMismatchError(sources[i], `not the same reduction as ${sources[0]}: ${differs}`);
    }
    for (const input of p.info.inputs) {
      const name = basename(input.replace(/\/+$/, ''));
      const other = inputs.get(name);
      if (other !== undefined) {
        throw new PartialMismatchError(sources[i], `input ${name} was already reduced in ${other}: partials must not overlap`);
      }
      inputs.set(name, sources[i]);
    }
    for (const u of p.units) {
      const id = unitId(u.key);
      const other = units.get(id);
      if (other !== undefined) {
        throw new PartialMismatchError(sources[i], `unit ${id} (cycle:pass) is also in ${other}: partials must not overlap`);
      }
      units.set(id, sources[i]);
    }
  });
  const info = { ...first, inputs: partials.flatMap(p => p.info.inputs) };
  return first.kind === 'stats'
    ? ({ info, units: partials.flatMap(p => p.units as StatsUnit[]) } as StatsPartial)
    : ({ info, units: partials.flatMap(p => p.units as MapUnit[]) } as MapPartial);
}

/**
 * Read partial files and gather them (see mergePartials).
 *
 * @throws PartialMismatchError, SwotError from reading
 *
 * @example
 * const merged = await mergePartialFiles(['p/cycle_024.nc', 'p/cycle_025.nc']);
 */
export async function mergePartialFiles(paths: string[]): Promise<Partial> {
  const partials: Partial[] = [];
  for (const path of paths) {
    partials.push(await readPartial(path));
  }
  return mergePartials(partials, paths);
}
