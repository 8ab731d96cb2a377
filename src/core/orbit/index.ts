export * from './crossing';
export * from './ephemeris';
export * from './orbits';
export * from './timing';
export type { Region } from './region';
