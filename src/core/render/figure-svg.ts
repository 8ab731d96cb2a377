/**
 * The static figure as an SVG document: its pixels (data, land, coastlines,
 * grid, arrows, frame, colour bar) as one embedded PNG image, its texts as
 * SVG text in DejaVu Sans over it. The kernel rasterises it with resvg
 * (src/kernel/display/figure-png.ts); isomorphic, so a browser could too.
 */
import type { Figure } from './figure';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
const escape = (text: string) => text.replace(/[&<>"]/g, c => ESCAPES[c]);

/** Distance from a line's top to its baseline, in ems (DejaVu Sans: ascent 0.93, text set 0.2 em low). */
const BASELINE = 0.86;

/**
 * The SVG of `figure`, `pixels` the data: URI (or URL) of its image as a PNG.
 *
 * @example
 * const svg = figureSvg(figure, `data:image/png;base64,${base64(encodePng(figure.image))}`);
 */
export function figureSvg(figure: Figure, pixels: string): string {
  const { width, height } = figure.image;
  const texts = figure.texts.map(t => {
    const [r, g, b, a] = t.color;
    const y = (t.y + BASELINE * t.size).toFixed(1);
    return `<text x="${t.x.toFixed(1)}" y="${y}" font-size="${t.size}" text-anchor="${t.anchor}" fill="rgb(${r},${g},${b})"${a < 255 ? ` fill-opacity="${(a / 255).toFixed(3)}"` : ''}>${escape(t.text)}</text>`;
  });
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
    `<image width="${width}" height="${height}" image-rendering="optimizeSpeed" xlink:href="${pixels}"/>`,
    `<g font-family="DejaVu Sans">`,
    ...texts,
    '</g>',
    '</svg>'
  ].join('\n');
}
