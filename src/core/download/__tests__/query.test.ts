import { isSwotError } from '../../errors';
import { parseBBox, parseNumberList, parseTimeRange, passFilter, queryPhase, validateQuery } from '../query';
import type { SearchQuery } from '../types';

const usage = (f: () => unknown, text: RegExp) => {
  let error: unknown;
  try {
    f();
  } catch (e) {
    error = e;
  }
  expect(isSwotError(error) && error.code === 'USAGE').toBe(true);
  expect((error as Error).message).toMatch(text);
};

describe('query readers', () => {
  it('expands number lists and ranges', () => {
    expect(parseNumberList('1-5,8')).toEqual([1, 2, 3, 4, 5, 8]);
    expect(parseNumberList('26')).toEqual([26]);
    expect(parseNumberList('10-12')).toEqual([10, 11, 12]);
    expect(parseNumberList('8, 1-3; 2')).toEqual([1, 2, 3, 8]);
    usage(() => parseNumberList('1-x', '--cycle'), /--cycle "1-x"/);
    usage(() => parseNumberList('5-1', '--pass'), /reversed/);
    usage(() => parseNumberList(' ', '--pass'), /--pass: empty/);
  });

  it('reads a time range, a date alone being the whole day', () => {
    expect(parseTimeRange('2024-12-29/2024-12-30')).toEqual({ start: '2024-12-29T00:00:00Z', end: '2024-12-30T23:59:59.999Z' });
    expect(parseTimeRange('2024-12-29T16:00/2024-12-29T18:30:00Z')).toEqual({ start: '2024-12-29T16:00:00Z', end: '2024-12-29T18:30:00Z' });
    usage(() => parseTimeRange('2024-12-29'), /START\/END/);
    usage(() => parseTimeRange('2024-12-31/2024-12-29'), /reversed/);
    usage(() => parseTimeRange('yesterday/2024-12-29'), /not a date/);
  });

  it('reads a box', () => {
    expect(parseBBox('-70,35,-65,40')).toEqual([-70, 35, -65, 40]);
    expect(parseBBox('170, 30, -170, 45')).toEqual([170, 30, -170, 45]);
    usage(() => parseBBox('1,2,3'), /4 numbers/);
    usage(() => parseBBox('1,40,3,30'), /wrong order/);
    usage(() => parseBBox('1,,3,4'), /4 numbers/);
  });

  it('validateQuery names the bad field', () => {
    const ok: SearchQuery = { provider: 'podaac', collection: 'SWOT_L2_LR_SSH_BASIC_2.0', cycles: [26], passes: [165], time: { start: '2024-12-29', end: '2024-12-30' }, limit: 3 };
    expect(() => validateQuery(ok)).not.toThrow();
    usage(() => validateQuery({ ...ok, provider: 'cnes' as never }), /provider/);
    usage(() => validateQuery({ ...ok, collection: '' }), /collection is required/);
    usage(() => validateQuery({ ...ok, provider: 'aviso' }), /AVISO collection is a path/);
    usage(() => validateQuery({ ...ok, cycles: [1.5] }), /cycles must be a list of integers/);
    usage(() => validateQuery({ ...ok, passes: [0] }), /passes must be/);
    usage(() => validateQuery({ ...ok, time: { start: '2024-12-30', end: '2024-12-29' } }), /time is reversed/);
    usage(() => validateQuery({ ...ok, bbox: [0, 10, 1, 5] }), /bbox.*wrong order/);
    usage(() => validateQuery({ ...ok, limit: 0 }), /limit/);
    usage(() => validateQuery({ ...ok, cycle: [3] } as never), /unknown option 'cycle' in search\(\): did you mean 'cycles'\?/);
  });

  it('intersects the asked passes with those of the box, and guesses the phase', async () => {
    const inBox = async (_b: [number, number, number, number], phase: string) => (phase === 'science' ? [12, 165, 400] : [3]);
    const q: SearchQuery = { provider: 'podaac', collection: 'X', bbox: [0, 0, 1, 1] };
    expect(await passFilter(q, inBox)).toEqual([12, 165, 400]);
    expect(await passFilter({ ...q, passes: [165, 166] }, inBox)).toEqual([165]);
    expect(await passFilter({ ...q, passes: [166] }, inBox)).toEqual([]);
    expect(await passFilter({ ...q, cycles: [506] }, inBox)).toEqual([3]);
    expect(await passFilter({ ...q, passes: [5] }, undefined)).toEqual([5]);
    expect(queryPhase({ ...q, time: { start: '2023-04-01', end: '2023-04-02' } })).toBe('calval');
    expect(queryPhase({ ...q, time: { start: '2024-04-01', end: '2024-04-02' } })).toBe('science');
  });
});
