/**
 * Byte progress of a download for people: a tracker folding DownloadEvents
 * into totals (bytes, speed, ETA, files), a terminal renderer (one line
 * rewritten with \r on a TTY, a plain line every few seconds otherwise) and a
 * notebook renderer for tslab (one \r-rewritten line, so a saved notebook
 * keeps one line; errors on lines of their own).
 *
 * src/kernel/progress.ts's progressBar draws done/total counts on every
 * percent; bytes need sizes, speed and a time throttle, so this is a new
 * function with the same look rather than a change to that one.
 */
import { formatSize } from '../../core/download/format';
import type { DownloadEvent } from '../../core/download/types';

export interface ProgressSnapshot {
  /** Bytes of the files on disk so far (resumed prefixes included). */
  bytes: number;
  /** Bytes expected (the plan's, grown when a file turns out bigger); undefined when unknown. */
  total?: number;
  /** Bytes transferred by this run (resumed prefixes not included). */
  transferred: number;
  /** Bytes per second transferred by this run. */
  speed: number;
  /** Seconds left, when total and speed allow. */
  eta?: number;
  files: number;
  done: number;
  skipped: number;
  failed: number;
  seconds: number;
  ended: boolean;
}

/** Folds events into a snapshot. */
export class ProgressTracker {
  private readonly began: number;
  private planBytes?: number;
  private files = 0;
  private done = 0;
  private skipped = 0;
  private failed = 0;
  private ended = false;
  private readonly current = new Map<string, number>();
  private readonly base = new Map<string, number>();
  private readonly sizes = new Map<string, number>();

  constructor(private readonly now: () => number = Date.now) {
    this.began = now();
  }

  update(event: DownloadEvent): void {
    switch (event.event) {
      case 'plan':
        this.files = event.files;
        this.planBytes = event.unknownSize === event.files && event.bytes === 0 ? undefined : event.bytes;
        break;
      case 'start':
        this.base.set(event.name, event.resumeFrom);
        this.current.set(event.name, event.resumeFrom);
        if (event.size !== undefined) this.sizes.set(event.name, event.size);
        break;
      case 'progress':
        this.current.set(event.name, event.bytes);
        if (event.size !== undefined) this.sizes.set(event.name, event.size);
        break;
      case 'done':
        if (event.skipped) this.skipped++;
        else {
          this.done++;
          this.current.set(event.name, event.bytes);
        }
        break;
      case 'error':
        this.failed++;
        break;
      case 'end':
        this.ended = true;
        this.files = event.files;
        this.done = event.done;
        this.skipped = event.skipped;
        this.failed = event.failed;
        break;
      default:
        break;
    }
  }

  snapshot(): ProgressSnapshot {
    const seconds = Math.max(0.001, (this.now() - this.began) / 1000);
    let bytes = 0;
    let moved = 0;
    for (const [name, value] of this.current) {
      bytes += value;
      moved += Math.max(0, value - (this.base.get(name) ?? 0));
    }
    let total = this.planBytes;
    const sized = [...this.sizes.values()].reduce((a, b) => a + b, 0);
    if (total !== undefined && sized > total) total = sized;
    const speed = moved / seconds;
    const eta = total !== undefined && speed > 0 && !this.ended ? Math.max(0, (total - bytes) / speed) : undefined;
    return { bytes, total, transferred: moved, speed, eta, files: this.files, done: this.done, skipped: this.skipped, failed: this.failed, seconds, ended: this.ended };
  }
}

export function formatDuration(seconds: number): string {
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

/** One line: "download [#####     ] 45% 12.0 MB/26.7 MB 3.20 MB/s ETA 0:05 files 3/7". */
export function formatProgress(s: ProgressSnapshot, label = 'download', width = 24): string {
  const finished = s.done + s.skipped + s.failed;
  const files = `files ${finished}/${s.files}${s.failed ? ` (${s.failed} failed)` : ''}`;
  if (s.ended) {
    return `${label}: ${formatSize(s.transferred)} in ${formatDuration(s.seconds)} (${formatSize(s.speed)}/s), ${s.files} files: ${s.done} downloaded, ${s.skipped} already there, ${s.failed} failed`;
  }
  const speed = `${formatSize(s.speed)}/s`;
  if (s.total === undefined || s.total === 0) return `${label} ${formatSize(s.bytes)} ${speed} ${files}`;
  const fraction = Math.min(1, s.bytes / s.total);
  const filled = Math.round(fraction * width);
  const eta = s.eta !== undefined ? ` ETA ${formatDuration(s.eta)}` : '';
  return `${label} [${'#'.repeat(filled)}${' '.repeat(width - filled)}] ${Math.floor(fraction * 100)}% ${formatSize(s.bytes)}/${formatSize(s.total)} ${speed}${eta} ${files}`;
}

export interface ProgressRenderer {
  (event: DownloadEvent): void;
  /** Draw the last state now (the 'end' event does it too). */
  flush(): void;
}

export interface RendererOptions {
  /** Where text goes (default process.stderr for the terminal, process.stdout for the notebook). */
  write?: (text: string) => void;
  /** Rewrite one line with \r (default: the stream is a TTY, for the terminal; always for the notebook). */
  rewrite?: boolean;
  /** Minimum interval between redraws (default 250 ms rewriting, 10 s plain lines; notebook 1 s). */
  intervalMs?: number;
  label?: string;
  now?: () => number;
}

function renderer(options: Required<Pick<RendererOptions, 'write' | 'rewrite' | 'intervalMs'>> & RendererOptions): ProgressRenderer {
  const now = options.now ?? Date.now;
  const tracker = new ProgressTracker(now);
  const { write, rewrite } = options;
  let last = -Infinity;
  let shown = 0; // length of the line on screen (rewrite mode)
  const draw = (final: boolean): void => {
    const text = formatProgress(tracker.snapshot(), options.label);
    if (rewrite) {
      // Pad over a longer previous line: terminals keep what \r does not overwrite.
      write(`\r${text}${' '.repeat(Math.max(0, shown - text.length))}${final ? '\n' : ''}`);
      shown = final ? 0 : text.length;
    } else {
      write(`${text}\n`);
    }
  };
  const render = ((event: DownloadEvent) => {
    tracker.update(event);
    if (event.event === 'error' || (event.event === 'retry' && !rewrite)) {
      const line = event.event === 'error' ? `error: ${event.name}: ${event.message}` : `retry ${event.attempt} of ${event.name} in ${Math.round(event.waitMs / 100) / 10} s: ${event.reason}`;
      write(`${rewrite && shown ? `\r${' '.repeat(shown)}\r` : ''}${line}\n`);
      shown = 0;
    }
    if (event.event === 'end') {
      draw(true);
      return;
    }
    const t = now();
    if (event.event !== 'plan' && t - last >= options.intervalMs) {
      last = t;
      draw(false);
    }
  }) as ProgressRenderer;
  render.flush = () => draw(false);
  return render;
}

/** The terminal renderer: \r updates on a TTY, a plain line every 10 s otherwise (logs, CI). */
export function terminalProgress(options: RendererOptions = {}): ProgressRenderer {
  const rewrite = options.rewrite ?? process.stderr.isTTY === true;
  return renderer({
    ...options,
    write: options.write ?? (text => void process.stderr.write(text)),
    rewrite,
    intervalMs: options.intervalMs ?? (rewrite ? 250 : 10_000)
  });
}

/** The notebook renderer (tslab prints process.stdout in the cell): one line rewritten with \r, at most once a second. */
export function notebookProgress(options: RendererOptions = {}): ProgressRenderer {
  return renderer({ ...options, write: options.write ?? (text => void process.stdout.write(text)), rewrite: true, intervalMs: options.intervalMs ?? 1000 });
}
