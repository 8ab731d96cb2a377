/**
 * Zarr v2 writer with xarray's conventions (_ARRAY_DIMENSIONS, CF attributes,
 * consolidated .zmetadata), zlib-compressed chunks of ~1 MB along the first axis.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { DecodedDataset, sizeOf } from '../core';
import { encodeVariable } from './encode';

const V2_DTYPES: Record<string, string> = {
  int8: '|i1',
  uint8: '|u1',
  int16: '<i2',
  uint16: '<u2',
  int32: '<i4',
  uint32: '<u4',
  int64: '<i8',
  uint64: '<u8',
  float32: '<f4',
  float64: '<f8'
};

function jsonNumber(x: number): number | string {
  return Number.isNaN(x) ? 'NaN' : x === Infinity ? 'Infinity' : x === -Infinity ? '-Infinity' : x;
}

export async function writeZarr(ds: DecodedDataset, path: string): Promise<void> {
  await mkdir(path, { recursive: true });
  const metadata: Record<string, unknown> = {
    '.zgroup': { zarr_format: 2 },
    '.zattrs': ds.attrs
  };
  for (const v of ds.variables) {
    const encoded = encodeVariable(v);
    const inner = sizeOf(v.shape.slice(1));
    const rows = v.shape.length === 0 ? 1 : Math.max(1, Math.min(v.shape[0], Math.floor(262144 / Math.max(1, inner))));
    const chunks = v.shape.length === 0 ? [] : [rows, ...v.shape.slice(1)];
    const zattrs: Record<string, unknown> = { ...v.attrs, _ARRAY_DIMENSIONS: v.dims };
    for (const [key, value] of Object.entries(encoded.attrs)) {
      zattrs[key] = typeof value === 'number' ? jsonNumber(value) : value;
    }
    const zarray = {
      zarr_format: 2,
      shape: v.shape,
      chunks,
      dtype: V2_DTYPES[encoded.dtype],
      compressor: { id: 'zlib', level: 4 },
      fill_value: encoded.attrs['_FillValue'] !== undefined ? jsonNumber(Number(encoded.attrs['_FillValue'])) : null,
      order: 'C',
      filters: null
    };
    metadata[`${v.name}/.zarray`] = zarray;
    metadata[`${v.name}/.zattrs`] = zattrs;
    const dir = join(path, v.name);
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, '.zarray'), JSON.stringify(zarray, null, 2));
    await writeFile(join(dir, '.zattrs'), JSON.stringify(zattrs, null, 2));
    const total = v.shape.length === 0 ? 1 : v.shape[0];
    const bytes = new Uint8Array(encoded.data.buffer, encoded.data.byteOffset, encoded.data.byteLength);
    const rowBytes = inner * encoded.data.BYTES_PER_ELEMENT;
    for (let start = 0, index = 0; start < total; start += rows, index++) {
      const stop = Math.min(total, start + rows);
      // Edge chunks are stored full size (Zarr v2), padded with the fill value's bytes: zero here.
      const chunk = new Uint8Array(rows * rowBytes);
      chunk.set(bytes.subarray(start * rowBytes, stop * rowBytes));
      const key = [index, ...v.shape.slice(1).map(() => 0)].join('.');
      await writeFile(join(dir, key), deflateSync(chunk, { level: 4 }));
    }
  }
  await writeFile(join(path, '.zgroup'), JSON.stringify({ zarr_format: 2 }));
  await writeFile(join(path, '.zattrs'), JSON.stringify(ds.attrs, null, 2));
  await writeFile(join(path, '.zmetadata'), JSON.stringify({ zarr_consolidated_format: 1, metadata }, null, 2));
}
