/**
 * AVISO's SFTP service (ftp-access.aviso.altimetry.fr:2221) as a transfer
 * source, through the ssh2 library: one SSH connection shared by the parallel
 * transfers (reopened after a drop, so retries work), stat for the size,
 * createReadStream({ start }) to resume from the .part length. Password auth
 * from the AVISO credentials, or a private key ($SWOT_AVISO_SFTP_KEY).
 *
 * ssh2 accepts any host key unless told otherwise: pass `hostVerifier` (or
 * $SWOT_AVISO_SFTP_HOSTKEY, the server key's SHA-256 fingerprint as ssh-keygen
 * -l prints it, without "SHA256:") to pin it.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { Readable, Transform } from 'node:stream';
import { Client, SFTPWrapper } from 'ssh2';
import type { Granule } from '../../core/download/types';
import { DownloadError } from '../../core/download/errors';
import { credentialsFor, DEFAULT_SFTP, missingCredentialsHint, Secrets, secrets as processSecrets } from './credentials';
import { aborted, OpenedBody, OpenRequest, RemoteInfo, TransferSource } from './source';

export interface SftpSourceOptions {
  host: string;
  port: number;
  username: string;
  password?: string;
  /** A private key (PEM/OpenSSH text). */
  privateKey?: string | Buffer;
  passphrase?: string;
  /** Where the credentials came from, safe to print (e.g. 'AVISO_USERNAME/AVISO_PASSWORD'). */
  credentialsSource: string;
  /** Fail a transfer that delivers no byte for this long (default 60 s). */
  stallTimeoutMs?: number;
  /** SSH handshake limit (default 20 s). */
  readyTimeoutMs?: number;
  /** Accept or refuse the server's host key (raw key bytes). Default: accept any. */
  hostVerifier?: (key: Buffer) => boolean;
}

export interface SftpEnvOptions {
  env?: Record<string, string | undefined>;
  netrc?: string;
  secrets?: Secrets;
  stallTimeoutMs?: number;
}

/** "host:port" (or sftp://host:port) -> parts; port 2221 by default (AVISO's). */
export function parseSftpAddress(value: string): { host: string; port: number } {
  const bare = value.replace(/^sftp:\/\//i, '').replace(/\/.*$/, '');
  const m = /^\[?([^\]]+?)\]?(?::(\d+))?$/.exec(bare);
  if (!m) throw new DownloadError('NOT_FOUND', 'aviso', `bad SWOT_AVISO_SFTP address ${JSON.stringify(value)} (host:port)`);
  return { host: m[1], port: m[2] ? Number(m[2]) : 2221 };
}

/**
 * The SFTP source from the environment: SWOT_AVISO_SFTP (host:port, default
 * ftp-access.aviso.altimetry.fr:2221), SWOT_AVISO_SFTP_KEY (a private key
 * file), SWOT_AVISO_SFTP_HOSTKEY (SHA-256 fingerprint), and the AVISO
 * credentials (AVISO_USERNAME/AVISO_PASSWORD, else the .netrc machine of the
 * SFTP host). With a key and no credentials the user name is AVISO_USERNAME,
 * else the local user's.
 */
export function sftpSourceFromEnv(options: SftpEnvOptions = {}): SftpSource {
  const env = options.env ?? process.env;
  const registry = options.secrets ?? processSecrets;
  const { host, port } = parseSftpAddress(env.SWOT_AVISO_SFTP || DEFAULT_SFTP);
  const hostPort = `${host}:${port}`;
  const keyPath = env.SWOT_AVISO_SFTP_KEY;
  const credentials = credentialsFor('aviso', hostPort, { env, netrc: options.netrc, secrets: registry });
  const basic = credentials?.kind === 'basic' ? credentials : undefined;
  const pin = env.SWOT_AVISO_SFTP_HOSTKEY?.replace(/^SHA256:/, '').replace(/=+$/, '');
  return new SftpSource({
    host,
    port,
    username: basic?.username ?? env.AVISO_USERNAME ?? userInfo().username,
    password: keyPath ? undefined : basic?.password,
    privateKey: keyPath ? readFileSync(keyPath) : undefined,
    credentialsSource: keyPath ? `SWOT_AVISO_SFTP_KEY (${keyPath})` : basic?.source ?? 'none',
    stallTimeoutMs: options.stallTimeoutMs,
    hostVerifier: pin ? key => createHash('sha256').update(key).digest('base64').replace(/=+$/, '') === pin : undefined
  });
}

/** SFTP status codes (draft-ietf-secsh-filexfer): 2 no such file, 3 permission denied. */
function sftpError(error: unknown, granule: Granule, host: string): DownloadError {
  const code = (error as { code?: number | string }).code;
  const reason = error instanceof Error ? error.message : String(error);
  if (code === 2) return new DownloadError('NOT_FOUND', 'aviso', `AVISO SFTP: no file ${granule.path} on ${host}`);
  if (code === 3) return new DownloadError('AUTH', 'aviso', `AVISO SFTP: permission denied for ${granule.path} on ${host}`);
  // Anything else is the connection: worth a retry (code HTTP, status unset, as for a dropped HTTP connection).
  return new DownloadError('HTTP', 'aviso', `AVISO SFTP ${host}: ${reason}`, { cause: error });
}

export class SftpSource implements TransferSource {
  readonly provider = 'aviso' as const;
  private readonly options: SftpSourceOptions;
  private session?: Promise<{ client: Client; sftp: SFTPWrapper }>;

  constructor(options: SftpSourceOptions) {
    this.options = options;
  }

  private get address(): string {
    return `${this.options.host}:${this.options.port}`;
  }

  private connect(): Promise<{ client: Client; sftp: SFTPWrapper }> {
    if (this.session) return this.session;
    const o = this.options;
    if (!o.password && !o.privateKey) {
      return Promise.reject(new DownloadError('AUTH', 'aviso', `AVISO SFTP ${this.address} requires a login: ${missingCredentialsHint('aviso', o.host)}, or set SWOT_AVISO_SFTP_KEY`));
    }
    const session = new Promise<{ client: Client; sftp: SFTPWrapper }>((resolve, reject) => {
      const client = new Client();
      let ready = false;
      client.on('ready', () => {
        ready = true;
        client.sftp((error, sftp) => (error ? reject(sftpError(error, { path: '' } as Granule, this.address)) : resolve({ client, sftp })));
      });
      client.on('error', (error: Error & { level?: string }) => {
        if (this.session === session) this.session = undefined;
        if (ready) return;
        if (error.level === 'client-authentication') {
          reject(new DownloadError('AUTH', 'aviso', `AVISO refused the credentials from ${o.credentialsSource} (SFTP ${this.address})`));
        } else {
          reject(new DownloadError('HTTP', 'aviso', `AVISO SFTP ${this.address}: ${error.message}`, { cause: error }));
        }
      });
      client.on('close', () => {
        if (this.session === session) this.session = undefined;
        if (!ready) reject(new DownloadError('HTTP', 'aviso', `AVISO SFTP ${this.address}: connection closed during login`));
      });
      client.connect({
        host: o.host,
        port: o.port,
        username: o.username,
        password: o.password,
        privateKey: o.privateKey,
        passphrase: o.passphrase,
        readyTimeout: o.readyTimeoutMs ?? 20_000,
        keepaliveInterval: 15_000,
        hostVerifier: o.hostVerifier
      });
    });
    this.session = session;
    session.catch(() => {
      if (this.session === session) this.session = undefined;
    });
    return session;
  }

  private pathOf(granule: Granule): string {
    if (!granule.path) throw new DownloadError('NOT_FOUND', 'aviso', `AVISO SFTP: ${granule.name} has no path in the AVISO tree`);
    return granule.path;
  }

  async stat(granule: Granule, signal?: AbortSignal): Promise<RemoteInfo> {
    if (signal?.aborted) throw aborted('aviso', 'download', signal.reason);
    const path = this.pathOf(granule);
    const { sftp } = await this.connect();
    return new Promise((resolve, reject) =>
      sftp.stat(path, (error, stats) => (error ? reject(sftpError(error, granule, this.address)) : resolve({ size: stats.size, validator: `${stats.size}-${stats.mtime}` })))
    );
  }

  async open(granule: Granule, request: OpenRequest): Promise<OpenedBody> {
    const info = await this.stat(granule, request.signal);
    const { sftp } = await this.connect();
    // SFTP has no If-Range: a changed file (other size or mtime) is read from 0.
    const changed = request.validator !== undefined && request.validator !== info.validator;
    const offset = changed || request.offset > (info.size ?? 0) ? 0 : request.offset;
    const raw = sftp.createReadStream(this.pathOf(granule), { start: offset });
    return { offset, ...info, body: this.watch(raw, granule, request.signal) };
  }

  /** Errors as DownloadErrors, a stall watchdog, and the signal closing the read. */
  private watch(raw: Readable, granule: Granule, signal?: AbortSignal): Readable {
    const ms = this.options.stallTimeoutMs ?? 60_000;
    const timer = setTimeout(() => out.destroy(new DownloadError('HTTP', 'aviso', `AVISO SFTP ${this.address}: no data for ${Math.round(ms / 1000)} s`)), ms);
    const out = new Transform({
      transform(chunk, _encoding, callback) {
        timer.refresh();
        callback(null, chunk);
      }
    });
    const onAbort = (): void => void out.destroy(aborted('aviso', 'download', signal?.reason));
    signal?.addEventListener('abort', onAbort, { once: true });
    const done = (): void => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    };
    // Not stream.pipeline: it would hand ssh2's bare errors ("No response from server") to the
    // consumer; wrapped, they read as a dropped connection and are retried.
    raw.on('error', error => out.destroy(error instanceof DownloadError ? error : sftpError(error, granule, this.address)));
    out.on('close', () => {
      done();
      raw.destroy();
    });
    raw.pipe(out);
    return out;
  }

  async close(): Promise<void> {
    const session = this.session;
    this.session = undefined;
    if (!session) return;
    try {
      (await session).client.end();
    } catch {
      /* never connected */
    }
  }
}
