/**
 * The SFTP source against Debian's OpenSSH server (sshd -D on a loopback port,
 * run as the current user with a generated host key and an authorized key,
 * with internal-sftp) and, for the dropped connection, a TCP
 * proxy in front of it that cuts the first connection after some bytes.
 * Skipped, saying why, where /usr/sbin/sshd is absent (apt-get install openssh-server).
 */
import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as net from 'node:net';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import type { DownloadEvent, Granule } from '../../../core/download/types';
import { Secrets } from '../credentials';
import { downloadGranules } from '../queue';
import { SftpSource, sftpSourceFromEnv } from '../sftp-source';
import { collect, fixture, Fixture, listFiles } from './helpers';
import { freePort } from '../../../testing/ports';

const SSHD = '/usr/sbin/sshd';
const HAVE_SSHD = existsSync(SSHD) && existsSync('/usr/bin/ssh-keygen');
if (!HAVE_SSHD) {
  // eslint-disable-next-line no-console
  console.warn(`SFTP tests skipped: ${SSHD} is absent (Debian: apt-get install openssh-server)`);
}
const describeSftp = HAVE_SSHD ? describe : describe.skip;

async function waitForPort(port: number, ms = 10_000): Promise<void> {
  const until = Date.now() + ms;
  for (;;) {
    const ok = await new Promise<boolean>(resolve => {
      const socket = net.connect(port, '127.0.0.1', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (ok) return;
    if (Date.now() > until) throw new Error(`sshd did not listen on ${port}`);
    await new Promise(r => setTimeout(r, 50));
  }
}

/** A TCP proxy that cuts its first connection after `dropAfter` bytes from the server. */
async function dropProxy(target: number, dropAfter: number): Promise<{ port: number; connections: () => number; close: () => Promise<void> }> {
  let count = 0;
  const sockets = new Set<net.Socket>();
  const server = net.createServer(client => {
    const nth = ++count;
    const upstream = net.connect(target, '127.0.0.1');
    sockets.add(client).add(upstream);
    let fromServer = 0;
    client.on('data', d => upstream.write(d));
    upstream.on('data', d => {
      fromServer += d.length;
      client.write(d);
      if (nth === 1 && fromServer > dropAfter) {
        client.destroy();
        upstream.destroy();
      }
    });
    const end = (): void => {
      client.destroy();
      upstream.destroy();
    };
    client.on('error', end).on('close', end);
    upstream.on('error', end).on('close', end);
  });
  await new Promise<void>(r => server.listen(0, '127.0.0.1', () => r()));
  return {
    port: (server.address() as net.AddressInfo).port,
    connections: () => count,
    close: () => {
      for (const s of sockets) s.destroy();
      return new Promise(r => server.close(() => r()));
    }
  };
}

describeSftp('SFTP source against OpenSSH sshd', () => {
  let fx: Fixture;
  let sshd: ChildProcess;
  let port: number;
  let log: string;
  let key: string;
  let strangerKey: string;
  const sources: SftpSource[] = [];

  beforeAll(async () => {
    fx = fixture({ 'SWOT_A.nc': 400_000, 'SWOT_B.nc': 90_000 });
    const d = fx.dir;
    key = join(d, 'user_key');
    strangerKey = join(d, 'stranger_key');
    for (const k of [join(d, 'host_key'), key, strangerKey]) execFileSync('/usr/bin/ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', k]);
    writeFileSync(join(d, 'authorized_keys'), readFileSync(`${key}.pub`));
    log = join(d, 'sshd.log');
    port = await freePort();
    writeFileSync(
      join(d, 'sshd_config'),
      [
        `ListenAddress 127.0.0.1`,
        `HostKey ${join(d, 'host_key')}`,
        `PidFile ${join(d, 'sshd.pid')}`,
        `AuthorizedKeysFile ${join(d, 'authorized_keys')}`,
        'PubkeyAuthentication yes',
        'PasswordAuthentication no',
        'KbdInteractiveAuthentication no',
        'PermitRootLogin prohibit-password',
        'UsePAM no',
        'StrictModes no',
        'Subsystem sftp internal-sftp',
        'LogLevel INFO'
      ].join('\n') + '\n'
    );
    // As root, sshd wants its privilege-separation folder (the Debian package makes it at boot).
    if (process.getuid?.() === 0 && !existsSync('/run/sshd')) mkdirSync('/run/sshd', { mode: 0o755 });
    sshd = spawn(SSHD, ['-D', '-e', '-f', join(d, 'sshd_config'), '-p', String(port), '-E', log], { stdio: 'ignore' });
    await waitForPort(port);
  });

  afterAll(async () => {
    await Promise.all(sources.map(s => s.close()));
    if (sshd?.pid) process.kill(sshd.pid, 'SIGTERM');
    fx?.cleanup();
  });

  const env = (extra: Record<string, string> = {}): Record<string, string> => ({
    SWOT_AVISO_SFTP: `127.0.0.1:${port}`,
    SWOT_AVISO_SFTP_KEY: key,
    NETRC: join(fx.dir, 'no-netrc'),
    ...extra
  });
  const source = (e: Record<string, string>, secrets = new Secrets()): SftpSource => {
    const s = sftpSourceFromEnv({ env: e, secrets, stallTimeoutMs: 5000 });
    sources.push(s);
    return s;
  };
  const granuleOf = (name: string, extra: Partial<Granule> = {}): Granule => ({
    provider: 'aviso',
    collection: '/swot_products/l3_karin_nadir/l3_lr_ssh/v2_0_1/Expert',
    name,
    url: `https://tds.example/fileServer/${name}`,
    path: join(fx.remote, name),
    dir: 'cycle_026',
    size: fx.files[name].length,
    ...extra
  });

  test('key auth: two files in parallel, sizes verified, then a second run skips them without a read', async () => {
    const out = join(fx.dir, 'out1');
    const s = source(env());
    const { events, onEvent } = collect();
    const report = await downloadGranules([granuleOf('SWOT_A.nc'), granuleOf('SWOT_B.nc')], s, out, { onEvent });
    expect(report).toMatchObject({ done: 2, failed: 0, bytes: 490_000 });
    for (const n of ['SWOT_A.nc', 'SWOT_B.nc']) expect(readFileSync(join(out, 'cycle_026', n)).equals(fx.files[n])).toBe(true);
    expect(events.filter(e => e.event === 'done').every(e => (e as { verified: string }).verified === 'size')).toBe(true);
    // The second run through a source whose server is gone: skipping must not need it.
    const dead = source(env({ SWOT_AVISO_SFTP: `127.0.0.1:${await freePort()}` }));
    expect(await downloadGranules([granuleOf('SWOT_A.nc'), granuleOf('SWOT_B.nc')], dead, out)).toMatchObject({ skipped: 2, failed: 0, bytes: 0 });
  });

  test('without a known size the file is stat-ed; a .part resumes from its length (the server reads only the rest)', async () => {
    const out = join(fx.dir, 'out2');
    mkdirSync(join(out, 'cycle_026'), { recursive: true });
    writeFileSync(join(out, 'cycle_026', 'SWOT_B.nc.part'), fx.files['SWOT_B.nc'].subarray(0, 30_000));
    const { events, onEvent } = collect();
    const report = await downloadGranules([granuleOf('SWOT_B.nc', { size: undefined })], source(env()), out, { onEvent });
    expect(report).toMatchObject({ done: 1, bytes: 60_000 });
    expect(events.find(e => e.event === 'start')).toMatchObject({ resumeFrom: 30_000, size: 90_000 });
    // Exactly the rest came over the wire, and prefix + rest is the file.
    expect(readFileSync(join(out, 'cycle_026', 'SWOT_B.nc')).equals(fx.files['SWOT_B.nc'])).toBe(true);
  });

  test('a connection dropped midway: reconnect, resume, verified', async () => {
    const proxy = await dropProxy(port, 150_000);
    try {
      const out = join(fx.dir, 'out3');
      const { events, onEvent } = collect();
      const report = await downloadGranules([granuleOf('SWOT_A.nc')], source(env({ SWOT_AVISO_SFTP: `127.0.0.1:${proxy.port}` })), out, {
        onEvent,
        backoffMs: 10
      });
      expect(report).toMatchObject({ done: 1, failed: 0 });
      expect(events.filter(e => e.event === 'retry').length).toBeGreaterThanOrEqual(1);
      expect(proxy.connections()).toBeGreaterThanOrEqual(2);
      expect(readFileSync(join(out, 'cycle_026', 'SWOT_A.nc')).equals(fx.files['SWOT_A.nc'])).toBe(true);
    } finally {
      await proxy.close();
    }
  });

  test('a wrong password: one AUTH message naming AVISO and AVISO_USERNAME/AVISO_PASSWORD, no password anywhere', async () => {
    const secret = 'sftp-SECRET-pw';
    const { events, onEvent } = collect();
    const e = env({ AVISO_USERNAME: userInfo().username, AVISO_PASSWORD: secret });
    delete (e as Record<string, string | undefined>).SWOT_AVISO_SFTP_KEY;
    const report = await downloadGranules([granuleOf('SWOT_A.nc'), granuleOf('SWOT_B.nc')], source(e), join(fx.dir, 'out4'), { onEvent });
    expect(report.errors).toEqual([{ name: expect.any(String), code: 'AUTH', message: `AVISO refused the credentials from AVISO_USERNAME/AVISO_PASSWORD (SFTP 127.0.0.1:${port})` }]);
    expect(JSON.stringify(events) + JSON.stringify(report)).not.toContain(secret);
    expect(listFiles(join(fx.dir, 'out4', 'cycle_026'))).toEqual([]);
  });

  test('an unknown key: AUTH naming the key file', async () => {
    const report = await downloadGranules([granuleOf('SWOT_B.nc')], source(env({ SWOT_AVISO_SFTP_KEY: strangerKey })), join(fx.dir, 'out5'));
    expect(report.errors[0]).toMatchObject({ code: 'AUTH', message: expect.stringContaining(`SWOT_AVISO_SFTP_KEY (${strangerKey})`) });
  });

  test('a missing remote file is NOT_FOUND, not retried', async () => {
    const { events, onEvent } = collect();
    const g = { ...granuleOf('SWOT_B.nc'), name: 'nope.nc', path: join(fx.remote, 'nope.nc') };
    const report = await downloadGranules([g], source(env()), join(fx.dir, 'out6'), { onEvent });
    expect(report.errors[0]).toMatchObject({ code: 'NOT_FOUND' });
    expect(events.filter((e: DownloadEvent) => e.event === 'retry')).toEqual([]);
  });
});
