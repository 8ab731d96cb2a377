import { fromBase64, toBase64 } from './base64';

describe('base64', () => {
  it('matches Node for every length modulo 3, including large inputs', () => {
    for (const n of [0, 1, 2, 3, 4, 5, 100, 100001]) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 7919) & 255);
      const text = toBase64(bytes);
      expect(text).toBe(Buffer.from(bytes).toString('base64'));
      expect(Array.from(fromBase64(text))).toEqual(Array.from(bytes));
    }
  });

  it('accepts missing padding', () => {
    expect(Array.from(fromBase64('YWI'))).toEqual([97, 98]);
  });

  it('rejects characters outside the alphabet', () => {
    expect(() => fromBase64('YW!j')).toThrow(RangeError);
    expect(() => fromBase64('Y')).toThrow(RangeError);
  });
});
