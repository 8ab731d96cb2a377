/**
 * What the Downloads section says about a job, as text: its label, sizes,
 * speed, counts, progress; and how often the model asks the server again.
 * Pure (no DOM), so the words are tested once.
 */
import { formatSize } from '../../core/download/format';
import type { NumberFilter } from '../../core/select/query';
import type { DownloadJob, DownloadState } from '../server-api';

/** Poll delays (ms): while a job moves, and while the section is only watched. */
export const ACTIVE_POLL_MS = 1000;
export const IDLE_POLL_MS = 10000;

/** Bytes per second as MB/s (what the CLI prints): "3.2 MB/s", "0.0 MB/s". */
export function formatSpeed(bytesPerSecond: number): string {
  const mb = Math.max(0, bytesPerSecond) / 1e6;
  return `${mb >= 100 ? mb.toFixed(0) : mb.toFixed(1)} MB/s`;
}

/** Sorted whole numbers as compact ranges: [1, 2, 3, 5] -> "1-3,5". */
export function compactNumbers(numbers: readonly number[]): string {
  const sorted = [...new Set(numbers)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) {
      j++;
    }
    parts.push(j === i ? String(sorted[i]) : j === i + 1 ? `${sorted[i]},${sorted[j]}` : `${sorted[i]}-${sorted[j]}`);
    i = j + 1;
  }
  return parts.join(',');
}

/** A cycle or pass filter in any form the commands take (a number, a list, a range, a text) as text. */
export function numberFilterText(filter: NumberFilter | string | null | undefined): string {
  if (filter === null || filter === undefined) {
    return '';
  }
  if (typeof filter === 'string') {
    return filter.trim();
  }
  if (typeof filter === 'number') {
    return String(filter);
  }
  if (Array.isArray(filter)) {
    return compactNumbers(filter);
  }
  return filter.from === filter.to ? String(filter.from) : `${filter.from}-${filter.to}`;
}

/** "podaac: SWOT_L2_LR_SSH_BASIC_2.0, cycles 8-9, passes 3,5" (cycles and passes when asked). */
export function jobLabel(job: Pick<DownloadJob, 'request'>): string {
  const { provider, collection, cycles, passes, time } = job.request;
  const parts = [`${provider}: ${collection}`];
  const c = numberFilterText(cycles);
  const p = numberFilterText(passes);
  if (c) {
    parts.push(`${/[,-]/.test(c) ? 'cycles' : 'cycle'} ${c}`);
  }
  if (p) {
    parts.push(`${/[,-]/.test(p) ? 'passes' : 'pass'} ${p}`);
  }
  if (time) {
    parts.push(time);
  }
  return parts.join(', ');
}

const STATE_LABEL: Record<DownloadState, string> = {
  starting: 'Starting',
  running: 'Running',
  done: 'Done',
  failed: 'Failed',
  cancelled: 'Cancelled'
};

/** The state as shown; a finished dry run says "Planned". */
export function stateLabel(job: Pick<DownloadJob, 'state' | 'dryRun'>): string {
  return job.dryRun && job.state === 'done' ? 'Planned' : STATE_LABEL[job.state] ?? job.state;
}

/** A job that still moves (its row has Cancel, the model polls fast). */
export function isActive(job: Pick<DownloadJob, 'state'>): boolean {
  return job.state === 'starting' || job.state === 'running';
}

/** Share of the planned bytes transferred, 0 to 1; undefined while the total is unknown. */
export function progressFraction(job: Pick<DownloadJob, 'state' | 'bytes' | 'plannedBytes' | 'dryRun'>): number | undefined {
  if (job.state === 'done' && !job.dryRun) {
    return 1;
  }
  if (!job.plannedBytes || job.plannedBytes <= 0) {
    return undefined;
  }
  return Math.min(1, Math.max(0, job.bytes / job.plannedBytes));
}

/** "12.3 MB of 45.6 MB" (or "12.3 MB" while the total is unknown). */
export function bytesText(job: Pick<DownloadJob, 'bytes' | 'plannedBytes'>): string {
  return job.plannedBytes ? `${formatSize(job.bytes)} of ${formatSize(job.plannedBytes)}` : formatSize(job.bytes);
}

/** "3 done · 1 skipped · 0 failed · 5 remaining" (remaining once the plan is known). */
export function countsText(job: Pick<DownloadJob, 'done' | 'skipped' | 'failed' | 'remaining' | 'resumedBytes'>): string {
  const parts = [`${job.done} done`, `${job.skipped} skipped`, `${job.failed} failed`];
  if (job.remaining !== null && job.remaining !== undefined) {
    parts.push(`${job.remaining} remaining`);
  }
  if (job.resumedBytes) {
    parts.push(`${formatSize(job.resumedBytes)} resumed`);
  }
  return parts.join(' · ');
}

/** A dry run's answer: "12 files, 4.56 GB would be fetched (2 already complete)". */
export function planText(job: Pick<DownloadJob, 'files' | 'plannedBytes' | 'skipped'>): string {
  if (job.files === null) {
    return 'Searching…';
  }
  const files = `${job.files} file${job.files === 1 ? '' : 's'}`;
  const skipped = job.skipped > 0 ? ` (${job.skipped} already complete)` : '';
  return `${files}, ${formatSize(job.plannedBytes ?? 0)} would be fetched${skipped}`;
}

/** One file in transfer: "NAME 1.20 MB of 3.40 MB" (or without a total). */
export function fileText(file: { name: string; bytes: number | null; size?: number | null }): string {
  // the amount first: a narrow sidebar cuts the end of a 70-character SWOT name, never the figures
  const amount = file.size ? `${Math.floor(((file.bytes ?? 0) / file.size) * 100)}% of ${formatSize(file.size)}` : formatSize(file.bytes ?? 0);
  return `${amount} · ${file.name}`;
}

/** An error line: "NAME: message" (the job's own errors have no file). */
export function errorText(error: { name: string | null; message: string }): string {
  return error.name ? `${error.name}: ${error.message}` : error.message;
}

/**
 * How long until the model asks the server again: fast while a job starts or
 * runs, slowly while the section is visible, never otherwise (undefined).
 */
export function pollDelay(jobs: ReadonlyArray<Pick<DownloadJob, 'state'>>, visible: boolean): number | undefined {
  if (jobs.some(isActive)) {
    return ACTIVE_POLL_MS;
  }
  return visible ? IDLE_POLL_MS : undefined;
}

/**
 * The out folder as the file browser names it (relative to the server root), or undefined
 * when it is outside the server root (the file browser cannot show it).
 */
export function fileBrowserPath(out: string, serverRoot: string | undefined): string | undefined {
  const clean = (p: string) => p.replace(/\/+$/, '');
  if (!out.startsWith('/')) {
    return clean(out.replace(/^\.\//, ''));
  }
  if (!serverRoot) {
    return undefined;
  }
  const root = clean(serverRoot);
  const path = clean(out);
  if (path === root) {
    return '';
  }
  return path.startsWith(`${root}/`) ? path.slice(root.length + 1) : undefined;
}
