import { compactNumbers, describeEmpty, describeHoldings, describeNumbers, distinctNumbers, timeSpan } from './empty';

describe('describing an empty selection', () => {
  it('writes number filters as users write them', () => {
    expect(describeNumbers(25)).toBe('25');
    expect(describeNumbers([24, 26])).toBe('24, 26');
    expect(describeNumbers({ from: 24, to: 25 })).toBe('24-25');
  });

  it('lists distinct numbers as runs, cut when long', () => {
    expect(distinctNumbers(Int16Array.of(26, 24, 24, 25, 506))).toEqual([24, 25, 26, 506]);
    expect(distinctNumbers([1n, 2n, 2n])).toEqual([1, 2]);
    expect(distinctNumbers([NaN, 3])).toEqual([3]);
    expect(compactNumbers([24, 25, 26, 506, 507])).toBe('24-26, 506, 507');
    expect(compactNumbers([1, 3, 5, 7, 9], 3)).toBe('1, 3, 5, ... (5 in all)');
  });

  it('spans finite times only', () => {
    expect(timeSpan([NaN, Date.UTC(2024, 0, 2), Date.UTC(2024, 0, 1)])).toEqual(['2024-01-01T00:00:00.000Z', '2024-01-02T00:00:00.000Z']);
    expect(timeSpan([NaN])).toBeUndefined();
  });

  it('says why and what the dataset holds in one line', () => {
    expect(describeHoldings({ lines: 1, cycles: [26], passes: [165, 242] })).toBe('1 line: cycle 26; passes 165, 242');
    expect(describeHoldings({ lines: 0 })).toBe('0 lines');
    expect(
      describeEmpty({ reason: 'no line matches cycles 99', holds: { lines: 29580, cycles: [24, 25, 26], time: ['a', 'b'] } })
    ).toBe('no line matches cycles 99; the dataset holds 29,580 lines: cycles 24-26; time a to b');
  });
});
