/**
 * N transfers at a time (default 4) over a list of granules: a 'plan' event,
 * each file's events (start/progress/retry/done/error, messages scrubbed of
 * secrets), an 'end' event, and a report. Cancelling through the signal stops
 * the transfers where they are (their .part files stay, the next run resumes).
 * A refused login stops the queue after the first message: every other file
 * would fail the same way.
 */
import { stat } from 'node:fs/promises';
import type { DownloadEvent, Granule } from '../../core/download/types';
import { Secrets, secrets as processSecrets } from './credentials';
import { fetchToFile, FetchOptions, finalPath } from './fetch-file';
import { errorCode, TransferSource } from './source';

export interface QueueOptions extends Omit<FetchOptions, 'onEvent'> {
  /** Parallel transfers (default 4). */
  jobs?: number;
  onEvent?: (event: DownloadEvent) => void;
}

export interface DownloadReport {
  files: number;
  /** Downloaded and verified by this run. */
  done: number;
  /** Already complete and verified. */
  skipped: number;
  failed: number;
  /** Bytes transferred by this run for the files it completed (a failed or cancelled file's partial bytes are not counted). */
  bytes: number;
  seconds: number;
  /** True when the signal stopped the run. */
  cancelled: boolean;
  /** One per failed file (one only for a refused login), messages without secrets. */
  errors: { name: string; code: string; message: string }[];
  /** Final paths of the done and skipped files, in the granules' order. */
  paths: string[];
}

async function completeOnDisk(granule: Granule, outDir: string): Promise<boolean> {
  if (granule.size === undefined) return false;
  try {
    return (await stat(finalPath(granule, outDir))).size === granule.size;
  } catch {
    return false;
  }
}

/**
 * Download granules into outDir. `source` is one transport for all, or a
 * function choosing one per granule; the caller closes them.
 */
export async function downloadGranules(
  granules: Granule[],
  source: TransferSource | ((granule: Granule) => TransferSource),
  outDir: string,
  options: QueueOptions = {}
): Promise<DownloadReport> {
  const began = Date.now();
  const registry: Secrets = options.secrets ?? processSecrets;
  const emit = (event: DownloadEvent): void => {
    if (!options.onEvent) return;
    if (event.event === 'error') event = { ...event, message: registry.redact(event.message) };
    else if (event.event === 'retry') event = { ...event, reason: registry.redact(event.reason) };
    options.onEvent(event);
  };
  const pick = typeof source === 'function' ? source : () => source;

  // The plan: sizes known up front (exact, else approximate), and what is already there by size.
  let planned = 0;
  let presumedSkipped = 0;
  let unknownSize = 0;
  for (const g of granules) {
    const size = g.size ?? g.approxSize;
    if (size === undefined) unknownSize++;
    if (await completeOnDisk(g, outDir).catch(() => false)) presumedSkipped++;
    else planned += size ?? 0;
  }
  emit({ event: 'plan', files: granules.length, bytes: planned, skipped: presumedSkipped, unknownSize });

  const report: DownloadReport = { files: granules.length, done: 0, skipped: 0, failed: 0, bytes: 0, seconds: 0, cancelled: false, errors: [], paths: [] };
  const paths: (string | undefined)[] = new Array(granules.length);
  let next = 0;
  let authFailed = false;
  const signal = options.signal;

  const worker = async (): Promise<void> => {
    while (next < granules.length && !authFailed && !signal?.aborted) {
      const index = next++;
      const granule = granules[index];
      try {
        const result = await fetchToFile(pick(granule), granule, outDir, { ...options, secrets: registry, onEvent: emit });
        paths[index] = result.path;
        report.bytes += result.bytes;
        if (result.skipped) report.skipped++;
        else report.done++;
      } catch (error) {
        const code = errorCode(error);
        if (code === 'ABORTED' && signal?.aborted) continue;
        report.failed++;
        if (code === 'AUTH') {
          if (authFailed) continue;
          authFailed = true;
        }
        const message = registry.redact(error instanceof Error ? error.message : String(error));
        report.errors.push({ name: granule.name, code, message });
        emit({ event: 'error', name: granule.name, message, code });
      }
    }
  };
  const jobs = Math.max(1, Math.min(options.jobs ?? 4, granules.length || 1));
  await Promise.all(Array.from({ length: jobs }, worker));

  if (authFailed) {
    // The files never tried after the refused login count as failed (one message says why).
    report.failed = report.files - report.done - report.skipped;
  }
  report.cancelled = signal?.aborted === true;
  report.paths = paths.filter((p): p is string => p !== undefined);
  report.seconds = (Date.now() - began) / 1000;
  emit({ event: 'end', files: report.files, done: report.done, skipped: report.skipped, failed: report.failed, bytes: report.bytes, seconds: report.seconds });
  return report;
}
