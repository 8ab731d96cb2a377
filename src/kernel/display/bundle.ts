/**
 * A display bundle: the interactive payload for the JupyterLab renderer, a
 * static PNG made here in Node (nbviewer, GitHub, HTML export) and a text
 * summary (plain terminals, text export).
 */
import { deflateSync, inflateSync } from 'node:zlib';
import { describeProduct } from '../../core';
import {
  decodePayload,
  encodePayload,
  formatLat,
  formatLon,
  formatValue,
  Layers,
  renderFigure,
  SceneOptions,
  SWATH_MIME,
  SwathPayload
} from '../../core/render';
import { landFor } from './land';
import { figurePng } from './figure-png';

export interface SwathBundle {
  'text/plain': string;
  /** Base64 PNG (absent with png: false). */
  'image/png'?: string;
  [SWATH_MIME]: SwathPayload;
}

const deflate = (bytes: Uint8Array): Uint8Array => deflateSync(bytes, { level: 6 });

function countValid(values: ArrayLike<number>): number {
  let n = 0;
  for (let i = 0; i < values.length; i++) {
    const x = values[i];
    if (x - x === 0) n++;
  }
  return n;
}

/** The text/plain summary of a display. */
export function summarize(layers: Layers, payload: SwathPayload): string {
  const units = payload.variable.units ? ` [${payload.variable.units}]` : '';
  const lines = [`<swot.show> ${payload.variable.name}${units}${layers.product ? ` · ${describeProduct(layers.product)}` : ''}`];
  if (payload.empty) {
    // Nothing drawable: say so, and no colour map or limits.
    lines.push(payload.empty);
  }
  const swaths = layers.layers.filter(l => l.kind === 'swath').length;
  const grids = layers.layers.length - swaths;
  const kinds = [swaths ? `${swaths} swath layer${swaths > 1 ? 's' : ''}` : '', grids ? `${grids} grid layer${grids > 1 ? 's' : ''}` : ''].filter(Boolean).join(', ');
  const valid = layers.layers.reduce((n, l) => n + countValid(l.value), 0);
  const lod = layers.factor > 1 ? `, level of detail 1/${layers.factor} per axis from ${layers.sourcePoints} points` : '';
  lines.push(`${kinds || 'no layer'}: ${payload.points} points (${valid} with a value)${lod}`);
  const passes = layers.layers
    .map(l => (l.kind === 'swath' && (l.cycle !== undefined || l.pass !== undefined) ? `c${l.cycle ?? '?'}/p${l.pass ?? '?'}${l.label ? ` ${l.label}` : ''}` : l.label))
    .filter(Boolean);
  if (passes.length > 0) {
    lines.push(`passes: ${passes.slice(0, 12).join(', ')}${passes.length > 12 ? `, ... (${passes.length})` : ''}`);
  }
  if (payload.clim) {
    const [lo, hi] = payload.clim;
    lines.push(`colour map ${payload.colormap}, limits ${formatValue(lo)} .. ${formatValue(hi)}${units} (${payload.climSource})`);
  }
  const e = payload.extent;
  const lon = e.x1 - e.x0 >= 359.9 ? 'all longitudes' : `lon ${formatLon(e.x0)} .. ${formatLon(e.x1)}`;
  lines.push(`extent ${lon}, lat ${formatLat(e.y0)} .. ${formatLat(e.y1)}`);
  return lines.join('\n');
}

/**
 * The bundle for `layers`.
 *
 * @example
 * const bundle = await buildBundle(layers, { variable: { name: 'ssha_filtered', units: 'm' } });
 */
export async function buildBundle(layers: Layers, options: SceneOptions, png = true): Promise<SwathBundle> {
  const payload = encodePayload(layers.layers, options, deflate, layers.factor > 1 ? layers.sourcePoints : undefined);
  const bundle: SwathBundle = { 'text/plain': summarize(layers, payload), [SWATH_MIME]: payload };
  if (png) {
    // The figure is drawn from the decoded payload: exactly what the browser receives.
    const scene = await decodePayload(payload, bytes => new Uint8Array(inflateSync(bytes)));
    const figure = renderFigure(scene, scene.coastlines ? landFor(scene.extent) : undefined);
    bundle['image/png'] = Buffer.from(figurePng(figure)).toString('base64');
  }
  return bundle;
}
