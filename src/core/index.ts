/** src/core: pure, isomorphic TypeScript shared by the lab and the kernel. */
export * from './errors';
export * from './dataset';
export * from './product';
export * from './catalog';
export * from './formats/hdf5/signature';
export * from './formats/netcdf/metadata';
export * from './formats/netcdf/h5-types';
export * from './describe';
