import { cfDecode, decodedAttributes, flagTable } from './decode';
import { longitudeInterval, wrap180, wrap360 } from './longitude';
import { decodeTime, encodeTime, parseTimeUnits, toEpochMs } from './time';

describe('cfDecode', () => {
  it('masks _FillValue before scaling, then applies scale and offset', () => {
    const out = cfDecode(Int32Array.of(1, 2147483647, -3), { _FillValue: 2147483647, scale_factor: 1e-4, add_offset: 1 });
    expect(Array.from(out)).toEqual([1 * 1e-4 + 1, NaN, -3 * 1e-4 + 1]);
    expect(out).toBeInstanceOf(Float64Array);
  });

  it('masks both _FillValue and missing_value', () => {
    expect(Array.from(cfDecode(Int16Array.of(1, -1, 32767), { _FillValue: 32767, missing_value: -1 }))).toEqual([1, NaN, NaN]);
  });

  it('returns the input untouched when nothing is to decode (flags stay integers)', () => {
    const flags = Uint8Array.of(0, 102);
    expect(cfDecode(flags, { flag_meanings: 'good no_data' })).toBe(flags);
  });

  it('keeps float32 when only masking, matching float32-rounded fill values', () => {
    const out = cfDecode(Float32Array.of(1.5, 9.969209968386869e36), { _FillValue: 9.969209968386869e36 });
    expect(out).toBeInstanceOf(Float32Array);
    expect(Array.from(out)).toEqual([1.5, NaN]);
  });

  it('handles 64-bit integers', () => {
    expect(Array.from(cfDecode(BigInt64Array.of(5n, -9223372036854775808n), { _FillValue: -9223372036854775808 }))).toEqual([5, NaN]);
  });

  it('removes the encoding attributes from the decoded ones', () => {
    expect(decodedAttributes({ _FillValue: 1, scale_factor: 2, units: 'm' })).toEqual({ units: 'm' });
  });

  it('reads flag tables from flag_values or flag_masks', () => {
    expect(flagTable({ flag_values: [0, 102], flag_meanings: 'good no_data' })).toEqual([
      { value: 0, meaning: 'good', mask: false },
      { value: 102, meaning: 'no_data', mask: false }
    ]);
    expect(flagTable({ flag_masks: [1, 2147483648], flag_meanings: 'suspect bad_not_usable' })[1]).toEqual({
      value: 2147483648,
      meaning: 'bad_not_usable',
      mask: true
    });
  });
});

describe('CF time', () => {
  it('decodes SWOT time (seconds since 2000-01-01) to epoch milliseconds', () => {
    const units = parseTimeUnits('seconds since 2000-01-01 00:00:00.0', 'time');
    const [t] = decodeTime([788806686.5], units);
    expect(new Date(t).toISOString()).toBe('2024-12-29T16:58:06.500Z');
  });

  it('decodes DUACS days since 1950-01-01 and round-trips', () => {
    const units = parseTimeUnits('days since 1950-01-01 00:00:00', 'time');
    expect(new Date(decodeTime([25202], units)[0]).toISOString()).toBe('2019-01-01T00:00:00.000Z');
    expect(encodeTime(decodeTime([25203.25], units), units)[0]).toBeCloseTo(25203.25, 9);
  });

  it('applies a time zone offset and accepts nanoseconds', () => {
    expect(parseTimeUnits('hours since 2000-01-01T01:00:00+01:00', 't').epoch).toBe(Date.UTC(2000, 0, 1));
    expect(parseTimeUnits('nanoseconds since 1970-01-01', 't').scale).toBe(1e-6);
  });

  it('rejects unknown units and calendars with the variable name', () => {
    expect(() => parseTimeUnits('fortnights since 2000-01-01', 'ds: time')).toThrow(/ds: time.*fortnights/);
    expect(() => parseTimeUnits('days since 2000-01-01', 't', '360_day')).toThrow(/360_day/);
  });

  it('parses user dates as UTC', () => {
    expect(toEpochMs('2023-07-21T05:33:45', 'start')).toBe(Date.UTC(2023, 6, 21, 5, 33, 45));
    expect(toEpochMs('2023-07-21', 'start')).toBe(Date.UTC(2023, 6, 21));
    expect(() => toEpochMs('yesterday', 'start')).toThrow(/start: "yesterday" is not a date/);
  });
});

describe('longitudes', () => {
  it('wraps to both conventions', () => {
    expect([wrap360(-10), wrap360(370), wrap180(190), wrap180(-190)]).toEqual([350, 10, -170, 170]);
  });

  it('tests intervals across the dateline and the 0/360 seam, in either convention', () => {
    const dateline = longitudeInterval(170, -170);
    expect([dateline(175), dateline(185), dateline(-175), dateline(0), dateline(160)]).toEqual([true, true, true, false, false]);
    const seam = longitudeInterval(-5, 5);
    expect([seam(359), seam(2), seam(-2), seam(180)]).toEqual([true, true, true, false]);
    expect(longitudeInterval(-180, 180)(12)).toBe(true);
    expect(longitudeInterval(-180, 180)(NaN)).toBe(false);
  });
});
