/**
 * `download()` in the kernel library and `swot download`: search (remote-search.ts), then the
 * transfer queue (src/kernel/download): N files at a time, NAME.part then a verified rename,
 * resume, retries. HTTPS for PO.DAAC and AVISO's THREDDS fileServer; SFTP for AVISO with
 * `transport: 'sftp'` (SWOT_AVISO_SFTP host:port). A dry run lists what would be fetched.
 *
 * @example
 * const report = await swot.download({ provider: 'podaac', collection: 'SWOT_L2_LR_SSH_BASIC_2.0', cycles: [26], passes: [165], out: 'data' });
 */
import { constants, existsSync } from 'node:fs';
import { access, mkdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { DownloadEvent, Granule } from '../core/download';
import { FileAccessError, UsageError } from '../core';
import { notebookProgress } from './download/progress-bar';
import { downloadGranules, DownloadReport } from './download/queue';
import { HttpSource } from './download/http-source';
import { sftpSourceFromEnv } from './download/sftp-source';
import type { TransferSource } from './download/source';
import { search, SearchOptions } from './remote-search';

export interface DownloadOptions extends SearchOptions {
  /** Folder to write into (created when missing); files go to OUT/<cycle folder>/NAME for AVISO. */
  out: string;
  /** List what would be fetched (granules, total size), fetch nothing. */
  dryRun?: boolean;
  /** Parallel transfers (default 4). */
  jobs?: number;
  /** 'https' (default) or 'sftp' (AVISO only). */
  transport?: 'https' | 'sftp';
  /** The byte bar on stdout, one line in a notebook (default true; false when onEvent is given). */
  progress?: boolean;
  onEvent?: (event: DownloadEvent) => void;
  signal?: AbortSignal;
}

export interface DryRun {
  dryRun: true;
  granules: Granule[];
  files: number;
  /** Exact where the provider gives sizes, else approximate (THREDDS dataSize). */
  bytes: number;
  unknownSize: number;
}

function sourceFor(options: DownloadOptions): TransferSource {
  if (options.transport === 'sftp') {
    if (options.provider !== 'aviso') throw new UsageError(`transport "sftp" is AVISO's (provider is ${options.provider})`);
    return sftpSourceFromEnv();
  }
  if (options.transport !== undefined && options.transport !== 'https') {
    throw new UsageError(`transport takes "https" or "sftp", got ${JSON.stringify(options.transport)}`);
  }
  return new HttpSource({ provider: options.provider });
}

/**
 * The folder the files go to, created and checked before anything is searched or fetched:
 * a read-only archive is one clear error, not one error per file.
 *
 * @throws FileAccessError naming the folder that refuses and why
 */
async function writableFolder(out: string): Promise<string> {
  const full = resolve(out);
  try {
    await mkdir(full, { recursive: true });
    await access(full, constants.W_OK);
    return full;
  } catch (error) {
    // A recursive mkdir says ENOENT on a read-only file system: ask the nearest folder that exists.
    let parent = full;
    while (!existsSync(parent) && dirname(parent) !== parent) parent = dirname(parent);
    const code = await access(parent, constants.W_OK).then(
      () => (error as NodeJS.ErrnoException).code ?? String(error),
      (e: NodeJS.ErrnoException) => e.code ?? String(e)
    );
    const why = code === 'EROFS' ? 'a read-only file system' : code === 'EACCES' ? 'permission denied' : code === 'ENOTDIR' ? 'a file is in the way' : code;
    throw new FileAccessError(out, `cannot write the downloads there: ${parent} refuses (${why}); choose a folder in your home`, error);
  }
}

/** Search then fetch (or, with dryRun, say what would be fetched): the report, or the plan of a dry run. */
export function download(options: DownloadOptions & { dryRun: true }): Promise<DryRun>;
export function download(options: DownloadOptions & { dryRun?: false }): Promise<DownloadReport>;
export function download(options: DownloadOptions): Promise<DownloadReport | DryRun>;
export async function download(options: DownloadOptions): Promise<DownloadReport | DryRun> {
  const { out, dryRun, jobs, transport: _t, progress, onEvent: given, signal, ...query } = options;
  const onEvent = given ?? (progress !== false && !dryRun ? notebookProgress() : undefined);
  if (!out) throw new UsageError('download() needs out: the folder to write into');
  const folder = dryRun ? undefined : await writableFolder(out);
  const source = dryRun ? undefined : sourceFor(options);
  const granules = await search(query, signal);
  if (dryRun) {
    const sizes = granules.map(g => g.size ?? g.approxSize);
    const plan: DryRun = { dryRun: true, granules, files: granules.length, bytes: sizes.reduce<number>((t, s) => t + (s ?? 0), 0), unknownSize: sizes.filter(s => s === undefined).length };
    const planned = granules.map((g, i) => ({ name: g.name, size: sizes[i] ?? null }));
    onEvent?.({ event: 'plan', files: plan.files, bytes: plan.bytes, skipped: 0, unknownSize: plan.unknownSize, planned });
    onEvent?.({ event: 'end', files: plan.files, done: 0, skipped: 0, failed: 0, bytes: 0, seconds: 0 });
    return plan;
  }
  try {
    return await downloadGranules(granules, source!, folder!, { jobs, onEvent, signal });
  } finally {
    await source!.close?.();
  }
}
