/**
 * Reductions split over worker threads: each worker opens the data itself
 * (from the target given to open()) and reduces its share of the units
 * (whole passes, see partial-units.ts); the caller folds the units in their
 * canonical order, as a single thread and swot merge do. Typed arrays come
 * back by copy (structured clone: the same bits), which is small next to the
 * data read. Diagnostics of a selection in memory go the same way, their
 * passes sent to the workers by copy.
 */
import { existsSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { DiagnosticsInput, DiagnosticName, DiagnosticVariable } from '../core';
import { BinGrid, UsageError } from '../core';
import { reviveError, SerializedError } from '../core/error-transfer';
import type { UnitSpan } from './partial-units';
import type { StatsBy } from './stats';

export type ReductionJob =
  | { kind: 'stats'; target: string | string[]; variable: string; by?: StatsBy; spans: UnitSpan[] }
  | { kind: 'map'; target: string | string[]; variable: string; grid: BinGrid; spans: UnitSpan[] }
  /** Diagnostics of whole passes already in memory (sent by copy): one computeDiagnostics per input. */
  | { kind: 'diagnostics'; inputs: DiagnosticsInput[] };

/** What a diagnostics job gives back: the fields of each input, in order. */
export type DiagnosticsResult = Array<Partial<Record<DiagnosticName, DiagnosticVariable>>>;

/** Values above which a streamed reduction uses every core by default. */
export const PARALLEL_THRESHOLD = 50_000_000;

/** How many workers: the caller's choice, else every core for large reductions; never more than units. */
export function workerCount(requested: number | undefined, values: number, units: number, threshold = PARALLEL_THRESHOLD): number {
  const automatic = values >= threshold ? cpus().length : 1;
  return Math.max(1, Math.min(requested ?? automatic, units));
}

/** The worker bundle: next to this module in dist/, or dist/ of the package when run from sources (tests). */
function workerScript(): string {
  const candidates = [join(__dirname, 'reduce-worker.cjs'), join(__dirname, '..', '..', 'dist', 'reduce-worker.cjs')];
  const found = candidates.find(existsSync);
  if (!found) {
    throw new UsageError(`the reduction worker is missing (${candidates[0]}): run "npm run build:kernel"`);
  }
  return found;
}

export function runReduction<T>(job: ReductionJob, onBlock: () => void): Promise<T> {
  return new Promise((resolvePromise, reject) => {
    const worker = new Worker(workerScript(), { workerData: job });
    worker.on('message', (message: { block?: true; result?: T; error?: SerializedError }) => {
      if (message.block) {
        onBlock();
      } else if (message.error) {
        // The worker's error as it was thrown there (a corrupt chunk stays a CorruptFileError).
        reject(reviveError(message.error));
      } else if (message.result !== undefined) {
        resolvePromise(message.result);
      }
    });
    worker.on('error', reject);
    worker.on('exit', code => code !== 0 && reject(new Error(`reduction worker exited with code ${code}`)));
  });
}
