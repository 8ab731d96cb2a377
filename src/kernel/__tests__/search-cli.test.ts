/** `swot search` against a loopback CMR (SWOT_CMR_URL): the granules asked for, as text and JSON; a failing provider exits 5. */
import { main } from '../cli';
import { cmrHandler, LoopbackServer, startLoopbackServer } from '../../testing/cmr-thredds-server';
import { COLLECTION, ummGranule } from '../../core/download/__tests__/fixtures';

function run(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  return main(argv, { out: t => void out.push(t), err: t => void err.push(t) }).then(code => ({ code, out: out.join('\n'), err: err.join('\n') }));
}

describe('swot search', () => {
  let server: LoopbackServer;
  const saved = process.env.SWOT_CMR_URL;
  beforeAll(async () => {
    const records = [26, 27].flatMap(cycle => [165, 242].map(pass => ({ shortName: COLLECTION, umm: ummGranule(cycle, pass) })));
    server = await startLoopbackServer(cmrHandler(records));
    process.env.SWOT_CMR_URL = server.url;
  });
  afterAll(async () => {
    process.env.SWOT_CMR_URL = saved;
    if (saved === undefined) delete process.env.SWOT_CMR_URL;
    await server.close();
  });

  it('lists the granules of a cycle and pass with their size', async () => {
    const { code, out, err } = await run(['search', '--provider', 'podaac', '--collection', COLLECTION, '--cycle', '26', '--pass', '165']);
    expect(err).toBe('');
    expect(code).toBe(0);
    const lines = out.split('\n');
    expect(lines[0]).toMatch(/^1 granule in podaac SWOT_L2_LR_SSH_BASIC_2\.0/);
    expect(lines[1]).toMatch(/^\s+26\s+165\s+47\.2 MB\s+SWOT_L2_LR_SSH_Basic_026_165_\S+_PIC2_01\.nc$/);
  });

  it('gives JSON with checksums, cycles and passes', async () => {
    const { code, out } = await run(['search', '--provider', 'podaac', '--collection', COLLECTION, '--cycle', '26-27', '--json']);
    expect(code).toBe(0);
    const granules = JSON.parse(out);
    expect(granules.map((g: { cycle: number; pass: number }) => `${g.cycle}/${g.pass}`).sort()).toEqual(['26/165', '26/242', '27/165', '27/242']);
    expect(granules[0].checksum.algorithm).toBe('MD5');
  });

  it('refuses a bad provider or list as usage (exit 2)', async () => {
    expect((await run(['search', '--provider', 'copernicus', '--collection', 'X'])).code).toBe(2);
    const bad = await run(['search', '--provider', 'podaac', '--collection', COLLECTION, '--cycle', 'twenty']);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/cycle/);
  });

  it('a provider that fails exits 5 naming it', async () => {
    const failing = await startLoopbackServer(cmrHandler([], { status: 503 }));
    process.env.SWOT_CMR_URL = failing.url;
    try {
      const { code, err } = await run(['search', '--provider', 'podaac', '--collection', COLLECTION]);
      expect(code).toBe(5);
      expect(err).toMatch(/503/);
    } finally {
      process.env.SWOT_CMR_URL = server.url;
      await failing.close();
    }
  });
});
