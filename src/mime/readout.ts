/**
 * The hover readout: the real value of the real point under the cursor
 * (the raster remembers which point each pixel shows), with its
 * coordinates, units, line and pixel, cycle and pass.
 */
import { formatLat, formatLon, formatValue, Raster, Scene } from '../core/render';

export interface Readout {
  lon: number;
  lat: number;
  value: number;
  lines: string[];
}

/** What the point at raster pixel (i, j) is, or undefined where nothing is drawn. */
export function readoutAt(scene: Scene, raster: Raster, i: number, j: number): Readout | undefined {
  if (!(i >= 0 && j >= 0 && i < raster.width && j < raster.height)) {
    return undefined;
  }
  const p = Math.floor(j) * raster.width + Math.floor(i);
  const id = raster.layer[p];
  if (id < 0) {
    return undefined;
  }
  const layer = scene.layers[id];
  const k = raster.index[p];
  const value = layer.value[k];
  const units = scene.variable.units ? ` ${scene.variable.units}` : '';
  let lon: number;
  let lat: number;
  const where: string[] = [];
  if (layer.kind === 'swath') {
    lon = layer.lon[k];
    lat = layer.lat[k];
    const i0 = Math.floor(k / layer.pixels);
    const j0 = k % layer.pixels;
    const line = layer.line0 + i0 * layer.lineStep;
    const pixel = layer.pixel0 + j0 * layer.pixelStep;
    const lod = layer.lineStep > 1 ? ` (mean of ${layer.lineStep} x ${layer.pixelStep})` : '';
    where.push(`line ${line}, pixel ${pixel}${lod}`);
    if (layer.cycle !== undefined || layer.pass !== undefined) {
      where.push(`cycle ${layer.cycle ?? '?'}, pass ${layer.pass ?? '?'}${layer.label ? ` (${layer.label})` : ''}`);
    } else if (layer.label) {
      where.push(layer.label);
    }
  } else {
    const nx = layer.lon.length;
    lon = layer.lon[k % nx];
    lat = layer.lat[Math.floor(k / nx)];
    where.push(`row ${Math.floor(k / nx)}, column ${k % nx}${layer.label ? ` (${layer.label})` : ''}`);
  }
  return {
    lon,
    lat,
    value,
    lines: [`${formatLon(lon)} ${formatLat(lat)}`, `${scene.variable.name} = ${formatValue(value)}${units}`, ...where]
  };
}
