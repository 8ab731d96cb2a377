/**
 * `spectrum(data, variable)`: along-track wavenumber spectrum averaged over the
 * columns 10-60 km off nadir, pass by pass (segments never span two passes
 * nor a gap), in m^2/(cy/km) versus cy/km (src/core/spectra).
 */
import { alongTrackSpectrum, AlongTrackSpectrumOptions, checkOptionKeys, columnsOffNadir, DecodedDataset, optionKeys, passRuns, SELECT_KEYS, UsageError, WavenumberSpectrum } from '../core';
import { Dataset, isDataset } from './dataset';

export interface SpectrumOptions extends Partial<Omit<AlongTrackSpectrumOptions, 'columns'>> {
  /** Cross-track columns to average; default those 10-60 km off nadir. */
  columns?: number[];
  /** Distance range off nadir (km) for the default columns. */
  offNadirKm?: [number, number];
  /** Passes etc. to read when `data` is a Dataset. */
  query?: import('../core').SelectQuery;
}

const SPECTRUM_KEYS = optionKeys<SpectrumOptions>({
  columns: true,
  offNadirKm: true,
  query: true,
  segmentLength: true,
  dx: true,
  window: true,
  overlap: true,
  detrend: true
});

function crossTrackKm(ds: DecodedDataset, pixels: number): number[] {
  const ctd = ds.variables.find(v => v.name === 'cross_track_distance');
  if (ctd && ctd.data.length === pixels) {
    const toKm = ctd.attrs['units'] === 'm' && Math.max(...Array.from(ctd.data as Float64Array, Math.abs)) > 1000 ? 1e-3 : 1;
    return Array.from(ctd.data as Float64Array, x => x * toKm);
  }
  // 2 km grid centred on the nadir pixel.
  return Array.from({ length: pixels }, (_, j) => (j - (pixels - 1) / 2) * 2);
}


/**
 * @example
 * const s = await swot.spectrum(ds, 'ssha_unfiltered', { segmentLength: 512, query: { passes: 70 } });
 * s.wavenumber; // cy/km
 * s.psd;        // m^2/(cy/km)
 */
export async function spectrum(data: Dataset | DecodedDataset, variable: string, options: SpectrumOptions = {}): Promise<WavenumberSpectrum> {
  checkOptionKeys(options, SPECTRUM_KEYS, 'spectrum()');
  checkOptionKeys(options.query, SELECT_KEYS, 'the query of spectrum()');
  const ds = isDataset(data) ? await data.select({ ...options.query, variables: [variable, ...(data.variables.some(v => v.name === 'cross_track_distance') ? ['cross_track_distance'] : [])] }) : data;
  const v = ds.variables.find(x => x.name === variable);
  if (!v || v.shape.length !== 2) {
    throw new UsageError(`${ds.source}: ${variable} is not a (num_lines, num_pixels) variable of this selection`);
  }
  const [lines, pixels] = v.shape;
  const [near, far] = options.offNadirKm ?? [10, 60];
  const columns = options.columns ?? columnsOffNadir(crossTrackKm(ds, pixels), near, far);
  const segmentLength = options.segmentLength ?? 512;
  const cycle = ds.variables.find(x => x.name === 'cycle_number')?.data;
  const pass = ds.variables.find(x => x.name === 'pass_number')?.data;
  let sum: Float64Array | undefined;
  let segments = 0;
  let first: WavenumberSpectrum | undefined;
  for (const [a, b] of passRuns(lines, cycle, pass)) {
    const part = (v.data as Float64Array).subarray(a * pixels, b * pixels);
    const n = b - a;
    if (n < segmentLength) {
      continue;
    }
    const s = alongTrackSpectrum(part, [n, pixels], { ...options, columns, segmentLength });
    if (s.segments === 0) {
      continue;
    }
    first ??= s;
    sum ??= new Float64Array(s.psd.length);
    for (let k = 0; k < s.psd.length; k++) {
      sum[k] += s.psd[k] * s.segments;
    }
    segments += s.segments;
  }
  if (!first || !sum) {
    throw new UsageError(`${ds.source}: no stretch of ${segmentLength} valid lines without a gap in the columns ${near}-${far} km off nadir`);
  }
  return { ...first, psd: sum.map(x => x / segments), segments };
}
