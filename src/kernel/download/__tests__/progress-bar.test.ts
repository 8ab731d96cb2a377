/** The progress renderers on a real event sequence (clock injected so the throttle is testable). */
import type { DownloadEvent } from '../../../core/download/types';
import { formatSize } from '../../../core/download/format';
import { notebookProgress, terminalProgress } from '../progress-bar';

const EVENTS: DownloadEvent[] = [
  { event: 'plan', files: 3, bytes: 3_000_000, skipped: 1, unknownSize: 0 },
  { event: 'done', name: 'c.nc', path: '/o/c.nc', bytes: 5, verified: 'size', skipped: true },
  { event: 'start', name: 'a.nc', size: 1_000_000, resumeFrom: 0 },
  { event: 'start', name: 'b.nc', size: 2_000_000, resumeFrom: 500_000 },
  { event: 'progress', name: 'a.nc', bytes: 400_000, size: 1_000_000 },
  { event: 'progress', name: 'b.nc', bytes: 900_000, size: 2_000_000 },
  { event: 'progress', name: 'a.nc', bytes: 1_000_000, size: 1_000_000 },
  { event: 'done', name: 'a.nc', path: '/o/a.nc', bytes: 1_000_000, verified: 'checksum', skipped: false },
  { event: 'error', name: 'b.nc', message: 'PO.DAAC: HTTP 500', code: 'HTTP' },
  { event: 'end', files: 3, done: 1, skipped: 1, failed: 1, bytes: 1_400_000, seconds: 2 }
];

function play(render: (e: DownloadEvent) => void, clock: { t: number }, stepMs: number): void {
  for (const e of EVENTS) {
    clock.t += stepMs;
    render(e);
  }
}

test('notebook: one \\r-rewritten line that ends with a newline, errors on their own line, throttled', () => {
  const clock = { t: 0 };
  let out = '';
  play(notebookProgress({ write: t => void (out += t), now: () => clock.t }), clock, 400);
  // What a notebook keeps after applying \r: the bar collapses to its last state.
  const kept = out
    .split('\n')
    .map(line => line.split('\r').filter(part => part.trim() !== '').at(-1) ?? '')
    .filter(line => line !== '');
  expect(kept).toEqual(['error: b.nc: PO.DAAC: HTTP 500', 'download: 1.40 MB in 0:04 (350 kB/s), 3 files: 1 downloaded, 1 already there, 1 failed']);
  // Throttled to 1/s with events every 0.4 s: fewer draws than events.
  expect((out.match(/\r/g) ?? []).length).toBeLessThan(EVENTS.length);
  expect(out).toMatch(/\[#+ +\] \d+% .*kB\/s ETA \d+:\d\d files/);
});

test('terminal without a TTY: plain lines, no \\r', () => {
  const clock = { t: 0 };
  let out = '';
  play(terminalProgress({ write: t => void (out += t), rewrite: false, intervalMs: 1000, now: () => clock.t }), clock, 600);
  expect(out).not.toContain('\r');
  const lines = out.trim().split('\n');
  expect(lines.at(-1)).toMatch(/^download: 1\.40 MB in /);
  expect(lines.some(l => /^download \[#+ *\] \d+% /.test(l))).toBe(true);
  expect(lines).toContain('error: b.nc: PO.DAAC: HTTP 500');
});

test('formatSize', () => {
  expect([formatSize(512), formatSize(1500), formatSize(12_345_678), formatSize(2.5e9)]).toEqual(['512 B', '1.50 kB', '12.3 MB', '2.50 GB']);
});
