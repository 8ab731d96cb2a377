/**
 * The dataset model shared by every reader (netCDF4 today; Zarr and
 * zcollection next): what a file holds, independent of how it is stored.
 */

export type AttributeValue = string | number | boolean | string[] | number[];

export type Attributes = Record<string, AttributeValue>;

/** Element types, named as numpy / xarray name them. */
export type DType =
  | 'int8'
  | 'uint8'
  | 'int16'
  | 'uint16'
  | 'int32'
  | 'uint32'
  | 'int64'
  | 'uint64'
  | 'float32'
  | 'float64'
  | 'string'
  | 'unknown';

export interface VariableInfo {
  name: string;
  /** Dimension names, outermost first. */
  dims: string[];
  shape: number[];
  /** Storage type (before CF decoding). */
  dtype: DType;
  attrs: Attributes;
  /** Chunk shape on disk, when chunked. */
  chunks?: number[];
  /** Filters applied on disk, e.g. ["shuffle", "deflate(5)"]. */
  filters?: string[];
}

export interface GroupInfo {
  /** Path of the group inside the file ("/" for the root). */
  path: string;
  /** Dimensions defined in this group (a group also sees its parents'). */
  dims: Record<string, number>;
  variables: VariableInfo[];
  attrs: Attributes;
  groups: GroupInfo[];
}

export type StorageFormat = 'netcdf4' | 'zarr' | 'zcollection';

export interface DatasetInfo extends GroupInfo {
  /** Where the data came from (a path or a URL). */
  source: string;
  format: StorageFormat;
}

/** Find a variable by name in a group tree ("ssh" or "left/ssh_karin_2"). */
export function findVariable(group: GroupInfo, name: string): VariableInfo | undefined {
  const parts = name.split('/').filter(p => p.length > 0);
  let current: GroupInfo | undefined = group;
  for (const part of parts.slice(0, -1)) {
    current = current.groups.find(g => g.path.split('/').pop() === part);
    if (current === undefined) {
      return undefined;
    }
  }
  const last = parts[parts.length - 1];
  return current.variables.find(v => v.name === last);
}
