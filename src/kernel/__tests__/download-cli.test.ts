/**
 * `swot download` end to end on loopback: a CMR (SWOT_CMR_URL) whose granules point at a
 * granule server requiring an Earthdata bearer token; files verified by their MD5, a second run
 * skips them, a dropped connection resumes, a dry run fetches nothing, a wrong token exits 5
 * without the token anywhere.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { execFile } from 'node:child_process';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { main } from '../cli';
import { cmrHandler, LoopbackServer, startLoopbackServer } from '../../testing/cmr-thredds-server';
import { GranuleServer, startGranuleServer } from '../../testing/granule-server';
import { COLLECTION, ummGranule } from '../../core/download/__tests__/fixtures';

const CLI = resolve(__dirname, '../../../dist/cli.cjs');
const TOKEN = 'tok-3f9a-very-secret';
let base: string;
let cmr: LoopbackServer;
let files: GranuleServer;
const names: string[] = [];
const saved = { ...process.env };

function run(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  return main(argv, { out: t => void out.push(t), err: t => void err.push(t) }).then(code => ({ code, out: out.join('\n'), err: err.join('\n') }));
}

beforeAll(async () => {
  base = mkdtempSync(join(tmpdir(), 'swot-download-cli-'));
  const served = join(base, 'served');
  require('node:fs').mkdirSync(served);
  files = await startGranuleServer({ root: served, bearer: TOKEN });
  const records = [165, 242, 320].map((pass, i) => {
    const umm = ummGranule(26, pass) as Record<string, any>;
    const name: string = `${umm.GranuleUR}.nc`;
    const bytes = Buffer.alloc(300_000 + i * 1000, i + 1);
    writeFileSync(join(served, name), bytes);
    names.push(name);
    const info = umm.DataGranule.ArchiveAndDistributionInformation[0];
    info.SizeInBytes = bytes.length;
    info.Checksum = { Value: createHash('md5').update(bytes).digest('hex'), Algorithm: 'MD5' };
    umm.RelatedUrls = [{ URL: files.fileUrl(name), Type: 'GET DATA', Description: `Download ${name}` }];
    return { shortName: COLLECTION, umm };
  });
  cmr = await startLoopbackServer(cmrHandler(records));
  process.env.SWOT_CMR_URL = cmr.url;
  process.env.EARTHDATA_TOKEN = TOKEN;
  process.env.NETRC = join(base, 'no-netrc');
});

afterAll(async () => {
  process.env = saved;
  await cmr.close();
  await files.close();
  rmSync(base, { recursive: true, force: true });
});

const args = (out: string, ...more: string[]) => ['download', '--provider', 'podaac', '--collection', COLLECTION, '--cycle', '26', '--out', out, ...more];

test('a dry run lists the files and their total size, and fetches nothing', async () => {
  const out = join(base, 'dry');
  const { code, out: text } = await run(args(out, '--dry-run', '--json'));
  expect(code).toBe(0);
  const plan = JSON.parse(text);
  expect(plan.files).toBe(3);
  expect(plan.bytes).toBe(300_000 + 301_000 + 302_000);
  expect(existsSync(out)).toBe(false);
  expect(files.log.filter(r => r.method === 'GET')).toHaveLength(0);
});

test('downloads verified files, JSON-line events, then a second run skips them', async () => {
  const out = join(base, 'out');
  files.faults[names[1]] = { dropAfter: 100_000 };
  const first = await run(args(out, '--progress', 'jsonl', '--jobs', '2'));
  expect(first.err).toBe('');
  expect(first.code).toBe(0);
  const events = first.out.split('\n').map(l => JSON.parse(l));
  expect(events[0]).toMatchObject({ event: 'plan', files: 3 });
  expect(events.at(-1)).toMatchObject({ event: 'end', files: 3, done: 3, failed: 0 });
  expect(events.filter(e => e.event === 'done').every(e => e.verified === 'checksum')).toBe(true);
  expect(readdirSync(out).sort()).toEqual([...names].sort());
  expect(readFileSync(join(out, names[1])).length).toBe(301_000);
  // the dropped transfer was resumed with a Range request
  expect(files.requestsFor(names[1], 'GET').some(r => /bytes=\d+-/.test(r.range ?? ''))).toBe(true);

  const gets = files.log.filter(r => r.method === 'GET').length;
  const second = await run(args(out));
  expect(second.code).toBe(0);
  expect(second.out).toMatch(/0 downloaded, 3 already complete, 0 failed/);
  expect(files.log.filter(r => r.method === 'GET').length).toBe(gets);
});

test('the built CLI with --progress none prints the summary line alone: no bar on any stream', async () => {
  // a real process: a bar written to process.stdout (the notebook renderer) would show here
  const { stdout, stderr } = await promisify(execFile)(process.execPath, [CLI, ...args(join(base, 'quiet'), '--progress', 'none')], { encoding: 'utf8', env: { ...process.env } });
  expect(stdout).toMatch(/^3 downloaded, 0 already complete, 0 failed: [^\n]*\n$/);
  expect(stderr).toBe('');
});

test('a wrong token exits 5 with one message naming where it came from, never the token', async () => {
  process.env.EARTHDATA_TOKEN = 'wrong-token-77';
  try {
    const { code, out, err } = await run(args(join(base, 'denied')));
    expect(code).toBe(5);
    expect(err).toMatch(/EARTHDATA_TOKEN/);
    expect(`${out}\n${err}`).not.toMatch(/wrong-token-77|tok-3f9a/);
  } finally {
    process.env.EARTHDATA_TOKEN = TOKEN;
  }
});

test('a folder that cannot be written is one clear error before anything is fetched (exit 3)', async () => {
  writeFileSync(join(base, 'a-file'), 'x');
  const gets = files.log.filter(r => r.method === 'GET').length;
  const { code, err } = await run(args(join(base, 'a-file', 'sub')));
  expect(code).toBe(3);
  expect(err).toMatch(/cannot write the downloads there: .*a-file refuses \(a file is in the way\)/);
  expect(files.log.filter(r => r.method === 'GET').length).toBe(gets);
});

