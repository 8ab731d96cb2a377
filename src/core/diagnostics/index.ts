/** Geostrophic diagnostics on swaths and grids: derivatives, velocities, vorticity, strain, Okubo-Weiss, energy. */
export * from './constants';
export * from './index-derivative';
export * from './jacobian';
export * from './east-north';
export * from './coriolis';
export * from './geostrophy';
export * from './lagerloef';
export * from './vorticity';
export * from './strain';
export * from './okubo-weiss';
export * from './kinetic-energy';
export * from './metadata';
export * from './diagnostics';
