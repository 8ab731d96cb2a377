// Builds the kernel library and the CLI as CommonJS bundles (dist/), keeping
// the ESM-only dependencies (h5wasm, zarrita) external behind real dynamic
// import()s, and emits the type declarations tslab needs.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: true,
  // ssh2's native parts (its crypto binding, cpu-features) are optional: it requires them in
  // try/catch and falls back to JavaScript, so the bundle stays portable (no .node in the wheel).
  external: ['h5wasm', 'h5wasm/*', 'zarrita', '@zarrita/*', 'numcodecs', 'cpu-features', '*.node', '@resvg/resvg-js', 'dejavu-fonts-ttf'],
  define: { __SWOT_VERSION__: JSON.stringify(pkg.version) },
  logLevel: 'warning'
};

await build({ ...common, entryPoints: ['src/kernel/index.ts'], outfile: 'dist/kernel.cjs' });
await build({
  ...common,
  entryPoints: ['src/kernel/cli.ts'],
  outfile: 'dist/cli.cjs',
  banner: { js: '#!/usr/bin/env node' }
});
chmodSync('dist/cli.cjs', 0o755);
await build({ ...common, entryPoints: ['src/kernel/reduce-worker.ts'], outfile: 'dist/reduce-worker.cjs' });

// A dynamic import() rewritten into require() fails on ESM-only packages.
for (const file of ['dist/kernel.cjs', 'dist/cli.cjs']) {
  if (!/import\(["']h5wasm\/node["']\)/.test(readFileSync(file, 'utf8'))) {
    throw new Error(`${file}: the dynamic import of h5wasm was rewritten; tslab would fail to load it`);
  }
}

execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.kernel.json'], {
  stdio: 'inherit'
});
writeFileSync('dist/kernel.d.ts', "export * from './types/kernel/index';\n");
