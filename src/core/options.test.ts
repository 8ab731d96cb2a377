import { UsageError } from './errors';
import { checkOptionKeys, editDistance, nearestName, optionKeys } from './options';
import { SELECT_KEYS } from './select';

describe('checkOptionKeys', () => {
  it('names the nearest valid key of a misspelt one', () => {
    expect(() => checkOptionKeys({ cycle: 25 }, SELECT_KEYS, 'select()')).toThrow(
      new UsageError("unknown option 'cycle' in select(): did you mean 'cycles'?")
    );
    expect(() => checkOptionKeys({ bbbox: [] }, SELECT_KEYS, 'select()')).toThrow("did you mean 'bbox'?");
    expect(() => checkOptionKeys({ Quality: 'good' }, SELECT_KEYS, 'select()')).toThrow("did you mean 'quality'?");
  });

  it('lists the valid keys when none is close', () => {
    expect(() => checkOptionKeys({ colour: 'red' }, ['overwrite'], 'save()')).toThrow(
      "unknown option 'colour' in save() (valid: overwrite)"
    );
  });

  it('accepts valid keys, undefined values of valid keys, and no options at all', () => {
    expect(() => checkOptionKeys({ cycles: 25, passes: undefined }, SELECT_KEYS, 'select()')).not.toThrow();
    expect(() => checkOptionKeys(undefined, SELECT_KEYS, 'select()')).not.toThrow();
    expect(() => checkOptionKeys(null, SELECT_KEYS, 'select()')).not.toThrow();
  });

  it('rejects options that are not an object', () => {
    expect(() => checkOptionKeys('good', SELECT_KEYS, 'select()')).toThrow(UsageError);
    expect(() => checkOptionKeys([1], SELECT_KEYS, 'select()')).toThrow('got an array');
  });
});

describe('optionKeys', () => {
  it('lists the keys of the record, in order', () => {
    expect(optionKeys<{ a?: number; b: string }>({ a: true, b: true })).toEqual(['a', 'b']);
  });
});

describe('nearestName and editDistance', () => {
  it('counts insertions, deletions and substitutions', () => {
    expect(editDistance('cycle', 'cycles')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
  });

  it('prefers a prefix (plural, abbreviation) and ignores case', () => {
    expect(nearestName('pass', ['passes', 'cycles'])).toBe('passes');
    expect(nearestName('VARIABLE', ['variables', 'bbox'])).toBe('variables');
    expect(nearestName('zzzzzz', ['variables', 'bbox'])).toBeUndefined();
  });
});
