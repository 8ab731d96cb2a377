// Writes the tslab kernelspec (display name "TypeScript") under the Python
// environment's sys-prefix, with absolute paths to this clone's node and tslab
// so the kernel runs whatever PATH the Jupyter server was started with.
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

const venv = resolve(process.argv[2] ?? '.venv');
const tslab = resolve('node_modules/tslab/bin/tslab');
const dir = `${venv}/share/jupyter/kernels/tslab`;
mkdirSync(dir, { recursive: true });
const spec = {
  argv: [process.execPath, tslab, 'kernel', '--config-path', '{connection_file}'],
  display_name: 'TypeScript',
  language: 'typescript',
  metadata: { debugger: false }
};
writeFileSync(`${dir}/kernel.json`, JSON.stringify(spec, null, 2) + '\n');
console.log(`kernelspec tslab -> ${dir}`);
