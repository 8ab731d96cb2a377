/**
 * The SWOT viewer of a .nc file or a .zarr store: a variable selector, the
 * selected variable drawn with the swath view (the same widget as the
 * notebook outputs), and the dataset's dimensions, variables and attributes.
 * Text from files is set with textContent only: never interpreted as HTML.
 */
import { Notification } from '@jupyterlab/apputils';
import { Panel, Widget } from '@lumino/widgets';
import { SwathView } from '../../mime/swath-view';
import { errorMessage } from '../error-message';
import { StructureView } from '../structure-view';
import { defaultVariable, drawableVariables } from './drawable';
import { drawVariable, MAX_POINTS } from './draw-variable';
import { OpenedDataset, openInBrowser } from './open-in-browser';

export class SwotViewer extends Panel {
  private readonly select = document.createElement('select');
  private readonly status = document.createElement('span');
  private readonly map = new Panel();
  private view: SwathView | undefined;
  private opened: OpenedDataset | undefined;
  private drawing = 0;
  /** Resolves when the dataset is open and the first variable drawn (or failed). */
  readonly ready: Promise<void>;

  constructor(
    readonly path: string,
    private readonly format?: 'netcdf' | 'zarr' | 'zcollection'
  ) {
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
      this.opened = await openInBrowser(this.path, undefined, this.format);
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
      this.view?.dispose();
      this.view = new SwathView();
      this.map.addWidget(this.view);
      const account = await drawVariable(this.view, dataset, name, MAX_POINTS, () => ticket === this.drawing && !this.isDisposed);
      if (account !== undefined) {
        this.say(account);
      }
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
