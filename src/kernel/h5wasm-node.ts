/**
 * Loads h5wasm's Node build once. h5wasm is ESM-only: this file is compiled to
 * CommonJS that keeps a real dynamic import(), so the kernel library can be
 * require()d from tslab and from plain Node.
 */

type H5wasmModule = typeof import('h5wasm/node', { with: { 'resolution-mode': 'import' } });

let loading: Promise<H5wasmModule['default']> | undefined;

export function loadH5wasm(): Promise<H5wasmModule['default']> {
  if (loading === undefined) {
    loading = import('h5wasm/node').then(async mod => {
      const h5wasm = mod.default;
      await h5wasm.ready;
      return h5wasm;
    });
  }
  return loading;
}
