/**
 * CF time decoding ("seconds since 2000-01-01 00:00:00.0") to Unix epoch
 * milliseconds, the unit JavaScript's Date takes. Standard, gregorian and
 * proleptic_gregorian calendars (identical after 1582, all SWOT data).
 */

import { UnsupportedFormatError } from '../errors';

const UNIT_MS: Record<string, number> = {
  nanoseconds: 1e-6,
  nanosecond: 1e-6,
  ns: 1e-6,
  microseconds: 1e-3,
  microsecond: 1e-3,
  us: 1e-3,
  milliseconds: 1,
  millisecond: 1,
  ms: 1,
  seconds: 1e3,
  second: 1e3,
  sec: 1e3,
  secs: 1e3,
  s: 1e3,
  minutes: 60e3,
  minute: 60e3,
  min: 60e3,
  mins: 60e3,
  hours: 3600e3,
  hour: 3600e3,
  hr: 3600e3,
  hrs: 3600e3,
  h: 3600e3,
  days: 86400e3,
  day: 86400e3,
  d: 86400e3
};

const CALENDARS = new Set(['standard', 'gregorian', 'proleptic_gregorian']);

export interface TimeUnits {
  /** Milliseconds per unit. */
  scale: number;
  /** Epoch of the reference date, in Unix milliseconds. */
  epoch: number;
}

export function isTimeUnits(units: unknown): units is string {
  return typeof units === 'string' && /^\s*\w+\s+since\s+/i.test(units);
}

/** Parse CF time units; `source` names the variable in errors. */
export function parseTimeUnits(units: string, source: string, calendar?: string): TimeUnits {
  const m = /^\s*(\w+)\s+since\s+(\d{1,4})-(\d{1,2})-(\d{1,2})(?:[T\s]+(\d{1,2}):(\d{1,2})(?::(\d{1,2}(?:\.\d*)?))?)?\s*(Z|UTC|[+-]\d{1,2}(?::?\d{2})?)?\s*$/i.exec(
    units
  );
  const scale = m ? UNIT_MS[m[1].toLowerCase()] : undefined;
  if (!m || scale === undefined) {
    throw new UnsupportedFormatError(source, `cannot read the time units "${units}"`);
  }
  if (calendar !== undefined && !CALENDARS.has(calendar.toLowerCase())) {
    throw new UnsupportedFormatError(source, `calendar "${calendar}" is not supported (standard/gregorian only)`);
  }
  const seconds = Number(m[7] ?? 0);
  let epoch = Date.UTC(Number(m[2]), Number(m[3]) - 1, Number(m[4]), Number(m[5] ?? 0), Number(m[6] ?? 0), 0);
  epoch += seconds * 1000;
  const zone = m[8];
  if (zone && zone !== 'Z' && zone.toUpperCase() !== 'UTC') {
    const z = /([+-])(\d{1,2}):?(\d{2})?/.exec(zone)!;
    const minutes = Number(z[2]) * 60 + Number(z[3] ?? 0);
    epoch -= (z[1] === '-' ? -1 : 1) * minutes * 60e3;
  }
  // Date.UTC maps years 0-99 to 1900-1999.
  if (Number(m[2]) < 100) {
    const d = new Date(epoch);
    d.setUTCFullYear(Number(m[2]));
    epoch = d.getTime();
  }
  return { scale, epoch };
}

/** Values (already masked: NaN = missing) to epoch milliseconds. */
export function decodeTime(values: ArrayLike<number>, units: TimeUnits): Float64Array {
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) {
    out[i] = units.epoch + values[i] * units.scale;
  }
  return out;
}

/** Epoch milliseconds back to values in `units` (for writing). */
export function encodeTime(ms: ArrayLike<number>, units: TimeUnits): Float64Array {
  const out = new Float64Array(ms.length);
  for (let i = 0; i < ms.length; i++) {
    out[i] = (ms[i] - units.epoch) / units.scale;
  }
  return out;
}

/** Parse a user time (ISO string, Date or epoch ms); `what` names it in errors. */
export function toEpochMs(value: string | number | Date, what: string): number {
  const ms = value instanceof Date ? value.getTime() : typeof value === 'number' ? value : Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(value) || value.length <= 10 ? value : `${value}Z`);
  if (!Number.isFinite(ms)) {
    throw new RangeError(`${what}: "${String(value)}" is not a date (use ISO 8601, e.g. 2023-07-21T05:00:00)`);
  }
  return ms;
}
