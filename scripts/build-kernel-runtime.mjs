// Assembles the Node side that the Python package ships (jupyterlab_swot/kernel_runtime/):
// node_modules with this library (dist/, its types), tslab (patched by
// patches/tslab+*.patch at `npm ci`) and every package they need at run time,
// copied from this clone's node_modules, which npm ci filled from the registry.
// With it, a pip-installed jupyterlab_swot gives a TypeScript kernel in which
// `import * as swot from "jupyterlab-swot/kernel"` works from any folder, and a
// `swot` command, without fetching anything when the kernel starts.
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
const SOURCE = join(ROOT, 'node_modules');
const OUT = join(ROOT, 'jupyterlab_swot', 'kernel_runtime');
const MODULES = join(OUT, 'node_modules');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));

/** Packages the kernel and the CLI load at run time (dist/*.cjs keeps these external). */
const ENTRY = ['tslab', 'h5wasm', 'zarrita', '@zarrita/storage', 'numcodecs', '@resvg/resvg-js', 'dejavu-fonts-ttf'];
/** Files of a package that are never needed to run it. */
const SKIP = /(^|\/)(\.github|test|tests|__tests__|docs?|examples?|\.DS_Store|CHANGELOG\.md)$|\.(map|md|ts\.map)$/i;

/** Where Node would find `name` when required from `from` (a folder inside node_modules). */
function locate(name, from) {
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) {
      return candidate;
    }
    if (dir === ROOT || dir === dirname(dir)) {
      return undefined;
    }
  }
}

const copied = new Set();
function copyPackage(dir) {
  if (copied.has(dir)) {
    return;
  }
  copied.add(dir);
  const target = join(MODULES, relative(SOURCE, dir));
  cpSync(dir, target, {
    recursive: true,
    dereference: true,
    filter: src => {
      const rel = relative(dir, src);
      // Nested node_modules are copied as dependencies, only those needed.
      return rel === '' || (!rel.split('/').includes('node_modules') && !SKIP.test(rel));
    }
  });
  const meta = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  const deps = { ...(meta.dependencies ?? {}), ...(meta.optionalDependencies ?? {}) };
  for (const name of Object.keys(deps)) {
    const found = locate(name, dir);
    if (found) {
      copyPackage(found);
    } else if (!(name in (meta.optionalDependencies ?? {}))) {
      throw new Error(`${meta.name}: dependency ${name} is not installed (run npm ci)`);
    }
  }
}

/**
 * Parts of the copied packages that a Linux hub's kernel never loads: zeromq's
 * prebuilt addons for other systems, the fonts the figures do not use, and the TypeScript compiler's command-line
 * tools, language server and message translations (tslab uses lib/typescript.js).
 */
const PRUNE = [
  'zeromq/build/darwin',
  // The static PNG's text uses DejaVu Sans alone (src/kernel/display/figure-png.ts).
  ...['DejaVuMathTeXGyre', 'DejaVuSans-Bold', 'DejaVuSans-BoldOblique', 'DejaVuSans-ExtraLight', 'DejaVuSans-Oblique', 'DejaVuSansCondensed-Bold', 'DejaVuSansCondensed-BoldOblique', 'DejaVuSansCondensed-Oblique', 'DejaVuSansCondensed', 'DejaVuSansMono-Bold', 'DejaVuSansMono-BoldOblique', 'DejaVuSansMono-Oblique', 'DejaVuSansMono', 'DejaVuSerif-Bold', 'DejaVuSerif-BoldItalic', 'DejaVuSerif-Italic', 'DejaVuSerif', 'DejaVuSerifCondensed-Bold', 'DejaVuSerifCondensed-BoldItalic', 'DejaVuSerifCondensed-Italic', 'DejaVuSerifCondensed'].map(f => `dejavu-fonts-ttf/ttf/${f}.ttf`),
  'dejavu-fonts-ttf/fontconfig',
  'zeromq/build/win32',
  '@tslab/typescript-for-tslab/lib/tsserver.js',
  '@tslab/typescript-for-tslab/lib/tsserverlibrary.js',
  '@tslab/typescript-for-tslab/lib/tsserverlibrary.d.ts',
  '@tslab/typescript-for-tslab/lib/typingsInstaller.js',
  '@tslab/typescript-for-tslab/lib/tsc.js',
  '@tslab/typescript-for-tslab/lib/watchGuard.js',
  ...['cs', 'de', 'es', 'fr', 'it', 'ja', 'ko', 'pl', 'pt-br', 'ru', 'tr', 'zh-cn', 'zh-tw'].map(l => `@tslab/typescript-for-tslab/lib/${l}`)
];

rmSync(OUT, { recursive: true, force: true });
mkdirSync(MODULES, { recursive: true });

const converter = readFileSync(join(SOURCE, 'tslab', 'dist', 'converter.js'), 'utf8');
if (!converter.includes('jupyterlab-swot patch')) {
  throw new Error('node_modules/tslab is not patched (patches/tslab+*.patch): run npm ci, or npx patch-package');
}
for (const name of ENTRY) {
  const dir = locate(name, ROOT);
  if (!dir) {
    throw new Error(`${name} is not installed: run npm ci`);
  }
  copyPackage(dir);
}

for (const part of PRUNE) {
  rmSync(join(MODULES, part), { recursive: true, force: true });
}

// This library, as a package of its own (what `import ... from "jupyterlab-swot/kernel"` resolves to).
const self = join(MODULES, 'jupyterlab-swot');
for (const part of ['dist/kernel.cjs', 'dist/cli.cjs', 'dist/reduce-worker.cjs', 'dist/kernel.d.ts', 'dist/types', 'kernel/package.json', 'LICENSE']) {
  if (!existsSync(join(ROOT, part))) {
    throw new Error(`${part} is missing: run npm run build:kernel first`);
  }
  cpSync(join(ROOT, part), join(self, part), { recursive: true, filter: src => !src.endsWith('.map') });
}
// The SWOT orbit ephemerides for the pass finder (CNES/swot_simulator, BSD-3-Clause), from the
// project's shared reference data when the build has it beside the clone; not in git.
const ORBIT = join(ROOT, '..', 'shared', 'data', 'real', 'orbit');
if (existsSync(ORBIT)) {
  mkdirSync(join(self, 'orbit'), { recursive: true });
  for (const name of readdirSync(ORBIT).filter(n => /^ephemeris_.*\.txt$/.test(n))) {
    cpSync(join(ORBIT, name), join(self, 'orbit', name));
  }
  writeFileSync(
    join(self, 'orbit', 'NOTICE'),
    'SWOT orbit ephemerides from CNES/swot_simulator (swot_simulator/data/), BSD-3-Clause, (c) CNES/JPL.\n'
  );
} else {
  console.warn(`kernel runtime: ${ORBIT} not found: passesCrossing() will need { ephemerides } or SWOT_EPHEMERIS_DIR`);
}

const exported = {
  name: pkg.name,
  version: pkg.version,
  description: pkg.description,
  license: pkg.license,
  main: './dist/kernel.cjs',
  types: './dist/kernel.d.ts',
  bin: { swot: 'dist/cli.cjs' },
  exports: { '.': pkg.exports['./kernel'], './kernel': pkg.exports['./kernel'], './package.json': './package.json' },
  dependencies: Object.fromEntries(ENTRY.filter(n => n !== 'tslab').map(n => [n, pkg.dependencies[n]]))
};
writeFileSync(join(self, 'package.json'), JSON.stringify(exported, null, 2) + '\n');

let bytes = 0;
let files = 0;
(function walk(dir) {
  for (const entry of readdirSyncSafe(dir)) {
    const p = join(dir, entry);
    const s = statSync(p);
    if (s.isDirectory()) {
      walk(p);
    } else {
      bytes += s.size;
      files += 1;
    }
  }
})(OUT);
writeFileSync(join(OUT, 'runtime.json'), JSON.stringify({ version: pkg.version, packages: copied.size + 1, files, bytes }, null, 2) + '\n');
console.log(`kernel runtime -> ${relative(ROOT, OUT)}: ${copied.size + 1} packages, ${files} files, ${(bytes / 1e6).toFixed(1)} MB`);

function readdirSyncSafe(dir) {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}
