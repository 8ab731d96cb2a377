/**
 * The part of h5wasm's object API that the netCDF4 reader uses. h5wasm has the
 * same API in Node and in the browser; declaring the subset here keeps
 * src/core free of the library itself (the kernel or the lab loads it).
 */

export type H5Value = unknown;

export interface H5Metadata {
  type: number;
  signed: boolean;
  size: number;
  vlen: boolean;
  chunks: number[] | null;
  shape: number[] | null;
}

export interface H5Filter {
  id: number;
  name: string;
  cd_values: number[];
}

export interface H5Attribute {
  metadata: H5Metadata;
  shape: number[] | null;
  value: H5Value;
}

export interface H5Node {
  path: string;
  type: string;
  attrs: Record<string, H5Attribute>;
}

export interface H5Dataset extends H5Node {
  type: 'Dataset';
  metadata: H5Metadata;
  shape: number[] | null;
  filters: H5Filter[];
  get_attached_scales(index: number): string[];
}

export interface H5Group extends H5Node {
  keys(): string[];
  get(name: string): H5Node | null;
}

/** HDF5 type classes (H5T_class_t). */
export const H5T_INTEGER = 0;
export const H5T_FLOAT = 1;
export const H5T_STRING = 3;
