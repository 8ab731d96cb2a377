/**
 * The MIME renderer of application/vnd.swot.swath+json: decodes the
 * kernel's payload and hands the scene to a SwathView.
 */
import type { IRenderMime } from '@jupyterlab/rendermime-interfaces';
import { Panel } from '@lumino/widgets';
import { decodePayload, SWATH_MIME, SwathPayload } from '../core/render';
import { inflate, loadPlotly } from './lazy';
import { FirstFrame, SwathView } from './swath-view';

export class SwathRenderer extends Panel implements IRenderMime.IRenderer {
  private readonly view = new SwathView();
  private readonly mimeType: string;
  /** Where the time of the interactive frame went (decode excluded). */
  timing: FirstFrame | undefined;

  constructor(options: IRenderMime.IRendererOptions) {
    super();
    this.mimeType = options.mimeType;
    this.addClass('jp-swot-swath-output');
    this.addWidget(this.view);
  }

  /** Resolves when the first frame (the kernel's PNG, then the interactive map) is on screen. */
  get firstPaint() {
    return this.view.firstPaint;
  }

  async renderModel(model: IRenderMime.IMimeModel): Promise<void> {
    const start = performance.now();
    const payload = model.data[this.mimeType] as unknown as SwathPayload;
    // plotly.js loads while the payload is decoded; the kernel's PNG shows meanwhile.
    void loadPlotly().catch(() => undefined);
    const png = model.data['image/png'];
    if (typeof png === 'string' && png.length > 0) {
      void this.view.showStatic(`data:image/png;base64,${png}`);
    }
    void this.view.firstPaint.then(p => (this.node.dataset.firstPaintMs = (p.at - start).toFixed(1)));
    try {
      const scene = await decodePayload(payload, inflate);
      this.timing = await this.view.setScene(scene);
      this.node.dataset.interactiveMs = (performance.now() - start).toFixed(1);
    } catch (error) {
      const message = document.createElement('pre');
      message.className = 'jp-swot-swath-error';
      message.textContent = `Cannot draw this swath: ${error instanceof Error ? error.message : String(error)}`;
      this.node.appendChild(message);
      throw error;
    }
  }
}

export const rendererFactory: IRenderMime.IRendererFactory = {
  safe: true,
  mimeTypes: [SWATH_MIME],
  defaultRank: 20,
  createRenderer: options => new SwathRenderer(options)
};
