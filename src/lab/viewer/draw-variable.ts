/**
 * Drawing one variable of a dataset opened in the browser with the swath view
 * (the same widget as the notebook outputs): shared by the viewer and the
 * sidebar's quick look. Large passes are reduced to block means, as show() does.
 */
import { buildScene, readLayers } from '../../core/render';
import { SwathView } from '../../mime/swath-view';
import type { OpenedDataset } from './open-in-browser';

/** Points drawn at most. */
export const MAX_POINTS = 2_000_000;

/** Read `name` and draw it into `view`; returns a one-line account ("2 layers, 680,340 points"). */
export async function drawVariable(view: SwathView, dataset: OpenedDataset, name: string, maxPoints = MAX_POINTS, isCurrent: () => boolean = () => true): Promise<string | undefined> {
  const layers = await readLayers(dataset.reader, name, { maxPoints, timeIndex: 0, ...(dataset.product ? { product: dataset.product } : {}) });
  if (!isCurrent()) {
    return undefined;
  }
  const scene = buildScene(layers.layers, {
    variable: { name, ...(layers.units ? { units: layers.units } : {}), ...(layers.longName ? { longName: layers.longName } : {}) },
    title: layers.longName ? `${name} (${layers.longName})` : name
  });
  await view.setScene(scene);
  const lod = layers.factor > 1 ? `, level of detail 1/${layers.factor}` : '';
  return `${layers.layers.length} layer${layers.layers.length > 1 ? 's' : ''}, ${layers.sourcePoints.toLocaleString('en')} points${lod}`;
}
