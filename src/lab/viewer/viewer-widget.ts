/**
 * The SWOT viewer of a .nc file or a .zarr store: a variable selector, the
 * selected variable drawn with the swath view (the same widget as the
 * notebook outputs), and the dataset's dimensions, variables and attributes.
 * Text from files is set with textContent only: never interpreted as HTML.
 */
import { Notification } from '@jupyterlab/apputils';
import { Panel, Widget } from '@lumino/widgets';
import { buildScene, readLayers } from '../../core/render';
import { SwathView } from '../../mime/swath-view';
import { errorMessage } from '../error-message';
import { StructureView } from '../structure-view';
import { defaultVariable, drawableVariables } from './drawable';
import { OpenedDataset, openInBrowser } from './open-in-browser';

/** Points drawn at most: larger passes are reduced to block means, as swot.show() does. */
const MAX_POINTS = 2_000_000;

export class SwotViewer extends Panel {
  private readonly select = document.createElement('select');
  private readonly status = document.createElement('span');
  private readonly map = new Panel();
  private view: SwathView | undefined;
  private opened: OpenedDataset | undefined;
  private drawing = 0;
  /** Resolves when the dataset is open and the first variable drawn (or failed). */
  readonly ready: Promise<void>;

  constructor(readonly path: string) {
    super();
    this.addClass('jp-swot-viewer');
    const bar = new Widget();
    bar.addClass('jp-swot-viewer-toolbar');
    const label = document.createElement('label');
    label.textContent = 'Variable ';
    label.appendChild(this.select);
    this.select.className = 'jp-swot-viewer-variable';
    this.select.disabled = true;
    this.select.addEventListener('change', () => void this.draw(this.select.value));
    this.status.className = 'jp-swot-viewer-status';
    bar.node.append(label, this.status);
    this.map.addClass('jp-swot-viewer-map');
    this.addWidget(bar);
    this.addWidget(this.map);
    this.ready = this.load();
  }

  /** The variable currently drawn. */
  get variable(): string {
    return this.select.value;
  }

  dispose(): void {
    if (this.isDisposed) {
      return;
    }
    this.opened?.close();
    this.opened = undefined;
    super.dispose();
  }

  private say(text: string): void {
    this.status.textContent = text;
  }

  private async load(): Promise<void> {
    this.say(`opening ${this.path}...`);
    try {
      this.opened = await openInBrowser(this.path);
    } catch (error) {
      this.fail(`Cannot open ${this.path}`, error);
      return;
    }
    if (this.isDisposed) {
      this.opened.close();
      return;
    }
    const { reader, product } = this.opened;
    this.addWidget(new StructureView({ info: reader.info, ...(product ? { product } : {}) }));
    const names = drawableVariables(reader.info);
    for (const name of names) {
      const option = document.createElement('option');
      option.value = name;
      option.textContent = name;
      this.select.appendChild(option);
    }
    const first = defaultVariable(names);
    if (!first) {
      this.say('no variable with latitude/longitude to draw');
      return;
    }
    this.select.value = first;
    this.select.disabled = false;
    await this.draw(first);
  }

  private async draw(name: string): Promise<void> {
    const dataset = this.opened;
    if (!dataset) {
      return;
    }
    const ticket = ++this.drawing;
    this.say(`reading ${name}...`);
    try {
      const layers = await readLayers(dataset.reader, name, { maxPoints: MAX_POINTS, timeIndex: 0, ...(dataset.product ? { product: dataset.product } : {}) });
      if (ticket !== this.drawing || this.isDisposed) {
        return;
      }
      const scene = buildScene(layers.layers, {
        variable: { name, ...(layers.units ? { units: layers.units } : {}), ...(layers.longName ? { longName: layers.longName } : {}) },
        title: layers.longName ? `${name} (${layers.longName})` : name
      });
      this.view?.dispose();
      this.view = new SwathView();
      this.map.addWidget(this.view);
      await this.view.setScene(scene);
      const lod = layers.factor > 1 ? `, level of detail 1/${layers.factor}` : '';
      this.say(`${layers.layers.length} layer${layers.layers.length > 1 ? 's' : ''}, ${layers.sourcePoints.toLocaleString('en')} points${lod}`);
    } catch (error) {
      this.fail(`Cannot draw ${name}`, error);
    }
  }

  private fail(what: string, error: unknown): void {
    const message = errorMessage(what, error);
    this.say(message);
    this.status.classList.add('jp-mod-error');
    Notification.error(message);
  }
}
