/** Encode decoded values back to their storage form (the inverse of CF decoding). */
import { DecodedVariable, DType, encodeTime, NumericArray, parseTimeUnits, typedArrayFor } from '../core';

export interface Encoded {
  data: NumericArray;
  dtype: DType;
  attrs: Record<string, number | string>;
}

const INTEGER = /^u?int/;

/**
 * Values as stored: NaN -> _FillValue, (x - add_offset) / scale_factor rounded
 * for integer types, times back to their CF units.
 */
export function encodeVariable(v: DecodedVariable): Encoded {
  const e = v.encoding;
  const attrs: Record<string, number | string> = {};
  let values: ArrayLike<number> = v.data as ArrayLike<number>;
  if (v.isTime && e.units) {
    values =
      v.stored && v.stored.length === v.data.length
        ? (v.stored as ArrayLike<number>)
        : encodeTime(values, parseTimeUnits(e.units, v.name, e.calendar));
    attrs['units'] = e.units;
    if (e.calendar) {
      attrs['calendar'] = e.calendar;
    }
  }
  const dtype: DType = e.dtype === 'int64' || e.dtype === 'uint64' ? 'float64' : e.dtype;
  const scale = e.scale_factor ?? 1;
  const offset = e.add_offset ?? 0;
  const hasNaN = Array.prototype.some.call(values, (x: number) => x !== x);
  const fill = e._FillValue ?? (hasNaN && INTEGER.test(dtype) ? undefined : undefined);
  const out = typedArrayFor(dtype, values.length);
  const integer = INTEGER.test(dtype);
  if (integer && fill === undefined && hasNaN) {
    // Integer storage without a fill value cannot hold NaN: store as float64.
    return encodeFloat(v, values, attrs);
  }
  for (let i = 0; i < values.length; i++) {
    const x = values[i];
    if (x !== x) {
      out[i] = (fill ?? NaN) as never;
    } else {
      const stored = (x - offset) / scale;
      out[i] = (integer ? Math.round(stored) : stored) as never;
    }
  }
  if (fill !== undefined) attrs['_FillValue'] = fill;
  if (e.scale_factor !== undefined) attrs['scale_factor'] = e.scale_factor;
  if (e.add_offset !== undefined) attrs['add_offset'] = e.add_offset;
  return { data: out, dtype, attrs };
}

function encodeFloat(v: DecodedVariable, values: ArrayLike<number>, attrs: Record<string, number | string>): Encoded {
  const data = Float64Array.from(values);
  return { data, dtype: 'float64', attrs: { ...attrs, _FillValue: NaN } };
}
