/**
 * The swath renderer, JupyterLab's mimeExtension of this package: outputs of
 * type application/vnd.swot.swath+json (from the kernel library's show())
 * are drawn as an interactive map. plotly.js is loaded on first use only.
 */
import type { IRenderMime } from '@jupyterlab/rendermime-interfaces';
import { rendererFactory } from './renderer';

const extension: IRenderMime.IExtension = {
  id: 'jupyterlab-swot:swath-renderer',
  description: 'Draws SWOT swaths and L4 grids on a map (application/vnd.swot.swath+json).',
  rendererFactory,
  rank: 20,
  dataType: 'json'
};

export default extension;
