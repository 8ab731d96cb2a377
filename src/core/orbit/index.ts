export * from './crossing';
export * from './ephemeris';
export * from './orbits';
export type { Region } from './region';
