/**
 * CF decoding of a variable's raw values, with xarray's semantics
 * (xarray.coding.variables: CFMaskCoder then CFScaleOffsetCoder):
 * - values equal to _FillValue or missing_value become NaN (before scaling);
 * - then value * scale_factor + add_offset;
 * - valid_min / valid_max are not applied (as in xarray);
 * - a variable with none of these attributes is returned unchanged.
 */

import { NumericArray } from '../array';
import { Attributes, AttributeValue } from '../dataset';

export const ENCODING_ATTRIBUTES = ['_FillValue', 'missing_value', 'scale_factor', 'add_offset'] as const;

function numbers(value: AttributeValue | undefined): number[] {
  if (value === undefined) {
    return [];
  }
  const list = Array.isArray(value) ? value : [value];
  return list.filter((v): v is number => typeof v === 'number');
}

/** True when decoding changes the values (a mask or a scale is present). */
export function needsDecoding(attrs: Attributes): boolean {
  return ENCODING_ATTRIBUTES.some(name => attrs[name] !== undefined);
}

/** Fill values of a variable (_FillValue then missing_value), NaN excluded. */
export function fillValues(attrs: Attributes): number[] {
  return [...numbers(attrs['_FillValue']), ...numbers(attrs['missing_value'])].filter(v => !Number.isNaN(v));
}

/**
 * Decode raw values to physical ones. Returns the input when nothing is to be
 * decoded; otherwise a new Float64Array (Float32Array for float32 data that
 * is only masked, as xarray keeps it).
 */
export function cfDecode(raw: NumericArray, attrs: Attributes): NumericArray {
  if (!needsDecoding(attrs)) {
    return raw;
  }
  const fills = fillValues(attrs);
  const scale = numbers(attrs['scale_factor'])[0] ?? 1;
  const offset = numbers(attrs['add_offset'])[0] ?? 0;
  const n = raw.length;
  const keepFloat32 = raw instanceof Float32Array && scale === 1 && offset === 0;
  const out = keepFloat32 ? new Float32Array(n) : new Float64Array(n);
  const values =
    raw instanceof BigInt64Array || raw instanceof BigUint64Array ? Float64Array.from(raw, Number) : raw;
  // Branches hoisted out of the loop: the common case is one fill value.
  if (fills.length === 0) {
    for (let i = 0; i < n; i++) {
      out[i] = (values[i] as number) * scale + offset;
    }
  } else if (fills.length === 1) {
    const fill = fills[0];
    // Float storage can round the fill differently from the attribute (e.g. float32 9.96921e36).
    const eq = raw instanceof Float32Array ? Math.fround(fill) : fill;
    for (let i = 0; i < n; i++) {
      const v = values[i] as number;
      out[i] = v === eq ? NaN : v * scale + offset;
    }
  } else {
    const set = new Set(raw instanceof Float32Array ? fills.map(Math.fround) : fills);
    for (let i = 0; i < n; i++) {
      const v = values[i] as number;
      out[i] = set.has(v) ? NaN : v * scale + offset;
    }
  }
  return out;
}

/** Attributes of the decoded variable: the encoding ones removed (as xarray moves them to .encoding). */
export function decodedAttributes(attrs: Attributes): Attributes {
  const out: Attributes = {};
  for (const [k, v] of Object.entries(attrs)) {
    if (!(ENCODING_ATTRIBUTES as readonly string[]).includes(k)) {
      out[k] = v;
    }
  }
  return out;
}

/** Flag meanings of a variable, value -> meaning (flag_values) or bit -> meaning (flag_masks). */
export function flagTable(attrs: Attributes): Array<{ value: number; meaning: string; mask: boolean }> {
  const meanings = typeof attrs['flag_meanings'] === 'string' ? attrs['flag_meanings'].trim().split(/\s+/) : [];
  const values = numbers(attrs['flag_values']);
  const masks = numbers(attrs['flag_masks']);
  const source = values.length === meanings.length ? values : masks;
  const mask = source === masks && values.length !== meanings.length;
  return meanings.map((meaning, i) => ({ value: source[i], meaning, mask })).filter(f => f.value !== undefined);
}
