/** NaN-aware statistics: reductions, percentiles, profiles, binned maps, mergeable accumulators, reduction units. */
export * from './count';
export * from './mean';
export * from './variance';
export * from './rms';
export * from './extent';
export * from './percentile';
export * from './accumulator';
export * from './grouped-accumulator';
export * from './profiles';
export * from './binned-map';
export * from './units';
