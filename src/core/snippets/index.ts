export * from './open-selection';
