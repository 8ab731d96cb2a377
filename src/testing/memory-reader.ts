/** An in-memory DatasetReader for unit tests: variables given as typed arrays. */
import { Hyperslab, NdArray, NumericArray, sizeOf } from '../core/array';
import { Attributes, DatasetInfo, DType, VariableInfo } from '../core/dataset';
import { DatasetReader, requireVariable, resolveSlab } from '../core/reader';

export interface MemoryVariable {
  dims: string[];
  data: NumericArray;
  attrs?: Attributes;
}

function dtypeOf(data: NumericArray): DType {
  const name = data.constructor.name.replace('Array', '').toLowerCase();
  return ({ bigint64: 'int64', biguint64: 'uint64' } as Record<string, DType>)[name] ?? (name as DType);
}

export function memoryReader(
  dims: Record<string, number>,
  variables: Record<string, MemoryVariable>,
  attrs: Attributes = {},
  source = 'memory'
): DatasetReader & { reads: string[] } {
  const infos: VariableInfo[] = Object.entries(variables).map(([name, v]) => {
    const shape = v.dims.map(d => dims[d]);
    if (sizeOf(shape) !== v.data.length) {
      throw new Error(`${name}: ${v.data.length} values for shape ${shape}`);
    }
    return { name, dims: v.dims, shape, dtype: dtypeOf(v.data), attrs: v.attrs ?? {} };
  });
  const info: DatasetInfo = { source, format: 'netcdf4', path: '/', dims, variables: infos, attrs, groups: [] };
  const reads: string[] = [];
  return {
    info,
    reads,
    async readRaw(name: string, slab?: Hyperslab): Promise<NdArray> {
      const v = requireVariable(info, name);
      const ranges = resolveSlab(v.shape, slab, name);
      reads.push(`${name}${JSON.stringify(ranges)}`);
      const shape = ranges.map(([a, b]) => b - a);
      const src = variables[name].data;
      const out = new (src.constructor as { new (n: number): NumericArray })(sizeOf(shape));
      const strides = v.shape.map((_, i) => sizeOf(v.shape.slice(i + 1)));
      let o = 0;
      const walk = (axis: number, offset: number) => {
        if (axis === shape.length) {
          out[o++] = src[offset] as never;
          return;
        }
        for (let i = ranges[axis][0]; i < ranges[axis][1]; i++) {
          walk(axis + 1, offset + i * strides[axis]);
        }
      };
      walk(0, 0);
      return { data: out, shape };
    },
    close() {}
  };
}

/**
 * A small synthetic swath: `lines` x `pixels`, track heading north along
 * `lon0` (longitudes wrap to [0, 360)), 0.02 deg per line, 0.02 deg per pixel.
 */
export function syntheticSwath(lines: number, pixels: number, lon0: number, lat0: number): DatasetReader & { reads: string[] } {
  const lat = new Int32Array(lines * pixels);
  const lon = new Int32Array(lines * pixels);
  const ssha = new Int32Array(lines * pixels);
  const flag = new Uint8Array(lines * pixels);
  const time = new Float64Array(lines);
  for (let l = 0; l < lines; l++) {
    time[l] = 1000 + l; // seconds since 2000-01-01
    for (let p = 0; p < pixels; p++) {
      const i = l * pixels + p;
      lat[i] = Math.round((lat0 + 0.02 * l) * 1e6);
      lon[i] = Math.round((((lon0 + 0.02 * (p - pixels / 2)) % 360) + 360) % 360 * 1e6);
      ssha[i] = p === 0 ? 2147483647 : l * 10 + p;
      flag[i] = p === 1 ? 102 : p === 2 ? 5 : 0;
    }
  }
  const scaled = { scale_factor: 1e-6 };
  return memoryReader(
    { num_lines: lines, num_pixels: pixels },
    {
      time: { dims: ['num_lines'], data: time, attrs: { units: 'seconds since 2000-01-01 00:00:00.0' } },
      latitude: { dims: ['num_lines', 'num_pixels'], data: lat, attrs: { ...scaled, units: 'degrees_north' } },
      longitude: { dims: ['num_lines', 'num_pixels'], data: lon, attrs: { ...scaled, units: 'degrees_east' } },
      ssha: {
        dims: ['num_lines', 'num_pixels'],
        data: ssha,
        attrs: { scale_factor: 1e-4, _FillValue: 2147483647, units: 'm' }
      },
      quality_flag: { dims: ['num_lines', 'num_pixels'], data: flag, attrs: { flag_meanings: 'good outlier no_data' } }
    }
  );
}
