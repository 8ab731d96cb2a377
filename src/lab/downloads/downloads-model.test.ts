/**
 * The Downloads model against a real Jupyter server running this repository's
 * jupyterlab_swot (PYTHONPATH), whose /swot/downloads jobs run the packaged
 * `swot download`; its endpoints point at a closed loopback port, so every job
 * ends quickly whatever the command does, and nothing leaves this machine.
 */
import { mkdirSync, mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ServerConnection } from '@jupyterlab/services';
import { FileAccessError } from '../../core/errors';
import { cancelDownload, getDownload, HttpCause, listDownloads } from '../server-api';
import { DownloadsModel } from './downloads-model';
import { freePort, JupyterServer, startJupyterServer } from '../../testing/jupyter-server';

const REPO = resolve(__dirname, '../../..');
const TOKEN = 'swot-downloads-token';

let server: JupyterServer;
let settings: ServerConnection.ISettings;
let base: string;
const models: DownloadsModel[] = [];

async function until<T>(what: string, fn: () => T | undefined | Promise<T | undefined>, ms = 60_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await fn();
    if (value !== undefined) {
      return value;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting for ${what}`);
    }
    await new Promise(r => setTimeout(r, 100));
  }
}

function model(): DownloadsModel {
  const m = new DownloadsModel({ settings });
  models.push(m);
  return m;
}

beforeAll(async () => {
  base = realpathSync(mkdtempSync(join(tmpdir(), 'swot-dl-')));
  mkdirSync(join(base, 'home'));
  mkdirSync(join(base, 'outside'));
  const closed = `http://127.0.0.1:${await freePort()}`;
  const env: NodeJS.ProcessEnv = { ...process.env, PYTHONPATH: REPO, NETRC: join(base, 'no-netrc'), SWOT_CMR_URL: closed, SWOT_AVISO_THREDDS_URL: closed, SWOT_AVISO_SFTP: closed.slice(7) };
  for (const key of ['EARTHDATA_TOKEN', 'EARTHDATA_USERNAME', 'EARTHDATA_PASSWORD', 'AVISO_USERNAME', 'AVISO_PASSWORD']) {
    delete env[key];
  }
  server = await startJupyterServer({ rootDir: join(base, 'home'), env, token: TOKEN });
  settings = server.settings;
}, 40_000);

afterAll(async () => {
  models.forEach(m => m.dispose());
  await server?.stop();
  rmSync(base, { recursive: true, force: true });
});

describe('DownloadsModel', () => {
  test('starts a job, follows it to its end by itself, finds it again as a reloaded page does, forgets it', async () => {
    const first = model();
    await first.ready;
    expect(first.jobs).toEqual([]);
    expect(first.error).toBeUndefined();
    let changes = 0;
    first.changed.connect(() => changes++);

    const job = await first.start({ provider: 'podaac', collection: 'SWOT_L2_LR_SSH_BASIC_2.0', cycles: '8', passes: '3-5', out: 'swot-downloads/basic', dryRun: true, jobs: 2 });
    expect(job).toMatchObject({ state: 'starting', out: 'swot-downloads/basic', dryRun: true, request: { cycles: '8', passes: '3-5', jobs: 2 } });
    expect(first.get(job.id)?.id).toBe(job.id);

    // Polled every second while it moves, with nobody asking: it ends (the endpoints are closed).
    const ended = await until('the job to end', () => {
      const j = first.get(job.id);
      return j && j.state !== 'starting' && j.state !== 'running' ? j : undefined;
    });
    expect(['done', 'failed']).toContain(ended.state);
    expect(changes).toBeGreaterThan(0);
    if (ended.state === 'failed') {
      expect(ended.errors.length + ended.stderr.length).toBeGreaterThan(0);
    }

    // A new page lists the server's jobs.
    const reloaded = model();
    await reloaded.ready;
    expect(reloaded.jobs.map(j => j.id)).toContain(job.id);
    expect((await getDownload(job.id, settings)).state).toBe(ended.state);

    await reloaded.forget(job.id);
    expect(reloaded.get(job.id)).toBeUndefined();
    expect((await listDownloads(settings)).map(j => j.id)).not.toContain(job.id);
    await expect(cancelDownload(job.id, settings)).rejects.toThrow(`no download job ${job.id}`);
  }, 90_000);

  test("passes the server's refusals on, with the field or folder and the reason", async () => {
    const m = model();
    const refusal = async (p: Promise<unknown>) => {
      const error = await p.then(
        () => undefined,
        (e: unknown) => e
      );
      expect(error).toBeInstanceOf(FileAccessError);
      return (error as { cause: HttpCause }).cause;
    };
    expect(await refusal(m.start({ provider: 'podaac', collection: 'C', cycles: 'x', out: 'o' }))).toMatchObject({ status: 400, refusal: { path: 'cycles' } });
    const outside = await refusal(m.start({ provider: 'aviso', collection: '/swot_products/x', out: join(base, 'outside') }));
    expect(outside.status).toBe(403);
    expect(outside.refusal?.path).toBe(join(base, 'outside'));
    expect(outside.refusal?.reason).toMatch(/outside/);
    expect(await refusal(m.start({ provider: 'cnes-hpc' as 'aviso', collection: 'C', out: 'o' }))).toMatchObject({ status: 400, refusal: { path: 'provider' } });
    await m.refresh();
    expect(m.jobs).toEqual([]);
  }, 30_000);

  test('says why when the server cannot be reached', async () => {
    const port = await freePort();
    const m = new DownloadsModel({ settings: ServerConnection.makeSettings({ baseUrl: `http://127.0.0.1:${port}/`, token: TOKEN }) });
    models.push(m);
    await m.ready;
    expect(m.jobs).toEqual([]);
    expect(m.error).toMatch(/\/swot\/downloads: the Jupyter server cannot be reached/);
  });
});
