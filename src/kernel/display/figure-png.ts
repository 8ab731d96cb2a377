/**
 * The static figure as a PNG: its pixels, encoded once (fast deflate: resvg
 * decodes them straight away), under its text, drawn antialiased in DejaVu
 * Sans by resvg (@resvg/resvg-js, a maintained SVG rasteriser with a prebuilt
 * native binary) from the TTF of the npm package dejavu-fonts-ttf, which
 * ships with the library: no system font is looked up, nothing is fetched.
 */
import { createRequire } from 'node:module';
import type { Resvg as ResvgClass } from '@resvg/resvg-js';
import { Figure, figureSvg } from '../../core/render';
import { encodePng } from './png';

// Resolved from this file at run time (dist/kernel.cjs in a clone or in the
// pip-installed package's kernel_runtime): both are external to the bundle.
const load = createRequire(__filename);
let resvg: { Resvg: typeof ResvgClass; font: string } | undefined;

function rasteriser(): { Resvg: typeof ResvgClass; font: string } {
  resvg ??= {
    Resvg: (load('@resvg/resvg-js') as { Resvg: typeof ResvgClass }).Resvg,
    font: load.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf')
  };
  return resvg;
}

/**
 * PNG bytes of `figure` (renderFigure's pixels and texts).
 *
 * @example
 * const png = figurePng(renderFigure(scene, land));
 */
export function figurePng(figure: Figure): Uint8Array {
  const { Resvg, font } = rasteriser();
  const pixels = `data:image/png;base64,${Buffer.from(encodePng(figure.image, 1)).toString('base64')}`;
  const svg = new Resvg(figureSvg(figure, pixels), {
    font: { fontFiles: [font], loadSystemFonts: false, defaultFontFamily: 'DejaVu Sans' },
    shapeRendering: 2,
    textRendering: 1,
    imageRendering: 1
  });
  return svg.render().asPng();
}
