/**
 * Read the netCDF4 data model (dimensions, variables, attributes, groups) out
 * of an HDF5 file opened with h5wasm, following the netCDF-4 format spec:
 * dimensions are HDF5 dimension scales; a scale whose NAME starts with
 * "This is a netCDF dimension but not a netCDF variable" is a dimension only;
 * variables list their dimensions through attached scales (DIMENSION_LIST).
 */

import { Attributes, AttributeValue, DType, GroupInfo, VariableInfo } from '../../dataset';
import { H5Attribute, H5Dataset, H5Group, H5Metadata, H5T_FLOAT, H5T_INTEGER, H5T_STRING } from './h5-types';

const PURE_DIMENSION_MARK = 'This is a netCDF dimension but not a netCDF variable';

/** Attributes the netCDF library keeps for itself; users never see them. */
const HIDDEN_ATTRIBUTES = new Set([
  'CLASS',
  'NAME',
  'DIMENSION_LIST',
  'REFERENCE_LIST',
  '_Netcdf4Dimid',
  '_Netcdf4Coordinates',
  '_NCProperties',
  '_nc3_strict',
  '_IsNetcdf4'
]);

export function dtypeOf(meta: H5Metadata): DType {
  if (meta.type === H5T_INTEGER) {
    const bits = meta.size * 8;
    return `${meta.signed ? 'int' : 'uint'}${bits}` as DType;
  }
  if (meta.type === H5T_FLOAT) {
    return meta.size === 4 ? 'float32' : meta.size === 8 ? 'float64' : 'unknown';
  }
  if (meta.type === H5T_STRING) {
    return 'string';
  }
  return 'unknown';
}

/** Plain JSON-friendly value of an attribute: scalars unwrapped, 64-bit integers as numbers. */
export function attributeValue(attr: H5Attribute): AttributeValue | undefined {
  const raw = attr.value as unknown;
  const scalar = attr.shape === null || attr.shape.length === 0 || (attr.shape.length === 1 && attr.shape[0] === 1);
  const toNumber = (x: unknown): number => (typeof x === 'bigint' ? Number(x) : (x as number));
  if (typeof raw === 'string') {
    return raw;
  }
  if (typeof raw === 'number' || typeof raw === 'bigint') {
    return toNumber(raw);
  }
  if (typeof raw === 'boolean') {
    return raw;
  }
  if (Array.isArray(raw)) {
    if (raw.every(x => typeof x === 'string')) {
      return scalar ? (raw[0] as string) : (raw as string[]);
    }
    if (raw.every(x => typeof x === 'number' || typeof x === 'bigint')) {
      return scalar ? toNumber(raw[0]) : raw.map(toNumber);
    }
    return undefined;
  }
  if (ArrayBuffer.isView(raw)) {
    const values = Array.from(raw as unknown as ArrayLike<number | bigint>, toNumber);
    return scalar ? values[0] : values;
  }
  return undefined;
}

export function readAttributes(attrs: Record<string, H5Attribute>): Attributes {
  const out: Attributes = {};
  for (const [name, attr] of Object.entries(attrs)) {
    if (HIDDEN_ATTRIBUTES.has(name)) {
      continue;
    }
    const value = attributeValue(attr);
    if (value !== undefined) {
      out[name] = value;
    }
  }
  return out;
}

function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

function isDimensionScale(ds: H5Dataset): boolean {
  const cls = ds.attrs['CLASS'];
  return cls !== undefined && attributeValue(cls) === 'DIMENSION_SCALE';
}

function isPureDimension(ds: H5Dataset): boolean {
  const name = ds.attrs['NAME'];
  const value = name === undefined ? undefined : attributeValue(name);
  return typeof value === 'string' && value.startsWith(PURE_DIMENSION_MARK);
}

function filterLabel(filter: { name: string; cd_values: number[] }): string {
  if (filter.name === 'deflate' && filter.cd_values.length > 0) {
    return `deflate(${filter.cd_values[0]})`;
  }
  return filter.name;
}

function variableDims(ds: H5Dataset, shape: number[]): string[] {
  if (isDimensionScale(ds)) {
    // A coordinate variable is its own (first) dimension.
    return shape.length === 1 ? [baseName(ds.path)] : shape.map((_, i) => (i === 0 ? baseName(ds.path) : `dim_${i}`));
  }
  return shape.map((_, axis) => {
    const scales = ds.attrs['DIMENSION_LIST'] === undefined ? [] : ds.get_attached_scales(axis);
    return scales.length > 0 ? baseName(scales[0]) : `phony_dim_${axis}`;
  });
}

function readVariable(ds: H5Dataset): VariableInfo {
  const shape = ds.shape ?? [];
  const chunks = ds.metadata.chunks;
  const variable: VariableInfo = {
    name: baseName(ds.path),
    dims: variableDims(ds, shape),
    shape,
    dtype: dtypeOf(ds.metadata),
    attrs: readAttributes(ds.attrs)
  };
  if (chunks) {
    variable.chunks = chunks;
  }
  const filters = ds.filters.map(filterLabel);
  if (filters.length > 0) {
    variable.filters = filters;
  }
  return variable;
}

/** The netCDF4 model of one HDF5 group and, recursively, of its sub-groups. */
export function readGroup(group: H5Group): GroupInfo {
  const info: GroupInfo = {
    path: group.path === '' ? '/' : group.path,
    dims: {},
    variables: [],
    attrs: readAttributes(group.attrs),
    groups: []
  };
  for (const key of group.keys()) {
    const node = group.get(key);
    if (node === null) {
      continue;
    }
    if (node.type === 'Group') {
      info.groups.push(readGroup(node as H5Group));
    } else if (node.type === 'Dataset') {
      const ds = node as H5Dataset;
      if (isDimensionScale(ds)) {
        info.dims[key] = (ds.shape ?? [0])[0];
      }
      if (!isPureDimension(ds)) {
        info.variables.push(readVariable(ds));
      }
    }
  }
  return info;
}
