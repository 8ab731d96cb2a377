/** Decoded, in-memory variables and datasets: what selections and diagnostics work on. */

import { NumericArray } from './array';
import { Attributes, DType, VariableInfo } from './dataset';
import { cfDecode, decodedAttributes, decodeTime, isTimeUnits, parseTimeUnits } from './cf';
import { ProductId } from './product';

/** How a variable was stored, so that it can be written back the same way (xarray's .encoding). */
export interface Encoding {
  dtype: DType;
  _FillValue?: number;
  scale_factor?: number;
  add_offset?: number;
  /** CF time units and calendar of a time variable (its data are then epoch milliseconds). */
  units?: string;
  calendar?: string;
}

export interface DecodedVariable {
  name: string;
  dims: string[];
  shape: number[];
  /** Physical values, NaN where missing; for time variables, Unix epoch milliseconds. */
  data: NumericArray;
  /** CF attributes without the encoding ones. */
  attrs: Attributes;
  encoding: Encoding;
  isTime?: boolean;
  /**
   * Time variables keep their stored values: epoch milliseconds in float64 are
   * ~0.25 microsecond coarse, and writing must give back the exact values.
   */
  stored?: NumericArray;
}

export interface DecodedDataset {
  source: string;
  dims: Record<string, number>;
  variables: DecodedVariable[];
  attrs: Attributes;
  product?: ProductId;
  /** Set when a selection kept nothing: why, and what the dataset holds (see select/empty.ts). */
  empty?: EmptySelection;
}

/** What a dataset holds, to say so when a selection matches nothing. */
export interface DatasetHoldings {
  /** Lines (swaths) or grid cells (grids) before the selection. */
  lines?: number;
  cells?: number;
  cycles?: number[];
  passes?: number[];
  /** First and last time, ISO 8601. */
  time?: [string, string];
  /** Longitude and latitude span of a grid. */
  lon?: [number, number];
  lat?: [number, number];
}

/** Why a selection is empty (the filter that left nothing) and what there was to select from. */
export interface EmptySelection {
  /** e.g. "no line matches cycles 99". */
  reason: string;
  holds: DatasetHoldings;
}

function numberAttr(attrs: Attributes, name: string): number | undefined {
  const v = attrs[name];
  return typeof v === 'number' ? v : Array.isArray(v) && typeof v[0] === 'number' ? (v[0] as number) : undefined;
}

/** Decode raw values of `variable` (CF mask, scale and offset; CF time to epoch ms). */
export function decodeVariable(variable: VariableInfo, raw: NumericArray, source: string): DecodedVariable {
  const encoding: Encoding = { dtype: variable.dtype };
  for (const key of ['_FillValue', 'scale_factor', 'add_offset'] as const) {
    const value = numberAttr(variable.attrs, key);
    if (value !== undefined) {
      encoding[key] = value;
    }
  }
  let data = cfDecode(raw, variable.attrs);
  const attrs = decodedAttributes(variable.attrs);
  let isTime = false;
  let stored: NumericArray | undefined;
  const units = variable.attrs['units'];
  if (isTimeUnits(units)) {
    const calendar = typeof variable.attrs['calendar'] === 'string' ? variable.attrs['calendar'] : undefined;
    const parsed = parseTimeUnits(units, `${source}: ${variable.name}`, calendar);
    const values = data instanceof Float64Array ? data : Float64Array.from(data as ArrayLike<number>, Number);
    stored = data;
    data = decodeTime(values, parsed);
    encoding.units = units;
    if (calendar) {
      encoding.calendar = calendar;
    }
    delete attrs['units'];
    delete attrs['calendar'];
    isTime = true;
  }
  return {
    name: variable.name,
    dims: variable.dims,
    shape: variable.shape,
    data,
    attrs,
    encoding,
    ...(isTime ? { isTime, stored } : {})
  };
}
