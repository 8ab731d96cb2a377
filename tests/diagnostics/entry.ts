// Bundled by run.cjs (esbuild) at test time: runs the TypeScript kernels on
// inputs written by tests/test_diagnostics_numpy.py and writes the results
// back as little-endian float64 files. See run.cjs for the protocol.
import * as fs from 'fs';
import * as path from 'path';
import { computeDiagnostics, eastNorthGradient, indexDerivative, inverseJacobian } from '../../src/core/diagnostics';
import { alongTrackSpectrum } from '../../src/core/spectra';
import {
  accumulate,
  createAccumulator,
  crossTrackProfile,
  alongTrackProfile,
  nanCount,
  nanMax,
  nanMean,
  nanMin,
  nanPercentiles,
  nanRms,
  nanStd,
  nanVariance,
  summarize
} from '../../src/core/stats';

interface Job {
  stats?: { file: string; shape: [number, number]; percentiles: number[]; chunk: number };
  swath?: { lat: string; lon: string; h: string; shape: [number, number]; latMin: number };
  grid?: { lat: string; lon: string; h: string; shape: [number, number] };
  spectrum?: { file: string; shape: [number, number]; columns: number[]; segmentLength: number; dx: number; window: 'hann' | 'tukey' | 'none' };
}

export function main(dir: string): void {
  const job = JSON.parse(fs.readFileSync(path.join(dir, 'job.json'), 'utf8')) as Job;
  const read = (name: string): Float64Array => {
    const bytes = fs.readFileSync(path.join(dir, name));
    return new Float64Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  };
  const write = (name: string, values: ArrayLike<number>): void => {
    const data = Float64Array.from(values);
    fs.writeFileSync(path.join(dir, name), Buffer.from(data.buffer));
  };

  if (job.stats) {
    const { file, shape, percentiles, chunk } = job.stats;
    const x = read(file);
    let acc = createAccumulator();
    for (let start = 0; start < x.length; start += chunk) acc = accumulate(acc, x.subarray(start, start + chunk));
    const s = summarize(acc);
    write('stats_scalars.f64', [nanCount(x), nanMean(x), nanStd(x), nanStd(x, 1), nanVariance(x), nanRms(x), nanMin(x), nanMax(x), s.count, s.mean, s.std]);
    write('stats_percentiles.f64', nanPercentiles(x, percentiles));
    const cross = crossTrackProfile(x, shape);
    const along = alongTrackProfile(x, shape);
    write('stats_cross_mean.f64', cross.mean);
    write('stats_cross_std.f64', cross.std);
    write('stats_along_mean.f64', along.mean);
    write('stats_along_count.f64', along.count);
  }

  if (job.swath) {
    const { lat, lon, h, shape, latMin } = job.swath;
    const [la, lo, hh] = [read(lat), read(lon), read(h)];
    write('swath_hx.f64', indexDerivative(hh, shape, 0));
    write('swath_hy.f64', indexDerivative(hh, shape, 1));
    const g = eastNorthGradient(hh, inverseJacobian(la, lo, shape));
    write('swath_dE.f64', g.dE);
    write('swath_dN.f64', g.dN);
    const d = computeDiagnostics({ lat: la, lon: lo, h: hh, shape, latMin });
    write('swath_u.f64', d.u.data);
    write('swath_v.f64', d.v.data);
  }

  if (job.grid) {
    const { lat, lon, h, shape } = job.grid;
    const d = computeDiagnostics({ lat: read(lat), lon: read(lon), h: read(h), shape });
    write('grid_u.f64', d.u.data);
    write('grid_v.f64', d.v.data);
  }

  if (job.spectrum) {
    const { file, shape, columns, segmentLength, dx, window } = job.spectrum;
    const s = alongTrackSpectrum(read(file), shape, { columns, segmentLength, dx, window });
    write('spectrum_k.f64', s.wavenumber);
    write('spectrum_psd.f64', s.psd);
    write('spectrum_segments.f64', [s.segments]);
  }
}
