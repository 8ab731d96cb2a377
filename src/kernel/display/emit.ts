/**
 * The one place that talks to tslab's display internals. tslab's public
 * `display.raw(mime, data)` sends a single MIME type as a string; a bundle
 * with a JSON object plus text/plain and image/png fallbacks needs the
 * internal `lastWriteDisplayData` of `tslab/dist/jupyter` (set while a cell
 * runs). The module is found among the modules the running kernel loaded,
 * so that a copy of tslab elsewhere on disk is never mistaken for it.
 */

import Module from 'node:module';

export interface DisplayBundle {
  data: Record<string, unknown>;
  metadata: Record<string, unknown>;
  transient: Record<string, unknown>;
}

type Writer = (bundle: DisplayBundle, update: boolean) => void;

interface TslabJupyter {
  lastWriteDisplayData: Writer | null;
}

const JUPYTER_MODULE = /[\\/]tslab[\\/]dist[\\/]jupyter\.js$/;

function runningTslab(): TslabJupyter | undefined {
  // Node's module cache itself (what require.cache points to in plain Node and tslab).
  const cache = (Module as unknown as { _cache?: Record<string, { exports?: unknown } | undefined> })._cache;
  if (!cache) {
    return undefined;
  }
  for (const [path, mod] of Object.entries(cache)) {
    if (JUPYTER_MODULE.test(path) && mod?.exports && typeof mod.exports === 'object' && 'lastWriteDisplayData' in mod.exports) {
      const jupyter = mod.exports as TslabJupyter;
      if (typeof jupyter.lastWriteDisplayData === 'function') {
        return jupyter;
      }
    }
  }
  return undefined;
}

/** True when running inside a tslab notebook cell (a display can be sent). */
export function inNotebook(): boolean {
  return runningTslab() !== undefined;
}

/**
 * Send a full display bundle to the notebook. Returns false (and sends
 * nothing) outside a tslab kernel.
 */
export function sendDisplay(data: Record<string, unknown>, metadata: Record<string, unknown> = {}): boolean {
  const jupyter = runningTslab();
  if (!jupyter || !jupyter.lastWriteDisplayData) {
    return false;
  }
  jupyter.lastWriteDisplayData({ data, metadata, transient: {} }, false);
  return true;
}
