/**
 * HDF5 reports failures by printing a diagnostic stack (HDF5-DIAG ...) to the
 * process's stderr (h5wasm's Node build writes fd 2 with fs.writeSync), which
 * would spill into notebooks and CLI output. Synchronous h5wasm calls run
 * inside {@link captureHdf5Diagnostics}: the diagnostics are kept out of stderr
 * and summarised in our typed errors instead.
 */
// require, not import: the property is patched on the shared module object.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const fs: typeof import('node:fs') = require('node:fs');

export interface Captured<T> {
  value?: T;
  error?: unknown;
  /** What each level of HDF5's error stack said, innermost last. */
  diagnostics: string[];
}

const STDERR = 2;

export function captureHdf5Diagnostics<T>(fn: () => T): Captured<T> {
  const writeSync = fs.writeSync;
  const chunks: string[] = [];
  (fs as { writeSync: unknown }).writeSync = (fd: number, buffer: unknown, ...rest: unknown[]): number => {
    if (fd !== STDERR) {
      return (writeSync as (...args: unknown[]) => number)(fd, buffer, ...rest);
    }
    if (typeof buffer === 'string') {
      chunks.push(buffer);
      return Buffer.byteLength(buffer);
    }
    const bytes = buffer as Uint8Array;
    const offset = typeof rest[0] === 'number' ? rest[0] : 0;
    const length = typeof rest[1] === 'number' ? rest[1] : bytes.byteLength - offset;
    chunks.push(Buffer.from(bytes.buffer, bytes.byteOffset + offset, length).toString('utf8'));
    return length;
  };
  try {
    return { value: fn(), diagnostics: summarize(chunks.join('')) };
  } catch (error) {
    return { error, diagnostics: summarize(chunks.join('')) };
  } finally {
    (fs as { writeSync: unknown }).writeSync = writeSync;
  }
}

function summarize(text: string): string[] {
  // "  #013: .../H5Ocache.c line 1101 in H5O__prefix_deserialize(): bad object header version number"
  const said = text
    .split('\n')
    .map(line => /^\s+#\d+:.* in [\w.]+\(\): (.*)$/.exec(line)?.[1])
    .filter((m): m is string => !!m);
  return Array.from(new Set(said));
}
