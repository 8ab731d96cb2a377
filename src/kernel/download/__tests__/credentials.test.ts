/** .netrc parsing ($NETRC, default, macdef, quotes, comments), the lookup order per provider, and redaction. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { credentialsFor, netrcPath, parseNetrc, redact, Secrets } from '../credentials';

let dir: string;
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'swot-netrc-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

test('parseNetrc: machines on one or several lines, default, macdef bodies skipped, quoted values, comments', () => {
  const text = [
    '# a comment with machine evil login x password y',
    'machine urs.earthdata.nasa.gov login alice password "p w#1"',
    'macdef init',
    'machine inside.macro login no password no',
    '',
    'machine tds-odatis.aviso.altimetry.fr',
    '    login bob',
    '    password s3cr3t account acct',
    'default login anon password guest'
  ].join('\n');
  expect(parseNetrc(text)).toEqual([
    { machine: 'urs.earthdata.nasa.gov', login: 'alice', password: 'p w#1' },
    { machine: 'tds-odatis.aviso.altimetry.fr', login: 'bob', password: 's3cr3t', account: 'acct' },
    { login: 'anon', password: 'guest' }
  ]);
});

test('netrcPath honours $NETRC, else ~/.netrc', () => {
  expect(netrcPath({ NETRC: '/x/y', HOME: '/h' })).toBe('/x/y');
  expect(netrcPath({ HOME: '/h' })).toBe('/h/.netrc');
});

test('podaac: token first, then EARTHDATA_USERNAME/PASSWORD, then .netrc machine urs (Basic for the URS host only)', () => {
  const netrc = join(dir, 'n');
  writeFileSync(netrc, 'machine urs.earthdata.nasa.gov login alice password fromnetrc\n');
  const secrets = new Secrets();
  const host = 'archive.podaac.earthdata.nasa.gov';
  expect(credentialsFor('podaac', host, { env: { EARTHDATA_TOKEN: 'T0K', EARTHDATA_USERNAME: 'u', EARTHDATA_PASSWORD: 'p' }, netrc, secrets })).toEqual({
    kind: 'bearer',
    token: 'T0K',
    host,
    source: 'EARTHDATA_TOKEN'
  });
  expect(credentialsFor('podaac', host, { env: { EARTHDATA_USERNAME: 'u', EARTHDATA_PASSWORD: 'pp' }, netrc, secrets })).toMatchObject({
    kind: 'basic',
    host: 'urs.earthdata.nasa.gov',
    source: 'EARTHDATA_USERNAME/EARTHDATA_PASSWORD'
  });
  expect(credentialsFor('podaac', host, { env: { NETRC: netrc }, secrets })).toMatchObject({
    kind: 'basic',
    username: 'alice',
    host: 'urs.earthdata.nasa.gov',
    source: `${netrc} (machine urs.earthdata.nasa.gov)`
  });
  expect(credentialsFor('podaac', host, { env: { NETRC: join(dir, 'absent') }, secrets })).toBeUndefined();
  // Every secret read is registered.
  expect(secrets.redact('T0K pp fromnetrc')).toBe('*** *** ***');
});

test('aviso: env first, then the .netrc machine of the THREDDS or SFTP host, else default', () => {
  const netrc = join(dir, 'n');
  writeFileSync(netrc, 'machine tds-odatis.aviso.altimetry.fr login bob password b\nmachine ftp-access.aviso.altimetry.fr login carl password c\ndefault login dan password d\n');
  const env = { NETRC: netrc };
  expect(credentialsFor('aviso', 'tds-odatis.aviso.altimetry.fr', { env, secrets: new Secrets() })).toMatchObject({ username: 'bob', source: `${netrc} (machine tds-odatis.aviso.altimetry.fr)` });
  expect(credentialsFor('aviso', 'ftp-access.aviso.altimetry.fr:2221', { env, secrets: new Secrets() })).toMatchObject({ username: 'carl', host: 'ftp-access.aviso.altimetry.fr:2221' });
  expect(credentialsFor('aviso', 'mirror.example.org', { env, secrets: new Secrets() })).toMatchObject({ username: 'dan', source: `${netrc} (default)` });
  expect(credentialsFor('aviso', 'x', { env: { ...env, AVISO_USERNAME: 'e', AVISO_PASSWORD: 'f' }, secrets: new Secrets() })).toMatchObject({ username: 'e', source: 'AVISO_USERNAME/AVISO_PASSWORD' });
});

test('redact: longest first, URL-encoded and Basic (base64) forms too', () => {
  const secrets = new Secrets().addBasic('user', 'p@ss word');
  const basic = Buffer.from('user:p@ss word').toString('base64');
  expect(secrets.redact(`a p@ss word b p%40ss%20word c Basic ${basic}`)).toBe('a *** b *** c Basic ***');
  expect(redact('abcabc', ['abc', 'abcabc'])).toBe('***');
});
