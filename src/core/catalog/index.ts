export * from './types';
export * from './catalog';
export * from './builtin';
export * from './locations';
