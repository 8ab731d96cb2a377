/**
 * A reduction thread's error comes back as the class it was thrown as (issue
 * 13): a file the worker cannot open is a FileAccessError (the CLI's bad-data
 * exit, not "usage"), with its message and fields.
 */
import { FileAccessError, isSwotError, UsageError } from '../../core';
import { runReduction } from '../workers';

describe('runReduction errors', () => {
  jest.setTimeout(60000);

  it('keeps the typed error thrown in the worker', async () => {
    const missing = '/nonexistent/SWOT_L3_LR_SSH_Expert_026_165_x.nc';
    const error = await runReduction({ kind: 'stats', target: missing, variable: 'ssha_filtered', spans: [] }, () => {}).catch(e => e);
    expect(error).toBeInstanceOf(FileAccessError);
    expect(error).not.toBeInstanceOf(UsageError);
    expect(isSwotError(error)).toBe(true);
    expect(error.message).toContain(missing);
    expect(error.source).toBe(missing);
  });
});
