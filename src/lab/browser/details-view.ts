/**
 * Details of the browser's selection (a pass file, a store, a cycle folder, or
 * the filtered folder itself) and what can be done with it: code inserted into
 * the active notebook in its kernel's language, a new notebook with it, a quick
 * look on the map, the viewer, the path copied. The structure of a pass or a
 * store (dimensions, variables, attributes) is read in the browser, in place.
 */
import { Clipboard, Notification } from '@jupyterlab/apputils';
import { INotebookTracker } from '@jupyterlab/notebook';
import { CommandRegistry } from '@lumino/commands';
import { Panel, Widget } from '@lumino/widgets';
import { BrowseRow, describeRow } from '../../core/browse';
import type { LocationFormat } from '../../core/catalog';
import { openSelectionSnippet, SnippetSelection } from '../../core/snippets';
import { SwathView } from '../../mime/swath-view';
import { el } from '../dom';
import { errorMessage } from '../error-message';
import { StructureView } from '../structure-view';
import { CommandIDs } from '../tokens';
import { defaultVariable, drawableVariables } from '../viewer/drawable';
import { drawVariable } from '../viewer/draw-variable';
import { OpenedDataset, openInBrowser } from '../viewer/open-in-browser';
import { BrowserModel, isDataset } from './browser-model';
import { activeNotebook, CodeLanguage, insertCode, newNotebookWith, notebookLanguage } from './notebook-code';

/** Points drawn at most in the sidebar's quick look (a 2 km pass is ~680,000). */
const QUICK_LOOK_POINTS = 400_000;

export interface DetailsOptions {
  model: BrowserModel;
  commands: CommandRegistry;
  notebooks: INotebookTracker | null;
  /** The server root's real path, to give kernels absolute paths. */
  serverRoot: () => string | undefined;
  cwd: () => string;
}

/** An absolute path for kernels (whose working folder is the notebook's). */
export function absolutePath(path: string, serverRoot: string | undefined): string {
  if (path.startsWith('/') || !serverRoot) {
    return path;
  }
  return `${serverRoot.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}

export class DetailsView extends Panel {
  private readonly header = new Widget();
  private readonly actions = new Widget();
  private readonly status = el('div', 'jp-swot-details-status');
  private readonly structure = new Panel();
  private readonly look = new Panel();
  private opened: OpenedDataset | undefined;
  private ticket = 0;

  constructor(private readonly options: DetailsOptions) {
    super();
    this.addClass('jp-swot-selection');
    this.header.addClass('jp-swot-selection-header');
    this.actions.addClass('jp-swot-actions');
    this.look.addClass('jp-swot-quickLook');
    this.structure.addClass('jp-swot-selection-structure');
    this.addWidget(this.header);
    this.addWidget(this.actions);
    this.addWidget(new Widget({ node: this.status }));
    this.addWidget(this.look);
    this.addWidget(this.structure);
    options.model.changed.connect(this.onModel, this);
    this.render();
  }

  dispose(): void {
    this.options.model.changed.disconnect(this.onModel, this);
    this.closeDataset();
    super.dispose();
  }

  private closeDataset(): void {
    this.opened?.close();
    this.opened = undefined;
  }

  private onModel(_: BrowserModel, what: string): void {
    if (what === 'selection' || what === 'location' || (what === 'filters' && !this.options.model.selected)) {
      this.render();
    }
  }

  /** What the actions act on: the selected row, else the listed folder with the filters. */
  target(): { row: BrowseRow | null; path: string | null; format: LocationFormat } {
    const { model } = this.options;
    const row = model.selected;
    const format: LocationFormat = row?.format ?? (row?.kind === 'pass' ? 'netcdf' : (model.location?.format ?? 'netcdf'));
    return { row, path: row?.path ?? model.path, format };
  }

  /** The selection as the snippets take it. */
  selection(): SnippetSelection | undefined {
    const { model, serverRoot } = this.options;
    const { row, path, format } = this.target();
    if (path === null) {
      return undefined;
    }
    const root = serverRoot();
    const filter = model.filters;
    const product = model.location?.product;
    if (row?.kind === 'pass') {
      const file = absolutePath(row.path, root);
      return { ...(product ? { product } : {}), format: 'netcdf', root: file.slice(0, file.lastIndexOf('/')), files: [file] };
    }
    return {
      ...(product ? { product } : {}),
      format,
      root: absolutePath(path, root),
      ...(filter.cycles !== undefined ? { cycles: filter.cycles } : {}),
      ...(filter.passes !== undefined ? { passes: filter.passes } : {}),
      ...(filter.bbox ? { bbox: filter.bbox } : {}),
      ...(filter.start ? { start: filter.start } : {}),
      ...(filter.end ? { end: filter.end } : {})
    };
  }

  private render(): void {
    this.ticket++;
    this.closeDataset();
    this.look.widgets.slice().forEach(w => w.dispose());
    this.structure.widgets.slice().forEach(w => w.dispose());
    this.status.textContent = '';
    this.status.classList.remove('jp-mod-error');
    const { row, path } = this.target();
    this.header.node.replaceChildren();
    this.actions.node.replaceChildren();
    this.setHidden(path === null);
    if (path === null) {
      return;
    }
    const title = row ? row.label : `${this.options.model.crumbs[this.options.model.crumbs.length - 1]?.label ?? path} (this folder, filtered)`;
    this.header.node.append(el('h4', 'jp-swot-selection-title', title), el('div', 'jp-swot-selection-path', absolutePath(path, this.options.serverRoot())));
    if (row) {
      this.header.node.append(el('div', 'jp-swot-selection-facts', describeRow(row)));
    }
    const button = (label: string, cls: string, run: () => unknown, title?: string) => {
      const b = el('button', `jp-swot-action ${cls} jp-mod-styled`, label);
      if (title) {
        b.title = title;
      }
      b.addEventListener('click', () => void Promise.resolve(run()).catch(error => this.fail('Cannot do it', error)));
      this.actions.node.append(b);
    };
    button('Insert code', 'jp-swot-action-insert', () => this.insert(), 'Insert the code opening this selection below the active cell of the active notebook');
    button('New TypeScript notebook', 'jp-swot-action-newTs', () => this.newNotebook('typescript'));
    button('New Python notebook', 'jp-swot-action-newPy', () => this.newNotebook('python'));
    const readable = row !== null && isDataset(row);
    if (readable) {
      button('Quick look', 'jp-swot-action-quickLook', () => this.quickLook(row));
      button('Open in viewer', 'jp-swot-action-viewer', () => this.options.commands.execute(CommandIDs.openViewer, { path: row.path, ...(row.format ? { format: row.format } : {}) }));
    }
    button('Copy path', 'jp-swot-action-copy', () => {
      Clipboard.copyToSystem(absolutePath(path, this.options.serverRoot()));
      this.say('Path copied.');
    });
    if (row !== null && readable) {
      void this.showStructure(row);
    }
  }

  private say(text: string): void {
    this.status.textContent = text;
  }

  private fail(what: string, error: unknown): void {
    const message = errorMessage(what, error);
    this.status.textContent = message;
    this.status.classList.add('jp-mod-error');
  }

  private code(language: CodeLanguage): string {
    const selection = this.selection();
    if (!selection) {
      throw new Error('nothing is selected');
    }
    return openSelectionSnippet(selection, language);
  }

  private async insert(): Promise<void> {
    const panel = activeNotebook(this.options.notebooks);
    if (!panel) {
      this.fail('Insert code', new Error('open a notebook first: the code goes below its active cell'));
      return;
    }
    const language = await notebookLanguage(panel);
    if (!language) {
      this.fail('Insert code', new Error(`the notebook's kernel is neither TypeScript (tslab) nor Python: no snippet for it`));
      return;
    }
    const result = await insertCode(this.options.notebooks, this.code(language), language);
    if (result.ok) {
      this.say(result.message);
    } else {
      this.fail('Insert code', new Error(result.message));
    }
  }

  private async newNotebook(language: CodeLanguage): Promise<void> {
    const panel = await newNotebookWith(this.options.commands, this.code(language), language, this.options.cwd());
    this.say(`Created ${panel.context.path}.`);
  }

  private async open(row: BrowseRow): Promise<OpenedDataset | undefined> {
    if (!this.opened) {
      const ticket = this.ticket;
      const opened = await openInBrowser(row.path, undefined, row.kind === 'pass' ? 'netcdf' : row.format);
      if (ticket !== this.ticket) {
        opened.close();
        return undefined;
      }
      this.opened = opened;
    }
    return this.opened;
  }

  private async showStructure(row: BrowseRow): Promise<void> {
    const ticket = this.ticket;
    this.say('Reading the structure…');
    try {
      const opened = await this.open(row);
      if (!opened || ticket !== this.ticket) {
        return;
      }
      this.structure.addWidget(new StructureView({ info: opened.reader.info, ...(opened.product ? { product: opened.product } : {}) }));
      this.say('');
    } catch (error) {
      if (ticket === this.ticket) {
        this.fail(`Cannot read ${row.path}`, error);
      }
    }
  }

  private async quickLook(row: BrowseRow): Promise<void> {
    const ticket = this.ticket;
    this.say('Drawing…');
    const opened = await this.open(row);
    if (!opened || ticket !== this.ticket) {
      return;
    }
    const name = defaultVariable(drawableVariables(opened.reader.info));
    if (!name) {
      this.say('No variable with latitude/longitude to draw.');
      return;
    }
    this.look.widgets.slice().forEach(w => w.dispose());
    const view = new SwathView();
    this.look.addWidget(view);
    try {
      const account = await drawVariable(view, opened, name, QUICK_LOOK_POINTS, () => ticket === this.ticket);
      if (account !== undefined) {
        this.say(`Quick look: ${name}, ${account}.`);
      }
    } catch (error) {
      if (ticket === this.ticket) {
        this.fail(`Cannot draw ${name}`, error);
        Notification.error(errorMessage(`Cannot draw ${name}`, error));
      }
    }
  }
}
