/**
 * Zoom to native resolution (issue 12): a display whose swath layers were
 * reduced by block means (lod.ts) carries, per layer, where its native
 * points are (LayerSource). When the view is zoomed in, the browser works out
 * which native lines and pixels the view needs (nativeWindow), reads them
 * itself, and draws them instead of the reduced points of that window only
 * (refineScene): the reduced blocks covered by the window are skipped and a
 * full-resolution layer is drawn on top, so that the two tile exactly.
 * Pure functions: no DOM, no reader.
 */
import { swathGeometry } from './geometry';
import { Layer, LayerSource, Scene, SwathLayer } from './scene';
import { SwathWindow } from './layers';
import { toFrame, View } from './view';

/** The native lines and pixels a view needs from one reduced layer. */
export interface NativeWindow {
  /** Index of the layer in the scene. */
  layer: number;
  /** Native lines and pixels, [start, stop), in the layer's file (group): what to read. */
  lines: [number, number];
  pixels: [number, number];
  /** The reduced layer's own lines and pixels, [start, stop), that the window replaces. */
  reduced: { lines: [number, number]; pixels: [number, number] };
  /** Native points to read (lines x pixels). */
  points: number;
}

/** A layer that can be refined: a reduced swath that says where its native points are. */
export function refinable(layer: Layer): layer is SwathLayer & { source: LayerSource } {
  return layer.kind === 'swath' && layer.source !== undefined && layer.source.factor > 1;
}

/**
 * Which native lines and pixels of `layer` (scene index `index`) `view`
 * shows: the bounding range of the reduced points whose footprint reaches
 * into the view, widened to whole blocks of `factor` native points. Undefined
 * when the layer is not refinable or nothing of it is in the view.
 *
 * @example
 * const w = nativeWindow(scene.layers[0], 0, { x0: 10, x1: 10.2, y0: 40, y1: 40.2 }); // w.lines, w.pixels to read
 */
export function nativeWindow(layer: Layer, index: number, view: View): NativeWindow | undefined {
  if (!refinable(layer)) {
    return undefined;
  }
  const { lines, pixels, lon, lat, source } = layer;
  const f = source.factor;
  // A reduced point is needed when its footprint (up to one block around its centre) reaches the view.
  const reach = Math.min(5, swathGeometry(layer).reach);
  const xc = (view.x0 + view.x1) / 2;
  const x0 = view.x0 - reach;
  const x1 = view.x1 + reach;
  const y0 = view.y0 - reach;
  const y1 = view.y1 + reach;
  let a0 = Infinity;
  let a1 = -Infinity;
  let b0 = Infinity;
  let b1 = -Infinity;
  for (let a = 0; a < lines; a++) {
    const row = a * pixels;
    for (let b = 0; b < pixels; b++) {
      const k = row + b;
      const y = lat[k];
      if (!(y >= y0 && y <= y1)) continue;
      const x = toFrame(lon[k], xc);
      if (!(x >= x0 && x <= x1)) continue;
      // Points without a value count too: their native pixels may have some.
      if (a < a0) a0 = a;
      if (a > a1) a1 = a;
      if (b < b0) b0 = b;
      if (b > b1) b1 = b;
    }
  }
  if (!(a1 >= a0 && b1 >= b0)) {
    return undefined;
  }
  const [l0, lStop] = source.lines;
  const [p0, pStop] = source.pixels;
  const nl: [number, number] = [l0 + a0 * f, Math.min(lStop, l0 + (a1 + 1) * f)];
  const np: [number, number] = [p0 + b0 * f, Math.min(pStop, p0 + (b1 + 1) * f)];
  return {
    layer: index,
    lines: nl,
    pixels: np,
    reduced: { lines: [a0, a1 + 1], pixels: [b0, b1 + 1] },
    points: (nl[1] - nl[0]) * (np[1] - np[0])
  };
}

/** The windows `view` needs from every refinable layer of `scene`. */
export function nativeWindows(scene: Scene, view: View): NativeWindow[] {
  return scene.layers.map((layer, k) => nativeWindow(layer, k, view)).filter((w): w is NativeWindow => w !== undefined);
}

/** `inner` lies within `outer` (same layer). */
export function windowContains(outer: NativeWindow, inner: NativeWindow): boolean {
  return (
    outer.layer === inner.layer &&
    outer.lines[0] <= inner.lines[0] &&
    outer.lines[1] >= inner.lines[1] &&
    outer.pixels[0] <= inner.pixels[0] &&
    outer.pixels[1] >= inner.pixels[1]
  );
}

/** A window and the native points read for it. */
export interface Refinement {
  window: NativeWindow;
  data: SwathWindow;
}

function asFloat32(a: ArrayLike<number>): Float32Array {
  return a instanceof Float32Array ? a : Float32Array.from(a);
}

function asCoordinates(a: ArrayLike<number>): Float32Array | Float64Array {
  return a instanceof Float64Array || a instanceof Float32Array ? a : Float64Array.from(a);
}

/**
 * `scene` with each refined layer's reduced points inside its window skipped
 * and the native points drawn on top (appended after every base layer, in
 * the order of `refinements`). The native layers number their lines and
 * pixels as the product does (steps of 1), so the hover readout names the
 * real line and pixel. Other layers, and the base scene, are left as they are.
 *
 * @throws RangeError when the data read do not match their window
 */
export function refineScene(scene: Scene, refinements: readonly Refinement[]): Scene {
  const layers: Layer[] = scene.layers.slice();
  const native: SwathLayer[] = [];
  for (const { window: w, data } of refinements) {
    const base = scene.layers[w.layer];
    if (!refinable(base)) {
      throw new RangeError(`layer ${w.layer} cannot be refined`);
    }
    const n = data.lines * data.pixels;
    if (data.lines !== w.lines[1] - w.lines[0] || data.pixels !== w.pixels[1] - w.pixels[0] || data.value.length !== n || data.lon.length !== n || data.lat.length !== n) {
      throw new RangeError(`layer ${w.layer}: ${data.lines} x ${data.pixels} native points read for a window of ${w.lines[1] - w.lines[0]} x ${w.pixels[1] - w.pixels[0]}`);
    }
    layers[w.layer] = { ...base, skip: { lines: w.reduced.lines, pixels: w.reduced.pixels } };
    const src = base.source;
    const layer: SwathLayer = {
      kind: 'swath',
      lines: data.lines,
      pixels: data.pixels,
      lon: asCoordinates(data.lon),
      lat: asCoordinates(data.lat),
      value: asFloat32(data.value),
      // The base layer's numbering (line0 of a pass run) shifted to the window.
      line0: base.line0 + (w.lines[0] - src.lines[0]),
      pixel0: base.pixel0 + (w.pixels[0] - src.pixels[0]),
      lineStep: 1,
      pixelStep: 1
    };
    if (base.label) layer.label = base.label;
    if (base.cycle !== undefined) layer.cycle = base.cycle;
    if (base.pass !== undefined) layer.pass = base.pass;
    native.push(layer);
  }
  return { ...scene, layers: [...layers, ...native] };
}
