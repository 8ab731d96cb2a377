/**
 * The queue and the credentials against the loopback granule server:
 * parallel downloads, a refused login (one message, no secret anywhere),
 * the Earthdata login flow through a URS-like host, Authorization kept from
 * the signed-URL host, cancel leaving only .part files that the next run resumes.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DownloadEvent } from '../../../core/download/types';
import { startGranuleServer, GranuleServer } from '../../../testing/granule-server';
import { Secrets } from '../credentials';
import { HttpSource, HttpSourceOptions } from '../http-source';
import { downloadGranules } from '../queue';
import { collect, fixture, Fixture, granule, listFiles } from './helpers';

const TOKEN = 'tok-SECRET-77aa01';
const PASSWORD = 'pw-SECRET-b0b0';

let fx: Fixture;
let server: GranuleServer | undefined;
let source: HttpSource | undefined;

beforeEach(() => {
  fx = fixture({ 'g1.nc': 200_000, 'g2.nc': 150_000, 'g3.nc': 100_000, 'g4.nc': 60_000, 'g5.nc': 10_000 });
});
afterEach(async () => {
  await source?.close();
  await server?.close();
  source = server = undefined;
  fx.cleanup();
});

function makeSource(options: Omit<HttpSourceOptions, 'secrets'>): { source: HttpSource; secrets: Secrets } {
  const secrets = new Secrets();
  // Never the developer's ~/.netrc: a missing file unless the case sets $NETRC.
  source = new HttpSource({ netrc: options.env?.NETRC ? undefined : join(fx.dir, 'no-netrc'), ...options, secrets });
  return { source, secrets };
}

const names = (): string[] => Object.keys(fx.files);
const granules = (s: GranuleServer, provider: 'podaac' | 'aviso' = 'podaac') => names().map(n => granule(n, s.fileUrl(n), fx.files[n], { provider }));

function expectNoSecret(events: DownloadEvent[], report: unknown, ...secretValues: string[]): void {
  const text = JSON.stringify(events) + JSON.stringify(report);
  for (const secret of secretValues) {
    expect(text).not.toContain(secret);
    expect(text).not.toContain(Buffer.from(`user:${secret}`).toString('base64'));
  }
}

test('parallel downloads: every file verified, plan and end events, the report adds up', async () => {
  server = await startGranuleServer({ root: fx.remote, bearer: TOKEN });
  const { source } = makeSource({ provider: 'podaac', env: { EARTHDATA_TOKEN: TOKEN } });
  const { events, onEvent } = collect();
  const report = await downloadGranules(granules(server), source, fx.out, { jobs: 3, onEvent });
  expect(report).toMatchObject({ files: 5, done: 5, skipped: 0, failed: 0, bytes: 520_000, cancelled: false, errors: [] });
  for (const n of names()) expect(readFileSync(join(fx.out, n)).equals(fx.files[n])).toBe(true);
  expect(events[0]).toEqual({ event: 'plan', files: 5, bytes: 520_000, skipped: 0, unknownSize: 0 });
  expect(events.at(-1)).toMatchObject({ event: 'end', files: 5, done: 5, skipped: 0, failed: 0, bytes: 520_000 });
  expect(events.filter(e => e.event === 'done')).toHaveLength(5);

  // A second run: everything skipped, no GET at all.
  server.log.length = 0;
  const again = await downloadGranules(granules(server), source, fx.out, { jobs: 3 });
  expect(again).toMatchObject({ done: 0, skipped: 5, bytes: 0 });
  expect(server.log).toEqual([]);
});

test('a wrong token: one AUTH message naming PO.DAAC and EARTHDATA_TOKEN, the token nowhere', async () => {
  server = await startGranuleServer({ root: fx.remote, bearer: 'the-right-one' });
  const { source } = makeSource({ provider: 'podaac', env: { EARTHDATA_TOKEN: TOKEN } });
  const { events, onEvent } = collect();
  const report = await downloadGranules(granules(server), source, fx.out, { jobs: 2, onEvent });
  const errors = events.filter(e => e.event === 'error');
  expect(errors).toHaveLength(1);
  expect(errors[0]).toMatchObject({ code: 'AUTH', message: expect.stringMatching(/^PO\.DAAC refused the credentials from EARTHDATA_TOKEN \(HTTP 401/) });
  expect(report).toMatchObject({ done: 0, failed: 5 });
  expect(report.errors).toHaveLength(1);
  expect(server.log.length).toBeLessThanOrEqual(2);
  expectNoSecret(events, report, TOKEN);
  expect(listFiles(fx.out)).toEqual([]);
});

test('no credentials at all: AUTH saying where to put them', async () => {
  server = await startGranuleServer({ root: fx.remote, bearer: TOKEN });
  const { source } = makeSource({ provider: 'podaac', env: { HOME: fx.dir } });
  const report = await downloadGranules(granules(server).slice(0, 1), source, fx.out);
  expect(report.errors[0]).toMatchObject({ code: 'AUTH', message: expect.stringMatching(/requires a login.*EARTHDATA_TOKEN.*machine urs\.earthdata\.nasa\.gov/) });
});

test('a bearer token never follows the redirect to the signed-URL host', async () => {
  server = await startGranuleServer({ root: fx.remote, bearer: TOKEN, signedRedirect: true });
  const { source } = makeSource({ provider: 'podaac', env: { EARTHDATA_TOKEN: TOKEN } });
  const report = await downloadGranules(granules(server), source, fx.out);
  expect(report).toMatchObject({ done: 5, failed: 0 });
  const signed = server.log.filter(r => r.server === 'signed');
  expect(signed.length).toBe(5);
  expect(signed.every(r => r.authorization === undefined && r.status === 200)).toBe(true);
  expect(server.log.filter(r => r.server === 'provider').every(r => r.authorization === `Bearer ${TOKEN}`)).toBe(true);
});

describe('the Earthdata login flow (user/password from .netrc through $NETRC)', () => {
  const netrcWith = (password: string): string => {
    const path = join(fx.dir, 'my-netrc');
    writeFileSync(path, `# test\nmachine example.org login other password nope\nmachine 127.0.0.1\n  login user\n  password ${password}\n`);
    return path;
  };

  test('Basic auth goes to the URS host only; the session cookie brings the files back; the signed host sees no Authorization', async () => {
    server = await startGranuleServer({ root: fx.remote, urs: { username: 'user', password: PASSWORD }, signedRedirect: true });
    const { source } = makeSource({ provider: 'podaac', env: { NETRC: netrcWith(PASSWORD), SWOT_EARTHDATA_URS_URL: server.ursUrl } });
    const report = await downloadGranules(granules(server), source, fx.out, { jobs: 1 });
    expect(report).toMatchObject({ done: 5, failed: 0 });
    for (const n of names()) expect(readFileSync(join(fx.out, n)).equals(fx.files[n])).toBe(true);
    const urs = server.log.filter(r => r.server === 'urs');
    expect(urs.length).toBe(1); // one login, then the cookie
    expect(urs[0].authorization).toMatch(/^Basic /);
    expect(server.log.filter(r => r.server !== 'urs').every(r => r.authorization === undefined)).toBe(true);
    expect(server.log.filter(r => r.server === 'provider' && r.path.startsWith('/files/')).slice(1).every(r => r.cookie?.includes('urs_session'))).toBe(true);
  });

  test('a wrong password: one AUTH message naming the .netrc file and machine, the password nowhere', async () => {
    server = await startGranuleServer({ root: fx.remote, urs: { username: 'user', password: 'right' } });
    const netrc = netrcWith(PASSWORD);
    const { source } = makeSource({ provider: 'podaac', env: { NETRC: netrc, SWOT_EARTHDATA_URS_URL: server.ursUrl } });
    const { events, onEvent } = collect();
    const report = await downloadGranules(granules(server), source, fx.out, { onEvent });
    const errors = events.filter(e => e.event === 'error');
    expect(errors).toHaveLength(1);
    expect((errors[0] as { message: string }).message).toContain(`PO.DAAC refused the credentials from ${netrc} (machine 127.0.0.1) (HTTP 401`);
    expectNoSecret(events, report, PASSWORD);
  });
});

test('AVISO THREDDS Basic auth from AVISO_USERNAME/AVISO_PASSWORD; a wrong one names them', async () => {
  server = await startGranuleServer({ root: fx.remote, basic: { username: 'user', password: PASSWORD } });
  const good = makeSource({ provider: 'aviso', env: { AVISO_USERNAME: 'user', AVISO_PASSWORD: PASSWORD } });
  const items = granules(server, 'aviso').map(g => ({ ...g, checksum: undefined }));
  expect(await downloadGranules(items, good.source, fx.out)).toMatchObject({ done: 5 });
  await good.source.close();
  const bad = makeSource({ provider: 'aviso', env: { AVISO_USERNAME: 'user', AVISO_PASSWORD: 'wrong-SECRET' } });
  const { events, onEvent } = collect();
  const report = await downloadGranules(items, bad.source, join(fx.dir, 'out2'), { onEvent });
  expect(report.errors).toEqual([{ name: expect.any(String), code: 'AUTH', message: expect.stringMatching(/^AVISO refused the credentials from AVISO_USERNAME\/AVISO_PASSWORD/) }]);
  expectNoSecret(events, report, 'wrong-SECRET');
});

test('cancel leaves only .part files; the next run resumes them with Range and ends verified', async () => {
  server = await startGranuleServer({ root: fx.remote, bearer: TOKEN, faults: { 'g1.nc': { bytesPerSecond: 200_000 }, 'g2.nc': { bytesPerSecond: 200_000 } } });
  const { source } = makeSource({ provider: 'podaac', env: { EARTHDATA_TOKEN: TOKEN } });
  const two = granules(server).slice(0, 2);
  const controller = new AbortController();
  const onEvent = (e: DownloadEvent): void => {
    if (e.event === 'progress' && e.bytes > 40_000) controller.abort();
  };
  const report = await downloadGranules(two, source, fx.out, { signal: controller.signal, onEvent, progressIntervalMs: 10 });
  expect(report).toMatchObject({ cancelled: true, done: 0, failed: 0 });
  expect(listFiles(fx.out)).toEqual(['g1.nc.part', 'g2.nc.part']);

  delete server.faults['g1.nc'];
  delete server.faults['g2.nc'];
  server.log.length = 0;
  const { events, onEvent: collectEvents } = collect();
  const resumed = await downloadGranules(two, source, fx.out, { onEvent: collectEvents });
  expect(resumed).toMatchObject({ done: 2, failed: 0 });
  expect(listFiles(fx.out)).toEqual(['g1.nc', 'g2.nc']);
  for (const n of ['g1.nc', 'g2.nc']) expect(readFileSync(join(fx.out, n)).equals(fx.files[n])).toBe(true);
  expect(server.log.every(r => /^bytes=[1-9]\d*-$/.test(r.range ?? ''))).toBe(true);
  expect(events.filter(e => e.event === 'start').every(e => (e as { resumeFrom: number }).resumeFrom > 0)).toBe(true);
});
