/**
 * Zarr v2 and v3 metadata to the dataset model, xarray's conventions:
 * dimension names from `_ARRAY_DIMENSIONS` (v2) or `dimension_names` (v3);
 * in v2, the array's fill_value acts as _FillValue when the attributes have none.
 */

import { Attributes, DType, GroupInfo, VariableInfo } from '../../dataset';
import { UnsupportedFormatError } from '../../errors';

/** Metadata documents keyed by path inside the store ("ssha/.zarray", "ssha/zarr.json", ...). */
export type MetadataDocuments = Map<string, Record<string, unknown>>;

const V2_DTYPES: Record<string, DType> = {
  i1: 'int8',
  u1: 'uint8',
  b1: 'uint8',
  i2: 'int16',
  u2: 'uint16',
  i4: 'int32',
  u4: 'uint32',
  i8: 'int64',
  u8: 'uint64',
  f4: 'float32',
  f8: 'float64'
};

const DATETIME_V2 = /^[<>|]M8\[(ns|us|ms|s)\]$/;
const DATETIME_UNITS: Record<string, string> = { ns: 'nanoseconds', us: 'microseconds', ms: 'milliseconds', s: 'seconds' };

/** Attributes that make an int64 datetime64 array decode as CF time (and NaT as missing). */
export function datetimeAttributes(unit: string): Attributes {
  return {
    units: `${DATETIME_UNITS[unit]} since 1970-01-01`,
    calendar: 'proleptic_gregorian',
    _FillValue: -9223372036854775808
  };
}

function v2Dtype(dtype: unknown, source: string): { dtype: DType; datetimeUnit?: string } {
  if (typeof dtype !== 'string') {
    throw new UnsupportedFormatError(source, `structured dtype ${JSON.stringify(dtype)} is not supported`);
  }
  const dt = DATETIME_V2.exec(dtype);
  if (dt) {
    return { dtype: 'int64', datetimeUnit: dt[1] };
  }
  if (/^[|<>]S\d+$/.test(dtype)) {
    return { dtype: 'string' };
  }
  if (dtype.startsWith('>')) {
    throw new UnsupportedFormatError(source, `big-endian dtype ${dtype} is not supported`);
  }
  const mapped = V2_DTYPES[dtype.slice(1)];
  if (mapped === undefined) {
    throw new UnsupportedFormatError(source, `dtype ${dtype} is not supported`);
  }
  return { dtype: mapped };
}

function v3Dtype(dtype: unknown, source: string): DType {
  const known: DType[] = ['int8', 'uint8', 'int16', 'uint16', 'int32', 'uint32', 'int64', 'uint64', 'float32', 'float64'];
  if (dtype === 'bool') {
    return 'uint8';
  }
  if (typeof dtype === 'string' && (known as string[]).includes(dtype)) {
    return dtype as DType;
  }
  throw new UnsupportedFormatError(source, `data type ${JSON.stringify(dtype)} is not supported`);
}

function fillAsNumber(fill: unknown): number | undefined {
  if (typeof fill === 'number') {
    return fill;
  }
  if (fill === 'NaN') {
    return NaN;
  }
  if (fill === 'Infinity') {
    return Infinity;
  }
  if (fill === '-Infinity') {
    return -Infinity;
  }
  return undefined;
}

function cleanAttributes(raw: Record<string, unknown> | undefined): Attributes {
  const out: Attributes = {};
  for (const [k, v] of Object.entries(raw ?? {})) {
    if (k === '_ARRAY_DIMENSIONS') {
      continue;
    }
    if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') {
      out[k] = v;
    } else if (Array.isArray(v) && (v.every(x => typeof x === 'number') || v.every(x => typeof x === 'string'))) {
      out[k] = v as number[] | string[];
    } else if (v === 'NaN' || v === null) {
      // xarray writes NaN fill values as "NaN" (or null): keep them numeric
      if (k === '_FillValue' || k === 'missing_value') {
        out[k] = NaN;
      }
    }
  }
  return out;
}

function codecLabels(v2: Record<string, unknown> | undefined, codecs: unknown): string[] {
  const labels: string[] = [];
  if (v2) {
    const filters = (v2['filters'] as Array<{ id: string }> | null) ?? [];
    labels.push(...filters.map(f => f.id));
    const compressor = v2['compressor'] as { id: string; cname?: string; level?: number } | null;
    if (compressor) {
      labels.push(compressor.cname ? `${compressor.id}(${compressor.cname})` : compressor.id);
    }
  } else if (Array.isArray(codecs)) {
    for (const codec of codecs as Array<{ name: string; configuration?: { codecs?: unknown } }>) {
      if (codec.name === 'sharding_indexed') {
        labels.push('sharding', ...codecLabels(undefined, codec.configuration?.codecs));
      } else if (codec.name !== 'bytes') {
        labels.push(codec.name);
      }
    }
  }
  return labels;
}

export interface ZarrVariable extends VariableInfo {
  /** Path of the array inside the store, without leading slash. */
  path: string;
  zarrFormat: 2 | 3;
  /** datetime64 unit when the array holds datetime64 (v2 `<M8[..]`). */
  datetimeUnit?: string;
}

/** Build a variable from its v2 .zarray/.zattrs or its v3 zarr.json. */
export function zarrVariable(path: string, docs: MetadataDocuments, source: string): ZarrVariable | undefined {
  const name = path.split('/').pop()!;
  const where = `${source}/${path}`;
  const zarray = docs.get(path ? `${path}/.zarray` : '.zarray');
  if (zarray) {
    const zattrs = docs.get(path ? `${path}/.zattrs` : '.zattrs') ?? {};
    let shape = zarray['shape'] as number[];
    const { dtype, datetimeUnit } = v2Dtype(zarray['dtype'], where);
    let dims = (zattrs['_ARRAY_DIMENSIONS'] as string[] | undefined) ?? shape.map((_, i) => `dim_${i}`);
    let chunks = zarray['chunks'] as number[];
    if (/^[|<>]S1$/.test(String(zarray['dtype'])) && shape.length > 0) {
      // An array of single characters is text along its last dimension, as xarray's
      // CharacterArrayCoder decodes it (L2 Expert polarization_karin: "H"/"V" per line).
      [shape, dims, chunks] = [shape.slice(0, -1), dims.slice(0, -1), chunks.slice(0, -1)];
    }
    const attrs = cleanAttributes(zattrs);
    const fill = fillAsNumber(zarray['fill_value']);
    if (datetimeUnit) {
      Object.assign(attrs, datetimeAttributes(datetimeUnit), attrs['units'] ? {} : {});
    } else if (attrs['_FillValue'] === undefined && fill !== undefined) {
      attrs['_FillValue'] = fill;
    }
    return {
      name,
      path,
      zarrFormat: 2,
      dims,
      shape,
      dtype,
      attrs,
      chunks,
      filters: codecLabels(zarray, undefined),
      ...(datetimeUnit ? { datetimeUnit } : {})
    };
  }
  const meta = docs.get(path ? `${path}/zarr.json` : 'zarr.json');
  if (meta && meta['node_type'] === 'array') {
    const shape = meta['shape'] as number[];
    const grid = meta['chunk_grid'] as { configuration?: { chunk_shape?: number[] } } | undefined;
    const codecs = meta['codecs'] as Array<{ name: string; configuration?: { chunk_shape?: number[] } }> | undefined;
    const inner = codecs?.[0]?.name === 'sharding_indexed' ? codecs[0].configuration?.chunk_shape : undefined;
    const dimNames = meta['dimension_names'] as Array<string | null> | undefined;
    return {
      name,
      path,
      zarrFormat: 3,
      dims: shape.map((_, i) => dimNames?.[i] ?? `dim_${i}`),
      shape,
      dtype: v3Dtype(meta['data_type'], where),
      attrs: cleanAttributes(meta['attributes'] as Record<string, unknown>),
      chunks: inner ?? grid?.configuration?.chunk_shape,
      filters: codecLabels(undefined, codecs)
    };
  }
  return undefined;
}

/** Group tree from the metadata documents (keys of arrays and groups). */
export function zarrGroup(
  path: string,
  docs: MetadataDocuments,
  children: Map<string, string[]>,
  source: string
): GroupInfo {
  const attrsDoc = docs.get(path ? `${path}/.zattrs` : '.zattrs');
  const v3 = docs.get(path ? `${path}/zarr.json` : 'zarr.json');
  const info: GroupInfo = {
    path: path ? `/${path}` : '/',
    dims: {},
    variables: [],
    attrs: cleanAttributes((attrsDoc as Record<string, unknown>) ?? (v3?.['attributes'] as Record<string, unknown>)),
    groups: []
  };
  for (const child of children.get(path) ?? []) {
    const childPath = path ? `${path}/${child}` : child;
    const variable = zarrVariable(childPath, docs, source);
    if (variable) {
      info.variables.push(variable);
      variable.dims.forEach((d, i) => {
        info.dims[d] = variable.shape[i];
      });
    } else {
      info.groups.push(zarrGroup(childPath, docs, children, source));
    }
  }
  return info;
}
