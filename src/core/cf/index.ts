export * from './decode';
export * from './time';
export * from './longitude';
