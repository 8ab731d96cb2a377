/**
 * The swath view: a plotly figure on plain lon/lat axes whose map is a
 * layout image re-rasterised from the data after every zoom or pan (detail
 * at any scale), a colour bar with units, grid lines, a hover readout of the
 * real values. Text from files goes in with textContent only.
 */
import { Widget } from '@lumino/widgets';
import {
  colormap,
  fitAspect,
  formatLat,
  formatLon,
  formatValue,
  LandGeometry,
  localRatio,
  nativeWindows,
  niceTicks,
  refinable,
  Refinement,
  refineScene,
  Scene,
  vectorReference,
  View,
  windowContains
} from '../core/render';
import { emptyAnnotation, plotlyText } from './annotation';
import { decoded, drawFrame, Frame } from './frame';
import { loadLand, loadPlotly, PlotlyApi, PlotlyElement } from './lazy';
import type { NativeReader } from './native-reader';
import { readoutAt } from './readout';

const MARGIN = { l: 66, r: 104, t: 10, b: 40 };

/** Timings of the interactive frame, in milliseconds from setScene(). */
export interface FirstFrame {
  plotlyMs: number;
  rasterMs: number;
  encodeMs: number;
  plotMs: number;
  totalMs: number;
}

/** When something was first on screen: a static image (while plotly loads) or the interactive plot. */
export interface Painted {
  kind: 'static' | 'interactive';
  /** performance.now() of the painted frame. */
  at: number;
}

/** Options of the view. */
export interface SwathViewOptions {
  /**
   * Where a reduced display's native points are read when zoomed in (default: through the
   * Jupyter server, loaded on first use); null: never refine.
   */
  nativeReader?: (() => Promise<NativeReader>) | null;
  /** At most this many native points are read for one view (default 1 500 000). */
  nativeBudget?: number;
}

/** Reading native points waits this long after the last zoom or pan (a wheel zoom is several steps). */
const NATIVE_DELAY_MS = 40;

const defaultNativeReader = (): Promise<NativeReader> => import(/* webpackChunkName: "swot-native" */ './native-reader').then(m => m.serverNativeReader());

const painted = (): Promise<void> => new Promise(resolve => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));

function ticks(view: View, width: number, height: number) {
  const x = niceTicks(view.x0, view.x1, Math.max(3, Math.round(width / 110)));
  const y = niceTicks(view.y0, view.y1, Math.max(3, Math.round(height / 70)));
  return {
    'xaxis.tickvals': x,
    'xaxis.ticktext': x.map(formatLon),
    'yaxis.tickvals': y,
    'yaxis.ticktext': y.map(formatLat)
  };
}

/** An invisible marker whose colour scale is the colour bar (units on top). */
function colorbarTrace(scene: Scene, [lo, hi]: [number, number], view: View) {
  return {
    type: 'scatter',
    mode: 'markers',
    x: [(view.x0 + view.x1) / 2],
    y: [(view.y0 + view.y1) / 2],
    hoverinfo: 'skip',
    showlegend: false,
    marker: {
      size: 1,
      opacity: 0,
      color: [lo],
      cmin: lo,
      cmax: hi,
      colorscale: colormap(scene.colormap).stops,
      showscale: scene.colorbar,
      colorbar: { title: { text: plotlyText(scene.variable.units ?? ''), side: 'top' }, thickness: 14, len: 1, x: 1.02, xpad: 6, tickformat: '~g' }
    }
  };
}

function formatPoints(n: number): string {
  return n >= 1e6 ? `${(n / 1e6).toFixed(1)} M` : n >= 1e4 ? `${Math.round(n / 1e3)} k` : String(n);
}

/** The notes under a reduced display: native points drawn, its level of detail, why native points could not be read. */
const nativeNote = (points: number) => `Native resolution (${formatPoints(points)} points read from the file).`;
const levelOfDetail = (scene: Scene) => `level of detail 1/${Math.max(...scene.layers.map(l => (refinable(l) ? l.source.factor : 1)))} per axis`;
const unavailableNote = (why: string, scene: Scene) => `Native resolution unavailable (${why}): showing the ${levelOfDetail(scene)}.`;

function imageOf(frame: Frame) {
  const v = frame.view;
  return { source: frame.uri, xref: 'x', yref: 'y', x: v.x0, y: v.y1, sizex: v.x1 - v.x0, sizey: v.y1 - v.y0, sizing: 'stretch', xanchor: 'left', yanchor: 'top', layer: 'below' };
}

export class SwathView extends Widget {
  private readonly title_ = document.createElement('div');
  private readonly plot = document.createElement('div');
  private readonly footer = document.createElement('div');
  private readonly tooltip = document.createElement('div');
  private readonly note = document.createElement('div');
  /** The scene drawn: the payload's (base), or it with native points in the zoomed window (refined). */
  private scene: Scene | undefined;
  private base: Scene | undefined;
  private refined: { scene: Scene; refinements: Refinement[] } | undefined;
  private readonly nativeReader: (() => Promise<NativeReader>) | null;
  private readonly nativeBudget: number;
  private reader: Promise<NativeReader> | undefined;
  /** Why native points cannot be read (then the reduced points are drawn, with a note). */
  private nativeFailure: string | undefined;
  private nativeGeneration = 0;
  private nativeTimer: ReturnType<typeof setTimeout> | undefined;
  /** performance.now() of the last zoom or pan event, and of the frame that refinement waits for. */
  private zoomAt = 0;
  private nativeWanted: { generation: number; since: number; note: string } | undefined;
  private home: View | undefined;
  private force = false;
  private plotly: PlotlyApi | undefined;
  private gd: PlotlyElement | undefined;
  private frame: Frame | undefined;
  private land: LandGeometry | undefined;
  private reference = 1;
  private pending = 0;
  private redrawing = false;
  private dirty = false;
  private frames_ = 0;
  private attached: Promise<void>;
  private resolveAttached: () => void = () => undefined;
  private observer: ResizeObserver | undefined;
  private lastWidth = 0;
  private placeholder: HTMLImageElement | undefined;
  private resolvePainted: (p: Painted) => void = () => undefined;
  /** Resolves when the first frame (static or interactive) is on screen. */
  readonly firstPaint: Promise<Painted> = new Promise(resolve => (this.resolvePainted = resolve));

  constructor(options: SwathViewOptions = {}) {
    super();
    this.nativeReader = options.nativeReader === undefined ? defaultNativeReader : options.nativeReader;
    this.nativeBudget = options.nativeBudget ?? 1_500_000;
    this.addClass('jp-swot-swath');
    this.title_.className = 'jp-swot-swath-title';
    this.plot.className = 'jp-swot-swath-plot';
    this.footer.className = 'jp-swot-swath-readout';
    this.tooltip.className = 'jp-swot-swath-tooltip';
    this.tooltip.hidden = true;
    this.note.className = 'jp-swot-swath-note';
    this.note.hidden = true;
    this.node.append(this.title_, this.plot, this.footer, this.note, this.tooltip);
    this.node.dataset.state = 'loading';
    this.attached = new Promise(resolve => (this.resolveAttached = resolve));
    this.plot.addEventListener('mousemove', this.onMove);
    this.plot.addEventListener('mouseleave', this.onLeave);
  }

  /** Frames drawn so far (the first one, then one per zoom, pan or resize). */
  get frames(): number {
    return this.frames_;
  }

  /** The view currently drawn. */
  get view(): View | undefined {
    return this.frame?.view;
  }

  /**
   * Show a static rendering (the kernel's PNG) until the interactive plot is
   * ready: on the first swath of a session plotly.js takes about a second to load.
   */
  async showStatic(uri: string): Promise<void> {
    if (this.gd || this.placeholder) {
      return;
    }
    const img = document.createElement('img');
    img.className = 'jp-swot-swath-static';
    img.alt = 'static rendering (interactive map loading)';
    img.src = uri;
    this.placeholder = img;
    this.plot.appendChild(img);
    await this.attached;
    try {
      await img.decode();
    } catch {
      return;
    }
    await painted();
    if (!this.gd && img.isConnected) {
      this.node.dataset.state = 'static';
      this.resolvePainted({ kind: 'static', at: performance.now() });
    }
  }

  /**
   * Draw `scene`; resolves once the interactive frame is on screen.
   *
   * @throws Error when plotly cannot be loaded (shown in the widget too)
   */
  async setScene(scene: Scene): Promise<FirstFrame> {
    const start = performance.now();
    this.scene = scene;
    this.base = scene;
    this.refined = undefined;
    this.nativeFailure = undefined;
    this.nativeGeneration++;
    this.reference = scene.vectorScale ?? vectorReference(scene.layers);
    this.title_.textContent = scene.title ?? scene.variable.name;
    this.title_.hidden = !scene.title;
    const plotlyLoad = loadPlotly();
    const landLoad = scene.coastlines ? loadLand(scene.extent.x1 - scene.extent.x0 < 60 ? '50m' : '110m') : undefined;
    await this.attached;
    // Attached is not laid out yet in every host (output areas): wait a few frames for a width.
    let measured = this.plot.clientWidth;
    for (let i = 0; i < 30 && measured === 0; i++) {
      await new Promise(resolve => requestAnimationFrame(resolve));
      measured = this.plot.clientWidth;
    }
    const width = Math.max(360, measured || 800);
    this.lastWidth = width;
    const pw = width - MARGIN.l - MARGIN.r;
    const e = scene.extent;
    const ratio = localRatio(e);
    const ph = Math.round(Math.min(620, Math.max(300, (pw * (e.y1 - e.y0) * ratio) / (e.x1 - e.x0))));
    const view = fitAspect(e, pw, ph, ratio);
    const [plotly, land] = await Promise.all([plotlyLoad, landLoad]);
    const plotlyMs = performance.now() - start;
    if (this.isDisposed) {
      return { plotlyMs, rasterMs: 0, encodeMs: 0, plotMs: 0, totalMs: performance.now() - start };
    }
    this.plotly = plotly;
    this.land = land;
    const dpr = Math.min(2, window.devicePixelRatio || 1);
    const frame = drawFrame(scene, view, Math.round(pw * dpr), Math.round(ph * dpr), land, this.reference);
    await decoded(frame.uri);
    this.frame = frame;
    this.home = view;
    if (scene.layers.some(refinable) && this.nativeReader) {
      this.node.dataset.native = 'reduced';
    } else {
      delete this.node.dataset.native;
    }
    // For tests and debugging: how many coastline points were available to draw.
    this.node.dataset.coastlinePoints = String(land?.points ?? 0);
    // Nothing to draw (scene.empty, clim null): no colour bar, the message on the map instead.
    const traces = scene.clim ? [colorbarTrace(scene, scene.clim, view)] : [];
    const t = ticks(view, pw, ph);
    const axis = { showgrid: scene.grid, gridcolor: 'rgba(90,90,90,0.22)', zeroline: false, showline: true, mirror: true, linecolor: '#666', ticks: 'outside', fixedrange: false };
    const layout = {
      width,
      height: ph + MARGIN.t + MARGIN.b,
      margin: MARGIN,
      xaxis: { ...axis, range: [view.x0, view.x1], tickvals: t['xaxis.tickvals'], ticktext: t['xaxis.ticktext'] },
      yaxis: { ...axis, range: [view.y0, view.y1], scaleanchor: 'x', scaleratio: ratio, tickvals: t['yaxis.tickvals'], ticktext: t['yaxis.ticktext'] },
      images: [imageOf(frame)],
      annotations: scene.empty ? [emptyAnnotation(scene.empty)] : [],
      dragmode: 'zoom',
      hovermode: false,
      showlegend: false,
      plot_bgcolor: '#f6f8fa',
      paper_bgcolor: 'rgba(0,0,0,0)',
      font: { size: 11, color: getComputedStyle(this.node).getPropertyValue('--jp-ui-font-color1').trim() || '#333' }
    };
    const config = { scrollZoom: true, displaylogo: false, responsive: false, doubleClick: 'reset', modeBarButtonsToRemove: ['select2d', 'lasso2d', 'autoScale2d'] };
    const t0 = performance.now();
    this.placeholder?.remove();
    if (this.isDisposed) {
      return { plotlyMs, rasterMs: frame.rasterMs, encodeMs: frame.encodeMs, plotMs: 0, totalMs: performance.now() - start };
    }
    this.gd = await plotly.newPlot(this.plot, traces, layout, config);
    this.gd.on('plotly_relayout', event => {
      if (Object.keys(event).some(k => /^(xaxis|yaxis)\.(range|autorange)|^(width|height)$/.test(k))) {
        this.zoomAt = performance.now();
        this.schedule();
      }
    });
    await painted();
    const plotMs = performance.now() - t0;
    this.resolvePainted({ kind: 'interactive', at: performance.now() });
    this.frames_ = 1;
    this.node.dataset.state = 'drawn';
    this.node.dataset.frames = '1';
    if (scene.empty) {
      this.node.dataset.empty = 'true';
    } else {
      delete this.node.dataset.empty;
    }
    this.footer.textContent = this.legend();
    this.observeResize();
    this.prepareNative(scene);
    // plotly may widen a range to keep the aspect: draw again if the axes differ from the frame.
    this.schedule();
    return { plotlyMs, rasterMs: frame.rasterMs, encodeMs: frame.encodeMs, plotMs, totalMs: performance.now() - start };
  }

  protected onAfterAttach(): void {
    this.resolveAttached();
  }

  dispose(): void {
    if (this.isDisposed) {
      return;
    }
    this.observer?.disconnect();
    this.plot.removeEventListener('mousemove', this.onMove);
    this.plot.removeEventListener('mouseleave', this.onLeave);
    if (this.pending) {
      cancelAnimationFrame(this.pending);
    }
    if (this.nativeTimer) {
      clearTimeout(this.nativeTimer);
    }
    this.nativeGeneration++;
    if (this.plotly && this.gd) {
      this.plotly.purge(this.plot);
    }
    this.gd = undefined;
    this.scene = undefined;
    this.base = undefined;
    this.refined = undefined;
    super.dispose();
  }

  private legend(): string {
    const s = this.scene!;
    if (s.empty || !s.clim) {
      return s.empty ?? 'nothing to draw';
    }
    const [lo, hi] = s.clim;
    const arrows = s.layers.some(l => l.vectors) ? ` · arrow length ${formatValue(this.reference)}${s.vectorUnits ? ` ${s.vectorUnits}` : ''}` : '';
    return `${s.variable.name}: ${s.colormap} ${formatValue(lo)} .. ${formatValue(hi)}${s.variable.units ? ` ${s.variable.units}` : ''}${arrows} · hover for values, drag to zoom, double-click to reset`;
  }

  private observeResize(): void {
    if (typeof ResizeObserver === 'undefined' || this.observer) {
      return;
    }
    this.observer = new ResizeObserver(() => {
      const width = this.plot.clientWidth;
      if (this.gd && this.plotly && width > 0 && Math.abs(width - this.lastWidth) > 4) {
        this.lastWidth = width;
        void this.plotly.relayout(this.plot, { width: Math.max(360, width) });
      }
    });
    this.observer.observe(this.node);
  }

  /** Re-rasterise for the current axes on the next animation frame (coalesced, one at a time). */
  private schedule(): void {
    if (this.redrawing) {
      this.dirty = true;
      return;
    }
    if (this.pending) {
      return;
    }
    this.pending = requestAnimationFrame(() => {
      this.pending = 0;
      this.redrawing = true;
      void this.redraw().finally(() => {
        this.redrawing = false;
        if (this.dirty && !this.isDisposed) {
          this.dirty = false;
          this.schedule();
        }
      });
    });
  }

  private async redraw(): Promise<void> {
    const gd = this.gd;
    const full = gd?._fullLayout;
    if (!gd || !full || !this.scene || !this.plotly) {
      return;
    }
    const [x0, x1] = full.xaxis.range.map(Number);
    const [y0, y1] = full.yaxis.range.map(Number);
    const current = this.frame?.view;
    const { w, h } = full._size;
    const dpr = Math.min(2, window.devicePixelRatio || 1);
    const W = Math.max(1, Math.round(w * dpr));
    const H = Math.max(1, Math.round(h * dpr));
    if (!this.force && current && this.frame && Math.abs(current.x0 - x0) + Math.abs(current.x1 - x1) + Math.abs(current.y0 - y0) + Math.abs(current.y1 - y1) < 1e-9 * (1 + Math.abs(x1 - x0)) && this.frame.raster.width === W && this.frame.raster.height === H) {
      return;
    }
    const view: View = { x0: Math.min(x0, x1), x1: Math.max(x0, x1), y0: Math.min(y0, y1), y1: Math.max(y0, y1) };
    if (view.x1 - view.x0 > 360) {
      const c = (view.x0 + view.x1) / 2;
      view.x0 = c - 180;
      view.x1 = c + 180;
    }
    if (this.scene.coastlines) {
      this.land = await loadLand(view.x1 - view.x0 < 60 ? '50m' : '110m');
    }
    if (this.isDisposed || !this.scene || !this.base) {
      return;
    }
    this.force = false;
    // Zoomed in, the native points read so far are drawn in their window; zoomed out, the payload's only.
    const zoomed = this.zoomedIn(view);
    this.scene = zoomed && this.refined ? this.refined.scene : this.base;
    const wanted = this.nativeWanted;
    const frame = drawFrame(this.scene, view, W, H, this.land, this.reference);
    if (wanted) {
      // The refined frame counts once it is on screen.
      await decoded(frame.uri);
    }
    this.frame = frame;
    this.node.dataset.coastlinePoints = String(this.land?.points ?? 0);
    await this.plotly.relayout(this.plot, { images: [imageOf(frame)], ...ticks(view, w, h) });
    this.frames_++;
    this.node.dataset.frames = String(this.frames_);
    if (wanted && wanted === this.nativeWanted && this.scene === this.refined?.scene) {
      this.nativeWanted = undefined;
      await painted();
      this.node.dataset.nativeMs = (performance.now() - wanted.since).toFixed(1);
      this.setNote('drawn', wanted.note);
      this.node.dataset.nativeFrames = String(Number(this.node.dataset.nativeFrames ?? 0) + 1);
    }
    this.considerNative(view, zoomed);
  }

  /**
   * Open the files of a reduced display's native points once its first frame is on screen, so
   * that a zoom only reads its window (the Web Worker, h5wasm and the file's metadata are ready).
   * A failure here is reported by the zoom that needs the file, not before.
   */
  private prepareNative(scene: Scene): void {
    const sources = [...new Map(scene.layers.filter(refinable).map(l => [l.source.path, l.source])).values()].slice(0, 4);
    if (!this.nativeReader || sources.length === 0) {
      return;
    }
    setTimeout(() => {
      if (this.isDisposed || this.base !== scene || !this.nativeReader) {
        return;
      }
      this.reader = this.reader ?? this.nativeReader();
      this.reader.then(r => Promise.all(sources.map(s => r.prepare(s)))).catch(() => undefined);
    }, 0);
  }

  /** The view is smaller than the first one (the whole display) in either direction. */
  private zoomedIn(view: View): boolean {
    const home = this.home;
    return !!home && (view.x1 - view.x0 < 0.8 * (home.x1 - home.x0) || view.y1 - view.y0 < 0.8 * (home.y1 - home.y0));
  }

  private setNote(state: 'reduced' | 'loading' | 'drawn' | 'unavailable', text: string | undefined): void {
    this.node.dataset.native = state;
    this.note.textContent = text ?? '';
    this.note.hidden = !text;
    this.note.dataset.state = state;
  }

  /** After a frame of `view`: read the native points it needs, if the display was reduced and they are reachable. */
  private considerNative(view: View, zoomed: boolean): void {
    const base = this.base;
    if (!base || !this.nativeReader || !base.layers.some(refinable)) {
      return;
    }
    const lod = levelOfDetail(base);
    if (!zoomed) {
      this.nativeGeneration++;
      this.setNote('reduced', undefined);
      return;
    }
    if (this.nativeFailure) {
      this.setNote('unavailable', unavailableNote(this.nativeFailure, base));
      return;
    }
    const windows = nativeWindows(base, view);
    if (windows.length === 0) {
      return;
    }
    const points = windows.reduce((n, w) => n + w.points, 0);
    if (points > this.nativeBudget) {
      this.nativeGeneration++;
      this.setNote('reduced', `${lod}: zoom in further for native resolution.`);
      return;
    }
    const have = this.refined?.refinements;
    if (have && windows.every(w => have.some(r => windowContains(r.window, w)))) {
      this.setNote('drawn', nativeNote(have.reduce((n, r) => n + r.window.points, 0)));
      return;
    }
    const generation = ++this.nativeGeneration;
    const since = this.zoomAt || performance.now();
    if (this.nativeTimer) {
      clearTimeout(this.nativeTimer);
    }
    this.nativeTimer = setTimeout(() => {
      this.nativeTimer = undefined;
      void this.readNative(generation, since, base, windows);
    }, NATIVE_DELAY_MS);
  }

  private async readNative(generation: number, since: number, base: Scene, windows: ReturnType<typeof nativeWindows>): Promise<void> {
    if (generation !== this.nativeGeneration || this.isDisposed) {
      return;
    }
    this.setNote('loading', 'Reading native points…');
    try {
      this.reader = this.reader ?? this.nativeReader!();
      const reader = await this.reader;
      const refinements: Refinement[] = [];
      for (const w of windows) {
        const layer = base.layers[w.layer];
        if (!refinable(layer)) continue;
        refinements.push({ window: w, data: await reader.read(layer.source, w.lines, w.pixels) });
        if (generation !== this.nativeGeneration || this.isDisposed) {
          return;
        }
      }
      const scene = refineScene(base, refinements);
      if (generation !== this.nativeGeneration || this.isDisposed || base !== this.base) {
        return;
      }
      this.refined = { scene, refinements };
      // 'drawn' once the refined frame is on screen (redraw), not before.
      this.nativeWanted = { generation, since, note: nativeNote(windows.reduce((n, w) => n + w.points, 0)) };
      this.force = true;
      this.schedule();
    } catch (error) {
      if (generation !== this.nativeGeneration || this.isDisposed) {
        return;
      }
      this.reader = undefined;
      const message = error instanceof Error ? error.message : String(error);
      this.nativeFailure = message.length > 240 ? `${message.slice(0, 240)}…` : message;
      this.setNote('unavailable', unavailableNote(this.nativeFailure, base));
    }
  }

  private onMove = (event: MouseEvent): void => {
    const gd = this.gd;
    const full = gd?._fullLayout;
    const frame = this.frame;
    if (!gd || !full || !frame || !this.scene) {
      return;
    }
    const rect = gd.getBoundingClientRect();
    const { l, t, w, h } = full._size;
    const x = event.clientX - rect.left - l;
    const y = event.clientY - rect.top - t;
    if (x < 0 || y < 0 || x > w || y > h) {
      this.onLeave();
      return;
    }
    const [x0, x1] = full.xaxis.range;
    const [y0, y1] = full.yaxis.range;
    const lon = x0 + (x / w) * (x1 - x0);
    const lat = y1 - (y / h) * (y1 - y0);
    const v = frame.view;
    const i = ((lon - v.x0) / (v.x1 - v.x0)) * frame.raster.width;
    const j = ((v.y1 - lat) / (v.y1 - v.y0)) * frame.raster.height;
    const readout = readoutAt(this.scene, frame.raster, i, j);
    if (!readout) {
      this.tooltip.hidden = true;
      this.footer.textContent = `${formatLon(lon)} ${formatLat(lat)}: no value`;
      return;
    }
    this.tooltip.textContent = readout.lines.join('\n');
    this.tooltip.hidden = false;
    const box = this.node.getBoundingClientRect();
    this.tooltip.style.left = `${event.clientX - box.left + 14}px`;
    this.tooltip.style.top = `${event.clientY - box.top + 14}px`;
    this.footer.textContent = readout.lines.join(' · ');
  };

  private onLeave = (): void => {
    this.tooltip.hidden = true;
    if (this.scene) {
      this.footer.textContent = this.legend();
    }
  };
}
