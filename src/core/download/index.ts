/** src/core/download: the download engine's search side (pure, isomorphic) and shared types. */
export * from './types';
export * from './errors';
export * from './query';
export * from './cmr';
export * from './thredds';
export * from './search';
export * from './format';
