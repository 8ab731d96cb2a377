export * from './query';
export * from './layout';
export * from './grid-fields';
export * from './runs';
export { select } from './select';
export * from './empty';
