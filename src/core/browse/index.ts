export * from './rows';
export * from './describe';
export * from './filter';
