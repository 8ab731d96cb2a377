/**
 * Diagnostics of a selection of many passes in worker threads (whole passes
 * per thread) give the bits of one thread, over the sample L3 passes of two
 * cycles (every pass: src/kernel/__tests__ runs long enough).
 */
import { join } from 'node:path';
import { requireBuiltCli, ROOT } from '../../testing/built-cli';
import { diagnostics } from '../diagnostics';
import { open } from '../open';

beforeAll(requireBuiltCli); // the worker is dist/reduce-worker.cjs

describe('diagnostics in worker threads', () => {
  it('gives the same fields, to the last bit, as one thread', async () => {
    const ds = await open(join(ROOT, 'data/sample/netcdf/L3_LR_SSH/v2_0_1/Expert'));
    const sel = await ds.select({ variables: ['ssha_filtered'], cycles: [24, 25] });
    expect(new Set(Array.from(sel.get('pass_number').data as ArrayLike<number>)).size).toBeGreaterThanOrEqual(4);
    const what = ['u', 'v', 'vorticity', 'strain', 'okubo_weiss'] as const;
    const one = await diagnostics(sel, { what: [...what], workers: 1 });
    const two = await diagnostics(sel, { what: [...what], workers: 2 });
    const three = await diagnostics(sel, { what: [...what], workers: 3 });
    for (const w of what) {
      const a = one.get(w).data as Float64Array;
      expect(a.some(Number.isFinite)).toBe(true);
      for (const other of [two, three]) {
        const b = other.get(w).data as Float64Array;
        expect(Buffer.from(b.buffer, b.byteOffset, b.byteLength).equals(Buffer.from(a.buffer, a.byteOffset, a.byteLength))).toBe(true);
        expect(JSON.stringify(other.get(w).attrs)).toBe(JSON.stringify(one.get(w).attrs));
      }
    }
    ds.close();
  }, 120000);
});
