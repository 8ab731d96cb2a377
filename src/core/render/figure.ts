/**
 * A complete static figure (title, map with land and coastlines, grid,
 * arrows, axes labels, colour bar with units): what the kernel turns into the
 * image/png of a display bundle, so that notebooks read well in nbviewer, on
 * GitHub and in HTML exports. The pixels of the data and lines are drawn here
 * into an RGBA image, fast, on typed arrays; the text is laid out here (in
 * DejaVu Sans metrics) and drawn antialiased in that font by resvg with the
 * image under it (figure-svg.ts, then src/kernel/display/figure-png.ts).
 */
import { colormap } from './colormaps';
import { createImage, drawArrows, drawCoastlines, drawLine, Image, landMask, paintRaster, RGBA, vectorReference } from './draw';
import { fitText, textWidth, wrapText } from './text';
import { rasterize } from './rasterize';
import { Scene } from './scene';
import { LandGeometry } from './topojson';
import { fitAspect, formatLat, formatLon, formatValue, localRatio, niceTicks } from './view';

export interface FigureOptions {
  /** Width of the map area in pixels (default 720). */
  mapWidth?: number;
  /** Bounds on the map area's height (default 240 .. 560). */
  minMapHeight?: number;
  maxMapHeight?: number;
}

const INK: RGBA = [40, 40, 40, 255];
const GRID: RGBA = [90, 90, 90, 70];
const COAST: RGBA = [50, 50, 50, 230];
const OCEAN: RGBA = [246, 248, 250, 255];
const WHITE: RGBA = [255, 255, 255, 255];
/** Font sizes (px): labels and ticks, the title. */
const S = 13;
const TITLE = 15;
const LINE = Math.round(S * 1.2);

/** One text of the figure: its top-left (or top-centre, top-right) corner, size and colour. */
export interface FigureText {
  text: string;
  x: number;
  y: number;
  size: number;
  anchor: 'start' | 'middle' | 'end';
  color: RGBA;
}

/** The figure: its pixels (without text) and its texts, to compose (figure-svg.ts). */
export interface Figure {
  image: Image;
  texts: FigureText[];
}

/**
 * Draw `scene` as a static figure.
 *
 * @example
 * const figure = renderFigure(scene, decodeLand(land50m));
 * const png = figurePng(figure); // kernel side
 */
export function renderFigure(scene: Scene, land: LandGeometry | undefined, options: FigureOptions = {}): Figure {
  const texts: FigureText[] = [];
  const drawText = (text: string, x: number, y: number, size = S, anchor: FigureText['anchor'] = 'start') => texts.push({ text, x, y, size, anchor, color: INK });
  const mapW = options.mapWidth ?? 720;
  let view = scene.extent;
  const ratio = localRatio(view);
  const natural = (mapW * (view.y1 - view.y0) * ratio) / (view.x1 - view.x0);
  const mapH = Math.round(Math.max(options.minMapHeight ?? 240, Math.min(options.maxMapHeight ?? 560, natural)));
  view = fitAspect(view, mapW, mapH, ratio);

  const latTicks = niceTicks(view.y0, view.y1, Math.max(3, Math.round(mapH / 90)));
  const lonTicks = niceTicks(view.x0, view.x1, Math.max(3, Math.round(mapW / 120)));
  const left = Math.ceil(14 + Math.max(...latTicks.map(t => textWidth(formatLat(t), S))));
  const top = scene.title ? 12 + Math.round(TITLE * 1.2) + 8 : 14;
  const cmap = colormap(scene.colormap);
  // No limits (nothing to draw): no colour bar, a message on the map instead.
  const clim = scene.clim;
  const [lo, hi] = clim ?? [0, 0];
  const colorbar = scene.colorbar && clim !== null;
  const barTicks = colorbar ? niceTicks(lo, hi, 6).filter(t => t >= lo && t <= hi) : [];
  const barLabelW = Math.max(textWidth(formatValue(lo), S), ...barTicks.map(t => textWidth(formatValue(t), S)));
  const unitsW = textWidth(scene.variable.units ?? '', S);
  const right = colorbar ? Math.ceil(24 + 16 + 8 + Math.max(barLabelW, unitsW - 24) + 12) : 16;
  const bottom = 12 + LINE + 12;
  const W = left + mapW + right;
  const H = top + mapH + bottom;
  const image = createImage(W, H, WHITE);

  // Map: ocean background, data over land fill, grid, coastlines, arrows.
  for (let j = top; j < top + mapH; j++) {
    for (let i = left; i < left + mapW; i++) {
      image.data.set(OCEAN, 4 * (j * W + i));
    }
  }
  const raster = rasterize(scene.layers, view, mapW, mapH);
  const mask = scene.coastlines && land ? landMask(land, view, mapW, mapH) : undefined;
  paintRaster(image, raster, cmap, clim, mask, undefined, left, top);
  const sx = mapW / (view.x1 - view.x0);
  const sy = mapH / (view.y1 - view.y0);
  if (scene.grid) {
    for (const t of lonTicks) drawLine(image, (t - view.x0) * sx, 0, (t - view.x0) * sx, mapH, GRID, left, top, mapW, mapH);
    for (const t of latTicks) drawLine(image, 0, (view.y1 - t) * sy, mapW, (view.y1 - t) * sy, GRID, left, top, mapW, mapH);
  }
  if (scene.coastlines && land) {
    drawCoastlines(image, land, view, COAST, left, top, mapW, mapH);
  }
  if (scene.layers.some(l => l.vectors)) {
    drawArrows(image, scene.layers, view, scene.vectorScale ?? vectorReference(scene.layers), [20, 20, 20, 220], 28, left, top, mapW, mapH);
  }

  // Frame, ticks and labels.
  const frame = (x0: number, y0: number, x1: number, y1: number) => {
    drawLine(image, x0, y0, x1, y0, INK);
    drawLine(image, x1, y0, x1, y1, INK);
    drawLine(image, x1, y1, x0, y1, INK);
    drawLine(image, x0, y1, x0, y0, INK);
  };
  frame(left - 1, top - 1, left + mapW, top + mapH);
  for (const t of lonTicks) {
    const x = left + (t - view.x0) * sx;
    drawLine(image, x, top + mapH, x, top + mapH + 4, INK);
    const label = formatLon(t);
    drawText(label, x, top + mapH + 7, S, 'middle');
  }
  for (const t of latTicks) {
    const y = top + (view.y1 - t) * sy;
    drawLine(image, left - 5, y, left - 1, y, INK);
    const label = formatLat(t);
    drawText(label, left - 8, y - LINE / 2, S, 'end');
  }
  if (scene.title) {
    drawText(fitText(scene.title, W - 24, TITLE), 12, 10, TITLE);
  }
  if (scene.empty) {
    texts.push(...drawMessage(image, scene.empty, left, top, mapW, mapH));
  }

  // Colour bar: a vertical gradient with value ticks, units on top.
  if (colorbar) {
    const bx = left + mapW + 24;
    const bw = 16;
    const by = top + LINE + 8;
    const bh = mapH - LINE - 8;
    for (let j = 0; j < bh; j++) {
      const k = Math.min(255, Math.floor(((bh - 1 - j) / (bh - 1)) * 256));
      const c: RGBA = [cmap.lut[4 * k], cmap.lut[4 * k + 1], cmap.lut[4 * k + 2], 255];
      for (let i = 0; i < bw; i++) image.data.set(c, 4 * ((by + j) * W + bx + i));
    }
    frame(bx - 1, by - 1, bx + bw, by + bh);
    for (const t of barTicks) {
      const y = by + (1 - (t - lo) / (hi - lo)) * (bh - 1);
      drawLine(image, bx + bw, y, bx + bw + 4, y, INK);
      drawText(formatValue(t), bx + bw + 8, y - LINE / 2);
    }
    if (scene.variable.units) {
      drawText(fitText(scene.variable.units, W - bx, S), bx, top);
    }
  }
  return { image, texts };
}

/** A message in a framed white box at the centre of the map area (lines wrapped to fit). */
function drawMessage(image: Image, message: string, left: number, top: number, mapW: number, mapH: number): FigureText[] {
  const pad = 10;
  const lines = wrapText(message, mapW - 4 * pad, S, Math.max(1, Math.floor((mapH - 2 * pad) / (LINE + 4))));
  const w = Math.ceil(Math.max(...lines.map(l => textWidth(l, S)))) + 2 * pad;
  const h = lines.length * (LINE + 4) - 4 + 2 * pad;
  const x0 = Math.round(left + (mapW - w) / 2);
  const y0 = Math.round(top + (mapH - h) / 2);
  for (let j = y0; j < y0 + h; j++) {
    for (let i = x0; i < x0 + w; i++) {
      image.data.set(WHITE, 4 * (j * image.width + i));
    }
  }
  drawLine(image, x0, y0, x0 + w - 1, y0, INK);
  drawLine(image, x0 + w - 1, y0, x0 + w - 1, y0 + h - 1, INK);
  drawLine(image, x0 + w - 1, y0 + h - 1, x0, y0 + h - 1, INK);
  drawLine(image, x0, y0 + h - 1, x0, y0, INK);
  return lines.map((text, k) => ({ text, x: x0 + pad, y: y0 + pad + k * (LINE + 4), size: S, anchor: 'start' as const, color: INK }));
}
