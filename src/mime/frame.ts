/**
 * One frame of the swath view: the scene rasterised for the current view at
 * the plot's pixel size, painted (land, data, coastlines, arrows) and
 * encoded as a PNG data URI for a plotly layout image.
 */
import {
  colormap,
  createImage,
  drawArrows,
  drawCoastlines,
  LandGeometry,
  landMask,
  paintRaster,
  Raster,
  rasterize,
  Scene,
  View
} from '../core/render';

export interface Frame {
  view: View;
  raster: Raster;
  /** PNG data URI of the painted raster (row 0 = north). */
  uri: string;
  /** Milliseconds spent rasterising and painting, and encoding the PNG. */
  rasterMs: number;
  encodeMs: number;
  arrows: number;
}

const COAST: [number, number, number, number] = [45, 45, 45, 235];
const ARROW: [number, number, number, number] = [15, 15, 15, 230];

let canvas: HTMLCanvasElement | undefined;

/** Paint `scene` over `view` into a width x height image. */
export function drawFrame(scene: Scene, view: View, width: number, height: number, land: LandGeometry | undefined, reference: number): Frame {
  const t0 = performance.now();
  const raster = rasterize(scene.layers, view, width, height);
  const image = createImage(width, height);
  const mask = land ? landMask(land, view, width, height) : undefined;
  paintRaster(image, raster, colormap(scene.colormap), scene.clim, mask);
  if (land) {
    drawCoastlines(image, land, view, COAST);
  }
  const arrows = scene.layers.some(l => l.vectors) ? drawArrows(image, scene.layers, view, reference, ARROW, 26) : 0;
  const t1 = performance.now();
  canvas = canvas ?? document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d')!;
  context.putImageData(new ImageData(image.data as Uint8ClampedArray<ArrayBuffer>, width, height), 0, 0);
  const uri = canvas.toDataURL('image/png');
  const t2 = performance.now();
  return { view, raster, uri, rasterMs: t1 - t0, encodeMs: t2 - t1, arrows };
}

/** Resolves when the browser has decoded the image (so the first frame shows it). */
export async function decoded(uri: string): Promise<void> {
  const img = new Image();
  img.src = uri;
  try {
    await img.decode();
  } catch {
    // A decode failure shows as a missing image; the plot still works.
  }
}
