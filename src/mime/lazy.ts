/**
 * What the swath view loads only when a swath is first drawn: plotly.js
 * (4.8 MB, ~1.1 s cold) and the land polygons of world-atlas (shipped with
 * the extension, never fetched from the internet). Dynamic import()s become
 * separate chunks: JupyterLab's start-up does not pay for them.
 */
import { decodeLand, LandGeometry, Topology } from '../core/render';

/** The part of plotly's API the view uses. */
export interface PlotlyApi {
  newPlot(root: HTMLElement, data: unknown[], layout: unknown, config?: unknown): Promise<PlotlyElement>;
  relayout(root: HTMLElement, update: Record<string, unknown>): Promise<PlotlyElement>;
  purge(root: HTMLElement): void;
  Plots: { resize(root: HTMLElement): Promise<void> | void };
}

/** A plotly graph div: its event emitter and the computed layout. */
export interface PlotlyElement extends HTMLElement {
  on(event: string, handler: (event: Record<string, unknown>) => void): void;
  removeAllListeners?(event: string): void;
  _fullLayout?: {
    xaxis: { range: [number, number] };
    yaxis: { range: [number, number] };
    _size: { l: number; t: number; w: number; h: number };
  };
}

let plotly: Promise<PlotlyApi> | undefined;

/** plotly.js, loaded once. */
export function loadPlotly(): Promise<PlotlyApi> {
  if (!plotly) {
    plotly = import(/* webpackChunkName: "plotly" */ 'plotly.js-dist-min').then(mod => {
      const api = ((mod as { default?: unknown }).default ?? mod) as PlotlyApi;
      return api;
    });
    plotly.catch(() => (plotly = undefined));
  }
  return plotly;
}

const lands = new Map<string, Promise<LandGeometry>>();

/** Land polygons at 1:110m or 1:50m, loaded and decoded once. */
export function loadLand(resolution: '110m' | '50m'): Promise<LandGeometry> {
  let land = lands.get(resolution);
  if (!land) {
    const json =
      resolution === '50m'
        ? import(/* webpackChunkName: "land-50m" */ 'world-atlas/land-50m.json')
        : import(/* webpackChunkName: "land-110m" */ 'world-atlas/land-110m.json');
    land = json.then(mod => decodeLand(((mod as { default?: unknown }).default ?? mod) as Topology));
    land.catch(() => lands.delete(resolution));
    lands.set(resolution, land);
  }
  return land;
}

/** Inflate a zlib stream with the browser's DecompressionStream. */
export async function inflate(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(new DecompressionStream('deflate'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}
