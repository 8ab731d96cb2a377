/**
 * The browser's client of the extension's routes, against a real Jupyter server
 * (the environment's `jupyter server`, with this package installed by scripts/setup.sh).
 */
import { mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ServerConnection } from '@jupyterlab/services';
import { JupyterServer, startJupyterServer } from '../testing/jupyter-server';
import { FileAccessError, UsageError } from '../core/errors';
import { fetchEphemerisText, listFolder, requestAPI, swotFilesUrl, swotServerConfig } from './server-api';

const ORBIT = resolve(__dirname, '../../jupyterlab_swot/kernel_runtime/node_modules/jupyterlab-swot/orbit');
const TOKEN = 'swot-test-token';

let server: JupyterServer;
let settings: ServerConnection.ISettings;
let base: string;

beforeAll(async () => {
  base = realpathSync(mkdtempSync(join(tmpdir(), 'swot-api-')));
  const root = join(base, 'home');
  mkdirSync(join(root, 'product', 'cycle_001'), { recursive: true });
  for (const name of ['b.nc', 'a.nc', '<img src=x onerror=alert(1)>.nc', '.hidden.nc']) {
    writeFileSync(join(root, 'product', name), 'abc');
  }
  writeFileSync(join(root, 'product', 'cycle_001', 'SWOT_001_002.nc'), '12345');
  mkdirSync(join(base, 'datalake', 'l3'), { recursive: true });
  writeFileSync(join(base, 'datalake', 'l3', 'pass.nc'), '0123456789');
  mkdirSync(join(base, 'sample'));
  mkdirSync(join(base, 'private'));
  writeFileSync(join(base, 'private', 'secret.nc'), 'secret');
  symlinkSync(join(base, 'private'), join(root, 'product', 'out'));
  server = await startJupyterServer({
    rootDir: root,
    args: [`--Swot.data_roots=${join(base, 'datalake')}`, `--Swot.sample_data=${join(base, 'sample')}`],
    env: { ...process.env, SWOT_EPHEMERIS_DIR: resolve(__dirname, '../../../shared/data/real/orbit') },
    token: TOKEN
  });
  settings = server.settings;
}, 40_000);

afterAll(async () => {
  await server?.stop();
  rmSync(base, { recursive: true, force: true });
});

describe('swotFilesUrl', () => {
  const local = ServerConnection.makeSettings({ baseUrl: 'http://h/user/a/' });

  test('keeps a relative path relative and encodes each name', () => {
    expect(swotFilesUrl('data/x y#1.nc', local)).toBe('http://h/user/a/swot/files/data/x%20y%231.nc');
  });

  test("sends an absolute path's leading slash as %2F", () => {
    expect(swotFilesUrl('/work/x/y.nc', local)).toBe('http://h/user/a/swot/files/%2Fwork/x/y.nc');
    expect(swotFilesUrl('//work/x', local)).toBe('http://h/user/a/swot/files/%2Fwork/x');
  });
});

describe('listFolder', () => {
  test('gives one page, sorted, without hidden names, with summaries of directories', async () => {
    const page = await listFolder('product', { limit: 3, summary: true }, settings);
    expect(page).toMatchObject({ path: 'product', resolved: join(base, 'home', 'product'), total: 5, start: 0, limit: 3 });
    expect(page.entries.map(e => e.name)).toEqual(['<img src=x onerror=alert(1)>.nc', 'a.nc', 'b.nc']);
    expect(page.entries[1]).toMatchObject({ kind: 'file', size: 3 });
    const rest = await listFolder('product', { start: 3, summary: true }, settings);
    expect(rest.entries.map(e => e.name)).toEqual(['cycle_001', 'out']);
    expect(rest.entries[0].summary).toEqual({ files: 1, directories: 0, bytes: 5, first: 'SWOT_001_002.nc', last: 'SWOT_001_002.nc', markers: [] });
    expect(rest.entries[1].refused).toContain('outside every folder this server may read');
  });

  test('reads an absolute path inside a data root', async () => {
    const page = await listFolder(join(base, 'datalake', 'l3'), {}, settings);
    expect(page.entries.map(e => e.name)).toEqual(['pass.nc']);
    const bytes = await (await requestAPI(join(base, 'datalake', 'l3', 'pass.nc'), {}, settings)).text();
    expect(bytes).toBe('0123456789');
  });

  test("refuses a path out of the roots with the server's reason and roots", async () => {
    const error = await listFolder(join(base, 'private'), {}, settings).catch(e => e);
    expect(error).toBeInstanceOf(FileAccessError);
    expect(error.message).toContain(`${join(base, 'private')}: resolves to ${join(base, 'private')}, outside every folder this server may read`);
    expect(error.message).toContain('c.Swot.data_roots');
    expect(error.cause).toMatchObject({ status: 403, refusal: { roots: [join(base, 'home'), join(base, 'datalake'), join(base, 'sample')] } });
    await expect(listFolder('product/a.nc', {}, settings)).rejects.toThrow('product/a.nc: not a folder');
    await expect(listFolder('nothing', {}, settings)).rejects.toThrow('nothing: no such file or folder');
  });

  test('rejects a bad page before asking', async () => {
    await expect(listFolder('product', { limit: 1001 }, settings)).rejects.toBeInstanceOf(UsageError);
    await expect(listFolder('product', { start: -1 }, settings)).rejects.toThrow('start must be a whole number >= 0, not -1');
  });

  test('stops when its signal aborts', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(listFolder('product', { signal: controller.signal }, settings)).rejects.toMatchObject({ name: 'AbortError' });
  });
});

test('swotServerConfig names the roots and the sample', async () => {
  expect(await swotServerConfig(settings)).toEqual({
    serverRoot: join(base, 'home'),
    roots: [join(base, 'home'), join(base, 'datalake'), join(base, 'sample')],
    sample: join(base, 'sample')
  });
});

describe('fetchEphemerisText', () => {
  test('gives the ephemeris the package ships', async () => {
    const text = await fetchEphemerisText('calval', {}, settings);
    const dir = [ORBIT, resolve(__dirname, '../../../shared/data/real/orbit')].find(d => {
      try {
        return readFileSync(join(d, 'ephemeris_calval_june2015_ell.txt')).length > 0;
      } catch {
        return false;
      }
    });
    expect(dir).toBeDefined();
    expect(text).toBe(readFileSync(join(dir!, 'ephemeris_calval_june2015_ell.txt'), 'utf8'));
  });

  test('rejects an unknown phase', async () => {
    await expect(fetchEphemerisText('fast' as 'science', {}, settings)).rejects.toBeInstanceOf(UsageError);
  });
});
