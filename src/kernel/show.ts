/**
 * `show()`: draw a swath (or many, or an L4 grid) on a map in a tslab
 * notebook. The output carries the interactive widget's payload
 * (application/vnd.swot.swath+json), a static PNG and a text summary.
 */
import { resolve } from 'node:path';
import { checkOptionKeys, DecodedDataset, describeEmpty, optionKeys, UsageError } from '../core';
import { COLORMAP_NAMES, inferVectors, LayerOptions, Layers, layersFromDecoded, readLayers, SceneOptions } from '../core/render';
import { isDataset } from './dataset';
import type { Dataset } from './dataset';
import { buildBundle, SwathBundle } from './display/bundle';
import { inNotebook, sendDisplay } from './display/emit';

export type { SwathBundle } from './display/bundle';

/** The widget's options (cmap, clim, symmetric, grid, colorbar, coastlines, title, vectorScale), plus: */
export interface ShowOptions extends Pick<SceneOptions, 'cmap' | 'clim' | 'symmetric' | 'grid' | 'colorbar' | 'coastlines' | 'title' | 'vectorScale'> {
  /** Arrows: true (the velocity matching the variable, e.g. ugosa/vgosa_filtered) or [u, v] names. */
  vectors?: boolean | [string, string];
  /** Level of detail: at most this many points are sent to the browser (default 2 000 000). */
  maxPoints?: number;
  /** Index along the leading (time) dimension of a gridded variable (default 0). */
  time?: number;
  /** Include the static PNG (default true). */
  png?: boolean;
  /**
   * Zoom to native resolution (default true): a reduced display of one netCDF file carries the
   * file's absolute path, group, variable and lines, so that JupyterLab reads the native points of
   * a zoomed view itself through the Jupyter server. false: the display names no file.
   */
  native?: boolean;
  /** Send the display (default: when running in a tslab notebook). false returns the bundle instead. */
  display?: boolean;
}

type Target = Dataset | DecodedDataset;

const SHOW_KEYS = optionKeys<ShowOptions>({
  cmap: true,
  clim: true,
  symmetric: true,
  grid: true,
  colorbar: true,
  coastlines: true,
  title: true,
  vectorScale: true,
  vectors: true,
  maxPoints: true,
  time: true,
  png: true,
  native: true,
  display: true
});


function hasVariable(t: Target, name: string): boolean {
  if (isDataset(t)) {
    return t.variables.some(v => v.name === name) || t.groups.some(g => g.variables.some(v => v.name === name));
  }
  return t.variables.some(v => v.name === name);
}

function checkOptions(options: ShowOptions): void {
  checkOptionKeys(options, SHOW_KEYS, 'show()');
  if (options.cmap !== undefined && !COLORMAP_NAMES.includes(options.cmap)) {
    throw new UsageError(`cmap "${options.cmap}" is not known (known: ${COLORMAP_NAMES.join(', ')})`);
  }
  const clim = options.clim;
  if (clim !== undefined) {
    const ok = Array.isArray(clim)
      ? clim.length === 2 && clim.every(Number.isFinite) && clim[0] < clim[1]
      : Array.isArray(clim.percentile) && clim.percentile.length === 2 && clim.percentile[0] >= 0 && clim.percentile[1] <= 100 && clim.percentile[0] < clim.percentile[1];
    if (!ok) {
      throw new UsageError(`clim must be [vmin, vmax] (vmin < vmax) or {percentile: [lo, hi]} within 0-100, got ${JSON.stringify(clim)}`);
    }
  }
  if (options.maxPoints !== undefined && !(options.maxPoints >= 1000)) {
    throw new UsageError(`maxPoints must be at least 1000, got ${options.maxPoints}`);
  }
}

function merge(all: Layers[]): Layers {
  const first = all[0];
  return {
    ...first,
    layers: all.flatMap(l => l.layers),
    sourcePoints: all.reduce((n, l) => n + l.sourcePoints, 0),
    factor: Math.max(...all.map(l => l.factor)),
    source: all.map(l => l.source).join(', '),
    ...(all.length > 1 ? { product: undefined } : {})
  };
}

function defaultTitle(layers: Layers): string {
  const p = layers.product;
  const what = layers.longName ? `${layers.name} (${layers.longName})` : layers.name;
  if (!p) {
    return what;
  }
  const parts = [p.product, p.subset, p.cycle !== undefined ? `cycle ${p.cycle}` : '', p.pass !== undefined ? `pass ${p.pass}` : ''].filter(Boolean);
  return `${what} · ${parts.join(' ')}`;
}

/**
 * Draw `variable` of a dataset, a selection, or several of them (one layer
 * per pass; L2 Unsmoothed /left and /right as two layers) on a map.
 *
 * In a tslab notebook the map is displayed (interactive in JupyterLab, a PNG
 * elsewhere) and nothing is returned; in plain Node (or with display: false)
 * the display bundle is returned. With nothing to draw (an empty selection,
 * all values missing) the text, the figure and the PNG say so, with no colour
 * bar and no limits.
 *
 * @example
 * const ds = await swot.open("SWOT_L3_LR_SSH_Expert_026_165_....nc");
 * await swot.show(ds, "ssha_filtered", { cmap: "Spectral_r", clim: { percentile: [2, 98] } });
 * await swot.show(sel, "ssha_filtered", { vectors: true });
 *
 * @throws UsageError (bad options, variable not drawable), MissingVariableError, file errors from reading
 */
export async function show(target: Target | Target[], variable: string, options: ShowOptions = {}): Promise<SwathBundle | undefined> {
  if (typeof variable !== 'string' || variable.length === 0) {
    throw new UsageError('show(dataset, variable, options): give the name of the variable to draw');
  }
  checkOptions(options);
  const targets = Array.isArray(target) ? target : [target];
  if (targets.length === 0) {
    throw new UsageError('show(): nothing to draw (an empty list)');
  }
  let vectors: [string, string] | undefined;
  if (options.vectors === true) {
    vectors = inferVectors(variable, name => hasVariable(targets[0], name));
  } else if (Array.isArray(options.vectors)) {
    vectors = options.vectors;
  }
  const layerOptions: LayerOptions = {
    maxPoints: Math.max(1000, Math.floor((options.maxPoints ?? 2_000_000) / targets.length)),
    timeIndex: options.time ?? 0,
    nativeSource: options.native ?? true,
    ...(vectors ? { vectors } : {})
  };
  const all: Layers[] = [];
  for (const t of targets) {
    all.push(
      isDataset(t)
        ? await readLayers(t.reader, variable, { ...layerOptions, ...(t.product ? { product: t.product } : {}) })
        : layersFromDecoded(t, variable, { ...layerOptions, ...(t.product ? { product: t.product } : {}) })
    );
  }
  const layers = merge(all);
  // Absolute paths: the kernel's folder (the notebook's) need not be the server's root.
  for (const l of layers.layers) {
    if (l.kind === 'swath' && l.source) {
      l.source = { ...l.source, path: resolve(l.source.path) };
    }
  }
  // An empty selection knows why: said in the figure and the text when nothing is drawable.
  const why = targets.map(t => (isDataset(t) ? undefined : t.empty)).find(e => e !== undefined);
  const sceneOptions: SceneOptions = {
    variable: { name: variable, ...(layers.units ? { units: layers.units } : {}), ...(layers.longName ? { longName: layers.longName } : {}) },
    ...(options.cmap ? { cmap: options.cmap } : {}),
    ...(options.clim ? { clim: options.clim } : {}),
    ...(options.symmetric !== undefined ? { symmetric: options.symmetric } : {}),
    grid: options.grid ?? true,
    colorbar: options.colorbar ?? true,
    coastlines: options.coastlines ?? true,
    title: options.title ?? defaultTitle(layers),
    ...(layers.vectorUnits ? { vectorUnits: layers.vectorUnits } : {}),
    ...(options.vectorScale ? { vectorScale: options.vectorScale } : {}),
    ...(why ? { emptyDetail: describeEmpty(why) } : {})
  };
  const bundle = await buildBundle(layers, sceneOptions, options.png ?? true);
  const display = options.display ?? inNotebook();
  if (display && sendDisplay(bundle as unknown as Record<string, unknown>)) {
    return undefined;
  }
  return bundle;
}
