/** Test helpers (Node only): run the built CLI (dist/cli.cjs) as a user would. */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The clone's root, and the built CLI in it. */
export const ROOT = resolve(__dirname, '../..');
export const CLI = join(ROOT, 'dist/cli.cjs');

/** Fail the suite with the way out when the CLI is not built (call in beforeAll). */
export function requireBuiltCli(): void {
  if (!existsSync(CLI)) {
    throw new Error('dist/cli.cjs is missing: run "npm run build" first');
  }
}

/** `swot ARGS...` in a fresh Node process from the clone's root: exit code, stdout, stderr. */
export function swot(...args: string[]): { code: number | null; out: string; err: string } {
  const result = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd: ROOT });
  return { code: result.status, out: result.stdout, err: result.stderr };
}
