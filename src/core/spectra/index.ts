/** Wavenumber spectra: FFT, windows, detrending, gap-aware segments, along-track spectra. */
export * from './fft';
export * from './window';
export * from './detrend';
export * from './segments';
export * from './columns';
export * from './along-track';
