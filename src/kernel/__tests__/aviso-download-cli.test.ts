/**
 * `swot download --provider aviso` end to end on loopback: the sample's L3 files published as
 * AVISO's /swot_products/l3_karin_nadir/l3_lr_ssh/ tree on a THREDDS-like server (catalog.xml
 * walked from the collection's folder, fileServer with Range, Basic auth from .netrc through
 * $NETRC). A connection dropped mid-file resumes and ends verified by size (AVISO has no
 * checksums), a second run skips, cycles outside the query are never listed, a wrong
 * password exits 5 naming the .netrc entry and never the password.
 */
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { main } from '../cli';
import { AvisoMirror, startAvisoMirror } from '../../testing/aviso-mirror';

const L3 = resolve(__dirname, '../../../data/sample/netcdf/L3_LR_SSH');
const CYCLE_26 = join(L3, 'v2_0_1', 'Expert', 'cycle_026');
const PASSWORD = 'aviso-pw-71c2-secret';
const COLLECTION = '/swot_products/l3_karin_nadir/l3_lr_ssh/v2_0_1/Expert';
let base: string;
let mirror: AvisoMirror;
let names: string[];
const saved = { ...process.env };

function run(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  return main(argv, { out: t => void out.push(t), err: t => void err.push(t) }).then(code => ({ code, out: out.join('\n'), err: err.join('\n') }));
}

function netrc(password: string): string {
  const file = join(base, `netrc-${password.length}`);
  writeFileSync(file, `machine 127.0.0.1\n  login swot-user\n  password ${password}\n`);
  chmodSync(file, 0o600);
  return file;
}

beforeAll(async () => {
  if (!existsSync(CYCLE_26)) throw new Error(`${CYCLE_26} is missing: scripts/setup.sh generates the sample data`);
  names = readdirSync(CYCLE_26).filter(n => n.endsWith('.nc')).sort();
  base = mkdtempSync(join(tmpdir(), 'swot-aviso-cli-'));
  mirror = await startAvisoMirror({
    folder: L3,
    treePath: '/swot_products/l3_karin_nadir/l3_lr_ssh',
    basic: { username: 'swot-user', password: PASSWORD },
    faults: { [`v2_0_1/Expert/cycle_026/${names[1]}`]: { dropAfter: 1_000_000 } }
  });
  process.env.SWOT_AVISO_THREDDS_URL = mirror.threddsUrl;
  process.env.NETRC = netrc(PASSWORD);
  delete process.env.AVISO_USERNAME;
  delete process.env.AVISO_PASSWORD;
});

afterAll(async () => {
  process.env = saved;
  await mirror.close();
  rmSync(base, { recursive: true, force: true });
});

const args = (out: string, ...more: string[]) => ['download', '--provider', 'aviso', '--collection', COLLECTION, '--cycle', '26', '--out', out, ...more];

test('walks the catalogs of the asked cycle only, resumes a dropped file, verifies sizes, then skips', async () => {
  const out = join(base, 'out');
  const first = await run(args(out, '--progress', 'jsonl'));
  expect(first.err).toBe('');
  expect(first.code).toBe(0);
  const events = first.out.split('\n').map(l => JSON.parse(l));
  expect(events.at(-1)).toMatchObject({ event: 'end', files: names.length, done: names.length, failed: 0 });
  expect(events.filter(e => e.event === 'done').map(e => e.verified)).toEqual(names.map(() => 'size'));
  // AVISO's cycle folders are kept, as in the archive
  expect(readdirSync(out)).toEqual(['cycle_026']);
  expect(readdirSync(join(out, 'cycle_026')).sort()).toEqual(names);
  for (const name of names) {
    expect(readFileSync(join(out, 'cycle_026', name)).equals(readFileSync(join(CYCLE_26, name)))).toBe(true);
  }
  const dropped = mirror.server.requestsFor(`v2_0_1/Expert/cycle_026/${names[1]}`, 'GET');
  expect(dropped.some(r => /^bytes=[1-9]\d*-$/.test(r.range ?? ''))).toBe(true);
  // only the collection's folder and cycle 26 were listed: no other cycle's catalog fetched
  const catalogs = mirror.server.log.filter(r => r.path.endsWith('/catalog.xml')).map(r => decodeURIComponent(r.path));
  expect(catalogs.every(p => /\/Expert\/catalog\.xml$|\/cycle_026\/catalog\.xml$/.test(p))).toBe(true);
  expect(catalogs.some(p => p.includes('cycle_026'))).toBe(true);

  const gets = mirror.server.log.filter(r => r.method === 'GET' && r.path.includes('/fileServer/')).length;
  const second = await run(args(out));
  expect(second.code).toBe(0);
  expect(second.out).toMatch(new RegExp(`0 downloaded, ${names.length} already complete, 0 failed`));
  expect(mirror.server.log.filter(r => r.method === 'GET' && r.path.includes('/fileServer/')).length).toBe(gets);
});

test('a pass filter narrows the files; the dry run names them with their catalog sizes', async () => {
  const pass = Number(names[2].split('_')[6]);
  const { code, out } = await run([...args(join(base, 'dry'), '--pass', String(pass), '--dry-run', '--json')]);
  expect(code).toBe(0);
  const plan = JSON.parse(out);
  expect(plan.granules.map((g: { name: string }) => g.name)).toEqual([names[2]]);
  expect(plan.granules[0].path).toBe(`${COLLECTION}/cycle_026/${names[2]}`);
  expect(Math.abs(plan.bytes - readFileSync(join(CYCLE_26, names[2])).length)).toBeLessThan(10_000);
  expect(existsSync(join(base, 'dry'))).toBe(false);
});

test('a wrong password exits 5 naming the .netrc entry, never the password', async () => {
  process.env.NETRC = netrc('wrong-pw-3');
  try {
    const { code, out, err } = await run(args(join(base, 'denied')));
    expect(code).toBe(5);
    expect(err).toMatch(/AVISO/);
    expect(err).toContain(`${process.env.NETRC} (machine 127.0.0.1)`);
    expect(`${out}\n${err}`).not.toMatch(/wrong-pw-3|aviso-pw-71c2/);
  } finally {
    process.env.NETRC = netrc(PASSWORD);
  }
});
