/**
 * One granule to one file, never a partial file under the final name: bytes go
 * to NAME.part (resumed from its length), are hashed while written, verified
 * (checksum when the provider gives one, else size), and only then renamed.
 * Transient failures (5xx, 429, dropped or stalled connections) are retried
 * with exponential backoff and jitter, each attempt resuming from the .part.
 */
import { createHash, Hash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { link, mkdir, open, rename, stat, truncate, unlink } from 'node:fs/promises';
import { isAbsolute, join, normalize, sep } from 'node:path';
import type { Checksum, DownloadEvent, Granule } from '../../core/download/types';
import { DownloadError, PROVIDER_LABEL } from '../../core/download/errors';
import { Secrets, secrets as processSecrets } from './credentials';
import { HttpStatusError } from './http-source';
import { aborted, TransferError, TransferSource } from './source';

export type Verified = 'checksum' | 'size' | 'none';

export interface FetchOptions {
  signal?: AbortSignal;
  /** start, progress, retry and done events (errors are thrown, the queue turns them into 'error' events). */
  onEvent?: (event: DownloadEvent) => void;
  /** Attempts per file, the first included (default 5). */
  attempts?: number;
  /** First backoff (default 1000 ms), doubled per attempt, capped at maxBackoffMs (default 30 s), with jitter. */
  backoffMs?: number;
  maxBackoffMs?: number;
  /** Replace an existing final file that fails verification (default false: report EXISTS_MISMATCH). */
  replaceBad?: boolean;
  /** Minimum interval between progress events of a file (default 200 ms: <= 5/s). */
  progressIntervalMs?: number;
  /** Scrubs retry reasons (default the process-wide registry). */
  secrets?: Secrets;
  /** Jitter source in [0, 1) (default Math.random). */
  random?: () => number;
}

export interface FetchResult {
  name: string;
  /** The final path. */
  path: string;
  /** Bytes transferred by this call (0 when skipped). */
  bytes: number;
  /** The file's size on disk. */
  size: number;
  verified: Verified;
  skipped: boolean;
}

const NODE_NAMES: Record<Checksum['algorithm'], string> = { MD5: 'md5', 'SHA-1': 'sha1', 'SHA-256': 'sha256', 'SHA-512': 'sha512' };

/** The final path of a granule under outDir; refuses names that would leave it (the names come from a remote catalog). */
export function finalPath(granule: Granule, outDir: string): string {
  const bad = (s: string): boolean => s === '' || s === '.' || s === '..' || /[/\\\0]/.test(s);
  if (bad(granule.name)) {
    throw new TransferError('FILE', granule.provider, `refusing the file name ${JSON.stringify(granule.name)}`);
  }
  const dir = granule.dir ? normalize(granule.dir) : '';
  if (dir && (isAbsolute(dir) || dir === '..' || dir.startsWith(`..${sep}`) || granule.dir!.includes('\0'))) {
    throw new TransferError('FILE', granule.provider, `refusing the folder ${JSON.stringify(granule.dir)} for ${granule.name}`);
  }
  return join(outDir, dir, granule.name);
}

async function sizeOf(path: string): Promise<number | undefined> {
  try {
    const s = await stat(path);
    return s.isFile() ? s.size : undefined;
  } catch {
    return undefined;
  }
}

/** Bytes gathered per write of a .part file. */
const WRITE_BYTES = 1 << 20;

async function hashFile(path: string, algorithm: Checksum['algorithm'], hash: Hash = createHash(NODE_NAMES[algorithm]), signal?: AbortSignal): Promise<Hash> {
  for await (const chunk of createReadStream(path, { signal })) hash.update(chunk as Buffer);
  return hash;
}

function newHash(checksum: Checksum | undefined): Hash | undefined {
  return checksum ? createHash(NODE_NAMES[checksum.algorithm]) : undefined;
}

/** Whether an error is worth another attempt. */
export function isTransient(error: unknown): boolean {
  if (error instanceof TransferError) return false;
  if (error instanceof DownloadError) {
    if (error.code !== 'HTTP') return false;
    const status = error.status;
    return status === undefined || status >= 500 || status === 429 || status === 408;
  }
  const code = (error as { code?: string })?.code;
  if (code && /^(ECONNRESET|ECONNREFUSED|ECONNABORTED|ETIMEDOUT|EPIPE|EAI_AGAIN|ENETUNREACH|EHOSTUNREACH|ERR_STREAM_PREMATURE_CLOSE|UND_ERR_SOCKET|ESHORT)$/.test(code)) {
    return true;
  }
  const message = error instanceof Error ? error.message : String(error);
  return /aborted|socket hang up|premature close|terminated/i.test(message);
}

function reasonOf(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as { code?: string }).code;
    return code && !error.message.includes(code) ? `${error.message} (${code})` : error.message;
  }
  return String(error);
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** Move part to final without ever replacing a file that appeared meanwhile (unless replace). */
async function publish(part: string, final: string, replace: boolean, granule: Granule): Promise<void> {
  if (replace) return rename(part, final);
  try {
    await link(part, final);
    await unlink(part);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') {
      throw new TransferError('EXISTS_MISMATCH', granule.provider, `${final} appeared while ${granule.name} was downloading; left untouched (the download is in ${part})`);
    }
    // Filesystems without hard links: check, then rename.
    if ((await sizeOf(final)) !== undefined) {
      throw new TransferError('EXISTS_MISMATCH', granule.provider, `${final} appeared while ${granule.name} was downloading; left untouched`);
    }
    await rename(part, final);
  }
}

interface Expectation {
  size?: number;
  checksum?: Checksum;
}

/** Verify a complete file; the reason when it does not verify. */
async function check(path: string, size: number, expect: Expectation, digest: string | undefined): Promise<{ verified: Verified; problem?: string }> {
  if (expect.size !== undefined && size !== expect.size) {
    return { verified: 'size', problem: `${size} bytes, expected ${expect.size}` };
  }
  if (expect.checksum) {
    const value = digest ?? (await hashFile(path, expect.checksum.algorithm)).digest('hex');
    if (value !== expect.checksum.value.toLowerCase()) {
      return { verified: 'checksum', problem: `${expect.checksum.algorithm} ${value}, expected ${expect.checksum.value.toLowerCase()}` };
    }
    return { verified: 'checksum' };
  }
  return { verified: expect.size !== undefined ? 'size' : 'none' };
}

/**
 * Download `granule` to outDir/granule.dir/granule.name.
 * An existing final file that verifies is skipped (a 'done' event with skipped: true);
 * one that does not is left untouched: TransferError EXISTS_MISMATCH (unless replaceBad).
 * @throws DownloadError (AUTH, NOT_FOUND, HTTP, ABORTED) or TransferError (VERIFY, EXISTS_MISMATCH, FILE)
 */
export async function fetchToFile(source: TransferSource, granule: Granule, outDir: string, options: FetchOptions = {}): Promise<FetchResult> {
  const emit = options.onEvent ?? (() => undefined);
  const registry = options.secrets ?? processSecrets;
  const signal = options.signal;
  const label = PROVIDER_LABEL[granule.provider];
  const final = finalPath(granule, outDir);
  const part = `${final}.part`;
  const expect: Expectation = { size: granule.size, checksum: granule.checksum };
  if (signal?.aborted) throw aborted(granule.provider, 'download', signal.reason);

  // 1. An existing final file: skip it when it verifies, never overwrite it otherwise.
  const existing = await sizeOf(final);
  if (existing !== undefined) {
    if (expect.size === undefined && !expect.checksum) {
      expect.size = (await source.stat(granule, signal)).size;
    }
    const { verified, problem } = await check(final, existing, expect, undefined);
    if (!problem) {
      emit({ event: 'done', name: granule.name, path: final, bytes: existing, verified, skipped: true });
      return { name: granule.name, path: final, bytes: 0, size: existing, verified, skipped: true };
    }
    if (!options.replaceBad) {
      throw new TransferError('EXISTS_MISMATCH', granule.provider, `${final} exists but does not verify (${problem}); left untouched (move it away, or replace bad files, to download it again)`);
    }
  }
  await mkdir(join(final, '..'), { recursive: true });

  const attempts = Math.max(1, options.attempts ?? 5);
  const random = options.random ?? Math.random;
  const interval = options.progressIntervalMs ?? 200;
  let validator: string | undefined;
  let transferred = 0;
  let started = false;
  let restartedAfterResume = false;

  for (let attempt = 1; ; attempt++) {
    let offset = (await sizeOf(part)) ?? 0;
    const resumedFromEarlierRun = offset > 0 && !started;
    let written = offset;
    try {
      if (expect.size !== undefined && offset > expect.size) {
        await truncate(part, 0);
        offset = written = 0;
      }
      let hash = newHash(expect.checksum);
      if (!(expect.size !== undefined && offset === expect.size)) {
        const opened = await source.open(granule, { offset, validator, signal });
        if (validator !== undefined && opened.validator !== undefined && opened.validator !== validator && opened.offset > 0) {
          // The file changed on the server between attempts: start over.
          opened.body.destroy();
          await truncate(part, 0);
          validator = undefined;
          throw Object.assign(new Error('the file changed on the server'), { code: 'ECONNRESET' });
        }
        if (expect.size !== undefined && opened.size !== undefined && opened.size !== expect.size) {
          opened.body.destroy();
          await unlink(part).catch(() => undefined);
          throw new TransferError('VERIFY', granule.provider, `${label}: ${granule.name} is ${opened.size} bytes on the server, expected ${expect.size}; nothing saved under ${final}`);
        }
        validator = opened.validator ?? validator;
        if (expect.size === undefined && opened.size !== undefined) expect.size = opened.size;
        if (!started) {
          emit({ event: 'start', name: granule.name, size: expect.size, resumeFrom: opened.offset });
          started = true;
        }
        // The server sent the whole file (ignored Range, or If-Range saw a change): restart the .part.
        const fresh = opened.offset === 0;
        if (fresh) written = 0;
        if (hash && !fresh) hash = await hashFile(part, expect.checksum!.algorithm, hash, signal);
        const handle = await open(part, fresh ? 'w' : 'a');
        let last = 0;
        // Socket chunks (16-64 kB) are gathered into writes of WRITE_BYTES: one awaited write per
        // chunk held each transfer on the disk's round trip (bench: 4 jobs were 1.13x 1 job).
        let pending: Buffer[] = [];
        let pendingBytes = 0;
        const flush = async (): Promise<void> => {
          if (pendingBytes === 0) return;
          const buffers = pending;
          const bytes = pendingBytes;
          pending = [];
          pendingBytes = 0;
          // writev: one system call for the gathered chunks, without copying them into one buffer
          let done = (await handle.writev(buffers)).bytesWritten;
          while (done < bytes) {
            // a short write (rare: full disk, signals): write what is left, in order
            const rest = Buffer.concat(buffers).subarray(done);
            done += (await handle.write(rest)).bytesWritten;
          }
          written += bytes;
        };
        try {
          for await (const chunk of opened.body) {
            const buffer = chunk as Buffer;
            hash?.update(buffer);
            pending.push(buffer);
            pendingBytes += buffer.length;
            transferred += buffer.length;
            if (pendingBytes >= WRITE_BYTES) await flush();
            const now = Date.now();
            if (now - last >= interval) {
              last = now;
              emit({ event: 'progress', name: granule.name, bytes: written + pendingBytes, size: expect.size });
            }
            if (expect.size !== undefined && written + pendingBytes > expect.size) break;
          }
          await flush();
          await handle.sync();
        } finally {
          // A dropped connection keeps what arrived: the next attempt resumes after it.
          await flush().catch(() => undefined);
          await handle.close();
        }
        if (signal?.aborted) throw aborted(granule.provider, 'download', signal.reason);
        emit({ event: 'progress', name: granule.name, bytes: written, size: expect.size });
        if (expect.size !== undefined && written < expect.size) {
          throw Object.assign(new Error(`connection closed after ${written} of ${expect.size} bytes`), { code: 'ESHORT' });
        }
      } else if (!started) {
        emit({ event: 'start', name: granule.name, size: expect.size, resumeFrom: offset });
        started = true;
        if (hash) hash = await hashFile(part, expect.checksum!.algorithm, hash, signal);
      } else if (hash) {
        hash = await hashFile(part, expect.checksum!.algorithm, hash, signal);
      }

      const { verified, problem } = await check(part, written, expect, hash?.digest('hex'));
      if (problem) {
        if (resumedFromEarlierRun && !restartedAfterResume && attempt < attempts) {
          // The prefix came from an earlier run and may be of an older version: one fresh try.
          restartedAfterResume = true;
          await unlink(part).catch(() => undefined);
          emit({ event: 'retry', name: granule.name, attempt: attempt + 1, reason: `resumed file does not verify (${problem}); starting over`, waitMs: 0 });
          continue;
        }
        await unlink(part).catch(() => undefined);
        throw new TransferError('VERIFY', granule.provider, `${label}: ${granule.name} does not verify (${problem}); deleted, nothing saved under ${final}`);
      }
      await publish(part, final, options.replaceBad === true && existing !== undefined, granule);
      emit({ event: 'done', name: granule.name, path: final, bytes: written, verified, skipped: false });
      return { name: granule.name, path: final, bytes: transferred, size: written, verified, skipped: false };
    } catch (error) {
      if (signal?.aborted) throw aborted(granule.provider, 'download', signal.reason);
      if (!isTransient(error) || attempt >= attempts) {
        if (isTransient(error)) {
          throw new DownloadError('HTTP', granule.provider, registry.redact(`${label}: ${granule.name} failed after ${attempt} attempts: ${reasonOf(error)}`), {
            status: (error as { status?: number }).status,
            cause: error
          });
        }
        throw error;
      }
      const base = Math.min(options.maxBackoffMs ?? 30_000, (options.backoffMs ?? 1000) * 2 ** (attempt - 1));
      const hinted = error instanceof HttpStatusError ? error.retryAfterMs : undefined;
      const waitMs = Math.round(hinted !== undefined ? Math.min(hinted, options.maxBackoffMs ?? 30_000) : base / 2 + (random() * base) / 2);
      emit({ event: 'retry', name: granule.name, attempt: attempt + 1, reason: registry.redact(reasonOf(error)), waitMs });
      await sleep(waitMs, signal).catch(() => undefined);
      if (signal?.aborted) throw aborted(granule.provider, 'download', signal.reason);
    }
  }
}
