/** Shared fixtures for the transfer tests: a tmp folder of random granule files with their checksums. */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DownloadEvent, Granule } from '../../../core/download/types';

export interface Fixture {
  dir: string;
  remote: string;
  out: string;
  files: Record<string, Buffer>;
  cleanup(): void;
}

export function fixture(sizes: Record<string, number>): Fixture {
  const dir = mkdtempSync(join(tmpdir(), 'swot-dl-'));
  const remote = join(dir, 'remote');
  const out = join(dir, 'out');
  const files: Record<string, Buffer> = {};
  require('node:fs').mkdirSync(remote);
  for (const [name, size] of Object.entries(sizes)) {
    files[name] = randomBytes(size);
    writeFileSync(join(remote, name), files[name]);
  }
  return { dir, remote, out, files, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export function sha256(buffer: Buffer): string {
  return createHash('sha256').update(buffer).digest('hex');
}

export function granule(name: string, url: string, content: Buffer | undefined, extra: Partial<Granule> = {}): Granule {
  return {
    provider: 'podaac',
    collection: 'SWOT_L2_LR_SSH_2.0',
    name,
    url,
    dir: '',
    ...(content ? { size: content.length, checksum: { algorithm: 'SHA-256' as const, value: sha256(content) } } : {}),
    ...extra
  };
}

export function collect(): { events: DownloadEvent[]; onEvent: (e: DownloadEvent) => void } {
  const events: DownloadEvent[] = [];
  return { events, onEvent: e => void events.push(e) };
}

export function listFiles(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir).sort() : [];
}
