/**
 * `diagnostics(data, options)`: geostrophic currents, vorticity, strain,
 * Okubo-Weiss and kinetic energy of a dataset or selection, computed pass by
 * pass (derivatives never cross from one pass to the next) with the core
 * kernels (src/core/diagnostics).
 */
import {
  checkOptionKeys,
  computeDiagnostics,
  DecodedDataset,
  DecodedVariable,
  DiagnosticName,
  DiagnosticsInput,
  EquatorMethod,
  detectLayout,
  gridFields,
  optionKeys,
  passRuns,
  SELECT_KEYS,
  SelectQuery,
  UsageError
} from '../core';
import { asSelection, Dataset, Selection, isDataset } from './dataset';
import { DiagnosticsResult, runReduction, workerCount } from './workers';

/** Runs split into `n` contiguous shares of about equal lines (none empty). */
function shareRuns(runs: Array<[number, number]>, n: number): Array<Array<[number, number]>> {
  const total = runs.reduce((t, [a, b]) => t + b - a, 0);
  const shares: Array<Array<[number, number]>> = [[]];
  let done = 0;
  for (const run of runs) {
    if (shares[shares.length - 1].length && done >= (total * shares.length) / n && shares.length < n) shares.push([]);
    shares[shares.length - 1].push(run);
    done += run[1] - run[0];
  }
  return shares;
}

export interface DiagnosticsOptions {
  /** Height variable; default by product: ssha_filtered (L3), ssha_karin_2 (L2), sla or adt (L4). */
  variable?: string;
  /** Fields, named as in the output: u, v, vorticity, strain, normal_strain, shear_strain, okubo_weiss, ke, speed. */
  what?: DiagnosticName[];
  /** 'anomaly' (default, from SSHA) or 'absolute' (SSHA + MDT; L4 adt is already absolute). */
  height?: 'anomaly' | 'absolute';
  /** |lat| below which velocities are NaN (default 5 deg); the /f fields are NaN there whatever the method. */
  latMin?: number;
  equator?: EquatorMethod;
  /** When `data` is a Dataset: what to read (bbox, time, cycles, passes, quality). */
  query?: SelectQuery;
  /**
   * Worker threads for a swath selection of several passes (each thread takes
   * whole passes): default every core from DIAGNOSTICS_PARALLEL values and 4
   * passes up, else 1. The results are the same bits either way.
   */
  workers?: number;
}

/** Values from which diagnostics of several passes use every core by default (a worker starts in about 0.1 s). */
// Each thread starts the library and compiles its loops (about 1-2 s on 2 cores, bench/ours-diagnostics-many.cjs):
// 16 passes of 2 km (11 million values) break even on 2 threads (some runs faster, some slower), so threads only from 30 million values.
export const DIAGNOSTICS_PARALLEL = 30_000_000;

const DIAGNOSTICS_KEYS = optionKeys<DiagnosticsOptions>({ variable: true, what: true, height: true, latMin: true, equator: true, query: true, workers: true });

const HEIGHTS = ['ssha_filtered', 'ssha_karin_2', 'ssha_karin', 'ssha', 'sla', 'adt', 'ssh_karin_2'];
const MDTS = ['mdt', 'mean_dynamic_topography'];


function names(data: Dataset | DecodedDataset): string[] {
  return data.variables.map(v => v.name);
}

/**
 * @example
 * const d = await swot.diagnostics(ds, { what: ['u', 'v', 'vorticity'], query: { passes: 242 } });
 * d.get('vorticity').data; // zeta / f on (num_lines, num_pixels)
 *
 * @throws UsageError (no height variable, unknown field), MissingVariableError
 */
export async function diagnostics(data: Dataset | Selection | DecodedDataset, options: DiagnosticsOptions = {}): Promise<Selection> {
  checkOptionKeys(options, DIAGNOSTICS_KEYS, 'diagnostics()');
  checkOptionKeys(options.query, SELECT_KEYS, 'the query of diagnostics()');
  const height = options.height ?? 'anomaly';
  const available = names(data);
  const variable = options.variable ?? HEIGHTS.find(n => available.includes(n));
  if (!variable) {
    throw new UsageError(`${data.source}: no sea surface height variable found (give one with variable: '...')`);
  }
  const mdt = height === 'absolute' && variable !== 'adt' ? MDTS.find(n => available.includes(n)) : undefined;
  if (height === 'absolute' && variable !== 'adt' && !mdt) {
    throw new UsageError(`${data.source}: absolute currents need a mean dynamic topography (mdt) next to ${variable}`);
  }
  const decoded: DecodedDataset = isDataset(data)
    ? await data.select({ ...options.query, variables: [variable, ...(mdt ? [mdt] : [])] })
    : data;
  const get = (name: string): DecodedVariable => {
    const v = decoded.variables.find(x => x.name === name);
    if (!v) {
      throw new UsageError(`${decoded.source}: ${name} is not in this selection`);
    }
    return v;
  };
  const h = get(variable);
  // Coordinates by name or CF attributes (detectLayout), as select() and show() find them.
  const layout = detectLayout(decoded);
  const [lat, lon] = layout.kind === 'other' ? [] : [layout.lat, layout.lon];
  if (!lat || !lon) {
    throw new UsageError(`${decoded.source}: latitude/longitude are needed for diagnostics`);
  }
  let values = h.data as Float64Array;
  if (mdt) {
    const m = get(mdt).data as Float64Array;
    values = values.map((x, i) => x + m[i]);
  }
  const what = options.what ?? ['u', 'v'];
  const grid = lat.dims.length === 1 && lon.dims.length === 1;
  const outputs = new Map<DiagnosticName, DecodedVariable>();
  // The output variable of w (its data filled pass by pass, or `whole`: one pass's fields as they are).
  const output = (w: DiagnosticName, part: DecodedVariable, whole?: Float64Array): Float64Array => {
    let out = outputs.get(w);
    if (!out) {
      out = { ...part, name: w, dims: h.dims, shape: h.shape, data: whole ?? new Float64Array(values.length).fill(NaN), encoding: { dtype: 'float32', _FillValue: NaN } };
      outputs.set(w, out);
    }
    return out.data as Float64Array;
  };
  const common = { what, latMin: options.latMin, equator: options.equator, height, heightSource: mdt ? `${variable} + ${mdt}` : variable };
  if (grid) {
    // One 2-D field per step of the other dimensions, found by the coordinates' names (DUACS is
    // (time, latitude, longitude), NeurOST (latitude, longitude, time)); results in h's layout.
    const fields = gridFields(h.name, h.dims, h.shape, lat.dims[0], lon.dims[0]);
    const field = new Float64Array(fields.shape[0] * fields.shape[1]);
    for (let k = 0; k < fields.count; k++) {
      const result = computeDiagnostics({ ...common, lat: lat.data as Float64Array, lon: lon.data as Float64Array, h: fields.gather(values, k, field), shape: fields.shape, dims: [lat.dims[0], lon.dims[0]] });
      for (const w of what) fields.scatter(result[w].data, k, output(w, result[w]));
    }
  } else {
    // Swaths (num_lines, num_pixels): one field per pass, derivatives never cross passes.
    const [lines, pixels] = [h.shape[0], h.shape[1]];
    const runs = passRuns(lines, decoded.variables.find(v => v.name === 'cycle_number')?.data, decoded.variables.find(v => v.name === 'pass_number')?.data);
    const input = ([a, b]: [number, number], copy: boolean): DiagnosticsInput<DiagnosticName> => {
      const [offset, size] = [a * pixels, (b - a) * pixels];
      // A worker is sent copies of the pass alone (a view would send the whole selection's buffer).
      const part = (x: Float64Array) => (copy ? x.slice(offset, offset + size) : x.subarray(offset, offset + size));
      return { ...common, lat: part(lat.data as Float64Array), lon: part(lon.data as Float64Array), h: part(values), shape: [b - a, pixels], dims: [h.dims[0], h.dims[1]] };
    };
    // Every core by default for 4 passes and DIAGNOSTICS_PARALLEL values up.
    const threads = workerCount(options.workers, runs.length >= 4 ? values.length : 0, runs.length, DIAGNOSTICS_PARALLEL);
    if (threads > 1) {
      // Whole passes per thread, contiguous and about equal in lines; gathered in pass order.
      const shares = shareRuns(runs, threads);
      const results = await Promise.all(shares.map(share => runReduction<DiagnosticsResult>({ kind: 'diagnostics', inputs: share.map(r => input(r, true)) }, () => {})));
      shares.forEach((share, i) =>
        share.forEach(([a], k) => {
          for (const w of what) output(w, results[i][k][w]!).set(results[i][k][w]!.data, a * pixels);
        })
      );
    } else {
      for (const run of runs) {
        const result = computeDiagnostics(input(run, false));
        for (const w of what) {
          const data = result[w].data as Float64Array;
          // One pass, the whole selection: its fields are the outputs (no copy into a NaN-filled array).
          if (runs.length === 1 && data.length === values.length) output(w, result[w], data);
          else output(w, result[w]).set(data, run[0] * pixels);
        }
      }
    }
  }
  const coordinates = decoded.variables.filter(v =>
    v === lat || v === lon || ['latitude', 'longitude', 'lat', 'lon', 'time', 'cycle_number', 'pass_number'].includes(v.name)
  );
  const variables = [...coordinates, ...what.map(w => outputs.get(w)!).filter(Boolean)];
  return asSelection({
    source: decoded.source,
    dims: decoded.dims,
    variables,
    attrs: decoded.attrs,
    ...(decoded.product ? { product: decoded.product } : {}),
    ...(decoded.empty ? { empty: decoded.empty } : {})
  });
}
