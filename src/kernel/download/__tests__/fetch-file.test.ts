/**
 * fetchToFile against the loopback granule server: real sockets, real files.
 * Each case names the behaviour the issue asks for.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startGranuleServer, GranuleServer, GranuleServerOptions } from '../../../testing/granule-server';
import { fetchToFile, FetchOptions } from '../fetch-file';
import { HttpSource } from '../http-source';
import { Secrets } from '../credentials';
import { collect, fixture, Fixture, granule, listFiles } from './helpers';

const TOKEN = 'tok-SECRET-4f1d9e';
const FAST: FetchOptions = { backoffMs: 5, maxBackoffMs: 20 };

let fx: Fixture;
let server: GranuleServer;
let source: HttpSource;

async function setup(options: Omit<GranuleServerOptions, 'root'> = {}, env: Record<string, string> = { EARTHDATA_TOKEN: TOKEN }): Promise<void> {
  server = await startGranuleServer({ root: fx.remote, bearer: TOKEN, ...options });
  source = new HttpSource({ provider: 'podaac', env, netrc: join(fx.dir, 'no-netrc'), secrets: new Secrets(), stallTimeoutMs: 2000 });
}

beforeEach(() => {
  fx = fixture({ 'a.nc': 300_000, 'b.nc': 50_000 });
});
afterEach(async () => {
  await source?.close();
  await server?.close();
  fx.cleanup();
});

test('a normal download: bytes equal, checksum verified, no .part left, one GET without Range', async () => {
  await setup();
  const { events, onEvent } = collect();
  const result = await fetchToFile(source, granule('a.nc', server.fileUrl('a.nc'), fx.files['a.nc']), fx.out, { ...FAST, onEvent });
  expect(readFileSync(join(fx.out, 'a.nc')).equals(fx.files['a.nc'])).toBe(true);
  expect(result).toMatchObject({ verified: 'checksum', skipped: false, bytes: 300_000, size: 300_000 });
  expect(listFiles(fx.out)).toEqual(['a.nc']);
  const gets = server.requestsFor('a.nc', 'GET');
  expect(gets).toHaveLength(1);
  expect(gets[0].range).toBeUndefined();
  expect(events[0]).toEqual({ event: 'start', name: 'a.nc', size: 300_000, resumeFrom: 0 });
  expect(events.at(-1)).toMatchObject({ event: 'done', verified: 'checksum', skipped: false, bytes: 300_000 });
});

test('a dropped connection resumes with Range and If-Range and ends verified', async () => {
  await setup({ faults: { 'a.nc': { dropAfter: 120_000 } } });
  const { events, onEvent } = collect();
  await fetchToFile(source, granule('a.nc', server.fileUrl('a.nc'), fx.files['a.nc']), fx.out, { ...FAST, onEvent });
  expect(readFileSync(join(fx.out, 'a.nc')).equals(fx.files['a.nc'])).toBe(true);
  const gets = server.requestsFor('a.nc', 'GET');
  expect(gets).toHaveLength(2);
  expect(gets[1].range).toBe('bytes=120000-');
  expect(gets[1].ifRange).toMatch(/^"/);
  expect(gets[1].status).toBe(206);
  expect(events.filter(e => e.event === 'retry')).toHaveLength(1);
  expect(events.at(-1)).toMatchObject({ event: 'done', verified: 'checksum' });
});

test('a stalled connection times out and resumes', async () => {
  await setup({ faults: { 'b.nc': { stallAfter: 10_000 } } });
  source = new HttpSource({ provider: 'podaac', env: { EARTHDATA_TOKEN: TOKEN }, netrc: join(fx.dir, 'none'), secrets: new Secrets(), stallTimeoutMs: 300 });
  const { events, onEvent } = collect();
  await fetchToFile(source, granule('b.nc', server.fileUrl('b.nc'), fx.files['b.nc']), fx.out, { ...FAST, onEvent });
  expect(readFileSync(join(fx.out, 'b.nc')).equals(fx.files['b.nc'])).toBe(true);
  const retry = events.find(e => e.event === 'retry');
  expect(retry).toMatchObject({ reason: expect.stringMatching(/no data for/) });
  expect(server.requestsFor('b.nc', 'GET')[1].range).toBe('bytes=10000-');
});

test('a corrupted file fails VERIFY and leaves nothing under its final name (nor a .part)', async () => {
  await setup({ faults: { 'a.nc': { corrupt: true } } });
  const g = granule('a.nc', server.fileUrl('a.nc'), fx.files['a.nc']);
  await expect(fetchToFile(source, g, fx.out, FAST)).rejects.toMatchObject({ code: 'VERIFY', message: expect.stringMatching(/SHA-256/) });
  expect(listFiles(fx.out)).toEqual([]);
});

test('a size mismatch (no checksum) fails VERIFY', async () => {
  await setup();
  const g = granule('b.nc', server.fileUrl('b.nc'), undefined, { size: 50_001 });
  await expect(fetchToFile(source, g, fx.out, FAST)).rejects.toMatchObject({ code: 'VERIFY' });
  expect(listFiles(fx.out)).toEqual([]);
});

test('5xx twice then ok: two retry events with backoff, then done', async () => {
  await setup({ faults: { 'b.nc': { failTimes: 2, failStatus: 503 } } });
  const { events, onEvent } = collect();
  await fetchToFile(source, granule('b.nc', server.fileUrl('b.nc'), fx.files['b.nc']), fx.out, { ...FAST, onEvent });
  const retries = events.filter(e => e.event === 'retry');
  expect(retries.map(r => (r as { attempt: number }).attempt)).toEqual([2, 3]);
  expect(retries[0]).toMatchObject({ reason: expect.stringMatching(/HTTP 503/) });
  expect(server.requestsFor('b.nc', 'GET').map(r => r.status)).toEqual([503, 503, 200]);
});

test('persistent 500s give up after the attempts with an HTTP error', async () => {
  await setup({ faults: { 'b.nc': { failTimes: 99 } } });
  await expect(fetchToFile(source, granule('b.nc', server.fileUrl('b.nc'), fx.files['b.nc']), fx.out, { ...FAST, attempts: 3 })).rejects.toMatchObject({
    code: 'HTTP',
    message: expect.stringMatching(/after 3 attempts/)
  });
  expect(server.requestsFor('b.nc', 'GET')).toHaveLength(3);
});

test('a 404 is not retried', async () => {
  await setup();
  await expect(fetchToFile(source, granule('zz.nc', server.fileUrl('zz.nc'), Buffer.from('x')), fx.out, FAST)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  expect(server.log.filter(r => r.method === 'GET')).toHaveLength(1);
});

test('a second run skips the complete file without any GET', async () => {
  await setup();
  const g = granule('a.nc', server.fileUrl('a.nc'), fx.files['a.nc']);
  await fetchToFile(source, g, fx.out, FAST);
  server.log.length = 0;
  const { events, onEvent } = collect();
  const again = await fetchToFile(source, g, fx.out, { ...FAST, onEvent });
  expect(again).toMatchObject({ skipped: true, verified: 'checksum', bytes: 0 });
  expect(events).toEqual([{ event: 'done', name: 'a.nc', path: join(fx.out, 'a.nc'), bytes: 300_000, verified: 'checksum', skipped: true }]);
  expect(server.log).toEqual([]);
});

test('without size or checksum, an existing file is checked against the HEAD size', async () => {
  await setup();
  const g = granule('b.nc', server.fileUrl('b.nc'), undefined);
  await fetchToFile(source, g, fx.out, FAST);
  server.log.length = 0;
  expect(await fetchToFile(source, g, fx.out, FAST)).toMatchObject({ skipped: true, verified: 'size' });
  expect(server.log.map(r => r.method)).toEqual(['HEAD']);
});

test('an existing final file that does not verify is left untouched (EXISTS_MISMATCH), replaced only with replaceBad', async () => {
  await setup();
  const g = granule('b.nc', server.fileUrl('b.nc'), fx.files['b.nc']);
  require('node:fs').mkdirSync(fx.out);
  writeFileSync(join(fx.out, 'b.nc'), 'my own notes');
  await expect(fetchToFile(source, g, fx.out, FAST)).rejects.toMatchObject({ code: 'EXISTS_MISMATCH' });
  expect(readFileSync(join(fx.out, 'b.nc'), 'utf8')).toBe('my own notes');
  await fetchToFile(source, g, fx.out, { ...FAST, replaceBad: true });
  expect(readFileSync(join(fx.out, 'b.nc')).equals(fx.files['b.nc'])).toBe(true);
});

test('a server that ignores Range: the .part restarts from 0 and the file still verifies', async () => {
  await setup({ faults: { 'a.nc': { ignoreRange: true } } });
  require('node:fs').mkdirSync(fx.out);
  writeFileSync(join(fx.out, 'a.nc.part'), fx.files['a.nc'].subarray(0, 1000));
  const { events, onEvent } = collect();
  await fetchToFile(source, granule('a.nc', server.fileUrl('a.nc'), fx.files['a.nc']), fx.out, { ...FAST, onEvent });
  expect(server.requestsFor('a.nc', 'GET')[0].range).toBe('bytes=1000-');
  expect(events[0]).toMatchObject({ event: 'start', resumeFrom: 0 });
  expect(readFileSync(join(fx.out, 'a.nc')).equals(fx.files['a.nc'])).toBe(true);
});

test('a stale .part from an earlier run (another version of the file) is restarted once, then verifies', async () => {
  await setup();
  require('node:fs').mkdirSync(fx.out);
  writeFileSync(join(fx.out, 'a.nc.part'), Buffer.alloc(1000, 7));
  const { events, onEvent } = collect();
  await fetchToFile(source, granule('a.nc', server.fileUrl('a.nc'), fx.files['a.nc']), fx.out, { ...FAST, onEvent });
  expect(events.find(e => e.event === 'retry')).toMatchObject({ reason: expect.stringMatching(/resumed file does not verify/) });
  expect(readFileSync(join(fx.out, 'a.nc')).equals(fx.files['a.nc'])).toBe(true);
});

test('a remote name that would leave the output folder is refused', async () => {
  await setup();
  await expect(fetchToFile(source, granule('../evil.nc', server.fileUrl('b.nc'), undefined), fx.out, FAST)).rejects.toMatchObject({ code: 'FILE' });
  await expect(fetchToFile(source, granule('b.nc', server.fileUrl('b.nc'), undefined, { dir: '../..' }), fx.out, FAST)).rejects.toMatchObject({ code: 'FILE' });
  expect(server.log).toEqual([]);
});

test('granule.dir makes the sub-folder', async () => {
  await setup();
  const r = await fetchToFile(source, granule('b.nc', server.fileUrl('b.nc'), fx.files['b.nc'], { dir: 'cycle_026' }), fx.out, FAST);
  expect(r.path).toBe(join(fx.out, 'cycle_026', 'b.nc'));
  expect(readFileSync(r.path).equals(fx.files['b.nc'])).toBe(true);
});
