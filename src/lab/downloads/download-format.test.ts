import type { DownloadJob } from '../server-api';
import {
  ACTIVE_POLL_MS,
  bytesText,
  compactNumbers,
  countsText,
  errorText,
  fileBrowserPath,
  fileText,
  formatSpeed,
  IDLE_POLL_MS,
  jobLabel,
  numberFilterText,
  planText,
  pollDelay,
  progressFraction,
  stateLabel
} from './download-format';
import { formatSize } from '../../core/download/format';

function job(over: Partial<DownloadJob> = {}): DownloadJob {
  return {
    id: '1',
    state: 'running',
    request: { provider: 'podaac', collection: 'SWOT_L2_LR_SSH_BASIC_2.0', out: 'swot-downloads/x' },
    out: 'swot-downloads/x',
    started: 0,
    ended: null,
    dryRun: false,
    files: null,
    plannedBytes: null,
    done: 0,
    skipped: 0,
    failed: 0,
    remaining: null,
    bytes: 0,
    speed: 0,
    current: [],
    errors: [],
    end: null,
    stderr: [],
    ...over
  };
}

describe('sizes and speeds', () => {
  it('formats bytes in SI units with three digits', () => {
    expect([0, 999, 1000, 1500, 12_345_678, 456e9, 2.5e15].map(formatSize)).toEqual(['0 B', '999 B', '1.00 kB', '1.50 kB', '12.3 MB', '456 GB', '2.50 PB']);
    expect(formatSize(999_600)).toBe('1.00 MB');
    expect([null, undefined, -1, NaN].map(formatSize)).toEqual(['?', '?', '?', '?']);
  });
  it('formats speeds in MB/s', () => {
    expect([0, 3_240_000, 250e6, -5].map(formatSpeed)).toEqual(['0.0 MB/s', '3.2 MB/s', '250 MB/s', '0.0 MB/s']);
  });
});

describe('number lists', () => {
  it('compacts runs into ranges, pairs stay a list', () => {
    expect(compactNumbers([5, 1, 2, 3, 3, 8, 9])).toBe('1-3,5,8,9');
    expect(compactNumbers([])).toBe('');
  });
  it('reads every form the command takes', () => {
    expect([25, [1, 2, 3, 7], { from: 10, to: 20 }, { from: 4, to: 4 }, ' 1-3,5 ', undefined, null].map(numberFilterText)).toEqual(['25', '1-3,7', '10-20', '4', '1-3,5', '', '']);
  });
});

describe('job rows', () => {
  it('labels a job by provider, collection, cycles, passes and period', () => {
    expect(jobLabel(job())).toBe('podaac: SWOT_L2_LR_SSH_BASIC_2.0');
    expect(jobLabel(job({ request: { provider: 'aviso', collection: '/swot_products/l3', out: 'o', cycles: '8', passes: [3, 5], time: '2024-01-01/2024-02-01' } }))).toBe(
      'aviso: /swot_products/l3, cycle 8, passes 3,5, 2024-01-01/2024-02-01'
    );
    expect(jobLabel(job({ request: { provider: 'podaac', collection: 'C', out: 'o', cycles: '1-3' } }))).toBe('podaac: C, cycles 1-3');
  });
  it('says Planned for a finished dry run', () => {
    expect(stateLabel(job({ state: 'done', dryRun: true }))).toBe('Planned');
    expect(stateLabel(job({ state: 'done' }))).toBe('Done');
    expect(stateLabel(job({ state: 'cancelled' }))).toBe('Cancelled');
  });
  it('computes progress only against a known total', () => {
    expect(progressFraction(job({ bytes: 50 }))).toBeUndefined();
    expect(progressFraction(job({ bytes: 50, plannedBytes: 200 }))).toBe(0.25);
    expect(progressFraction(job({ bytes: 300, plannedBytes: 200 }))).toBe(1);
    expect(progressFraction(job({ state: 'done', bytes: 0, plannedBytes: 0 }))).toBe(1);
    expect(progressFraction(job({ state: 'done', dryRun: true, plannedBytes: 0 }))).toBeUndefined();
    expect(bytesText(job({ bytes: 1500, plannedBytes: 3e6 }))).toBe('1.50 kB of 3.00 MB');
    expect(bytesText(job({ bytes: 1500 }))).toBe('1.50 kB');
  });
  it('counts files, remaining once planned', () => {
    expect(countsText(job({ done: 3, skipped: 1 }))).toBe('3 done · 1 skipped · 0 failed');
    expect(countsText(job({ done: 3, skipped: 1, failed: 2, remaining: 5 }))).toBe('3 done · 1 skipped · 2 failed · 5 remaining');
    expect(countsText(job({ done: 4, remaining: 0, resumedBytes: 983040 }))).toBe('4 done · 0 skipped · 0 failed · 0 remaining · 983 kB resumed');
  });
  it('describes a plan, a file in transfer, an error', () => {
    expect(planText(job())).toBe('Searching…');
    expect(planText(job({ files: 1, plannedBytes: 2e9 }))).toBe('1 file, 2.00 GB would be fetched');
    expect(planText(job({ files: 12, plannedBytes: 4.56e9, skipped: 2 }))).toBe('12 files, 4.56 GB would be fetched (2 already complete)');
    expect(fileText({ name: 'a.nc', bytes: 1.2e6, size: 3.4e6 })).toBe('35% of 3.40 MB · a.nc');
    expect(fileText({ name: 'a.nc', bytes: null, size: null })).toBe('0 B · a.nc');
    expect(errorText({ name: 'a.nc', message: 'checksum mismatch' })).toBe('a.nc: checksum mismatch');
    expect(errorText({ name: null, message: 'swot download exited with status 2' })).toBe('swot download exited with status 2');
  });
});

describe('polling', () => {
  it('polls fast while a job moves, slowly while watched, else not', () => {
    expect(pollDelay([job({ state: 'done' }), job({ state: 'starting' })], false)).toBe(ACTIVE_POLL_MS);
    expect(pollDelay([job({ state: 'running' })], true)).toBe(ACTIVE_POLL_MS);
    expect(pollDelay([job({ state: 'failed' })], true)).toBe(IDLE_POLL_MS);
    expect(pollDelay([], true)).toBe(IDLE_POLL_MS);
    expect(pollDelay([job({ state: 'cancelled' })], false)).toBeUndefined();
  });
});

describe('the out folder in the file browser', () => {
  it('is relative to the server root, or undefined outside it', () => {
    expect(fileBrowserPath('swot-downloads/x/', '/home/me')).toBe('swot-downloads/x');
    expect(fileBrowserPath('./a', undefined)).toBe('a');
    expect(fileBrowserPath('/home/me/data/x', '/home/me/')).toBe('data/x');
    expect(fileBrowserPath('/home/me', '/home/me')).toBe('');
    expect(fileBrowserPath('/home/meta/x', '/home/me')).toBeUndefined();
    expect(fileBrowserPath('/datalake/x', undefined)).toBeUndefined();
  });
});
