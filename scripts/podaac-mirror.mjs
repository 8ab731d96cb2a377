#!/usr/bin/env node
// A PO.DAAC mirror on loopback (src/testing/podaac-mirror.ts) as a process, for the UI tests,
// the server-job tests and the download benchmark:
//   node scripts/podaac-mirror.mjs --folder DIR --collection SHORT_NAME [--token T] [--port N] [--rate BYTES_PER_S]
// Prints one JSON line {cmr, files, granules} once both servers listen; stops on SIGTERM/SIGINT
// or when its standard input closes (so a test's child never outlives it).
import { build } from 'esbuild';
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const ROOT = resolve(import.meta.dirname, '..');
const { values } = parseArgs({
  options: {
    folder: { type: 'string' },
    collection: { type: 'string' },
    token: { type: 'string' },
    port: { type: 'string' },
    rate: { type: 'string' },
    'exit-with-stdin': { type: 'boolean', default: false }
  }
});
if (!values.folder || !values.collection) {
  console.error('usage: podaac-mirror.mjs --folder DIR --collection SHORT_NAME [--token T] [--port N] [--rate BYTES_PER_S]');
  process.exit(2);
}

// The mirror is TypeScript beside the tests; bundled here so that no TypeScript runner is needed.
const outdir = join(ROOT, 'build', 'testing');
mkdirSync(outdir, { recursive: true });
const outfile = join(outdir, `podaac-mirror-${process.pid}.cjs`);
await build({ entryPoints: [join(ROOT, 'src/testing/podaac-mirror.ts')], outfile, bundle: true, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'warning' });
const { startPodaacMirror } = createRequire(import.meta.url)(outfile);
(await import('node:fs')).rmSync(outfile);

const mirror = await startPodaacMirror({
  folder: resolve(values.folder),
  collection: values.collection,
  token: values.token,
  cmrPort: values.port ? Number(values.port) : undefined,
  bytesPerSecond: values.rate ? Number(values.rate) : undefined
});
console.log(JSON.stringify({ cmr: mirror.cmrUrl, files: mirror.files.url, granules: mirror.granules }));

const stop = () => mirror.close().then(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
if (values['exit-with-stdin']) {
  process.stdin.on('end', stop).resume();
}
