export * from './open-selection';
export * from './template';
