/**
 * The data browser of one location: where we are (crumbs), the filters, the
 * rows of the folder (windowed: 10,000 files scroll smoothly), the loading
 * state with a Stop button, and the details of the selection.
 */
import { INotebookTracker } from '@jupyterlab/notebook';
import { CommandRegistry } from '@lumino/commands';
import { Panel, Widget } from '@lumino/widgets';
import { BrowseRow, describeRow } from '../../core/browse';
import { el } from '../dom';
import { BrowserModel } from './browser-model';
import { DetailsView } from './details-view';
import { FiltersView } from './filters-view';
import { VirtualList } from './virtual-list';

const ROW_HEIGHT = 40;

const KIND_LABEL: Record<BrowseRow['kind'], string> = {
  version: 'version',
  subset: 'subset',
  cycle: 'cycle',
  pass: 'pass',
  partition: 'partition',
  store: 'store',
  folder: 'folder',
  file: 'file'
};

export interface BrowserViewOptions {
  commands: CommandRegistry;
  notebooks: INotebookTracker | null;
  serverRoot: () => string | undefined;
  cwd: () => string;
  /** Called by the "← Products" crumb. */
  onBack: () => void;
}

export class BrowserView extends Panel {
  readonly model = new BrowserModel();
  readonly filters: FiltersView;
  readonly details: DetailsView;
  private readonly crumbs = new Widget();
  private readonly state = new Widget();
  private readonly list: VirtualList<BrowseRow>;

  constructor(private readonly options: BrowserViewOptions) {
    super();
    this.addClass('jp-swot-browser');
    this.crumbs.addClass('jp-swot-crumbs');
    this.state.addClass('jp-swot-listState');
    this.filters = new FiltersView(this.model, options.commands);
    this.list = new VirtualList<BrowseRow>({ rowHeight: ROW_HEIGHT, render: (row, i) => this.row(row, i) });
    this.list.addClass('jp-swot-rows');
    this.details = new DetailsView({ model: this.model, commands: options.commands, notebooks: options.notebooks, serverRoot: options.serverRoot, cwd: options.cwd });
    this.addWidget(this.crumbs);
    this.addWidget(this.filters);
    this.addWidget(this.state);
    this.addWidget(this.list);
    this.addWidget(this.details);
    this.model.changed.connect(this.onModel, this);
    this.renderCrumbs();
  }

  dispose(): void {
    this.model.cancel();
    this.model.changed.disconnect(this.onModel, this);
    super.dispose();
  }

  private onModel(_: BrowserModel, what: string): void {
    if (what === 'location') {
      this.renderCrumbs();
      this.list.setItems(this.model.visible, false);
    }
    if (what === 'rows' || what === 'filters') {
      this.list.setItems(this.model.visible);
      this.renderState();
    }
    if (what === 'selection') {
      this.list.setItems(this.model.visible);
    }
  }

  private renderCrumbs(): void {
    const back = el('button', 'jp-swot-back jp-mod-styled', '← Products');
    back.addEventListener('click', () => this.options.onBack());
    const trail = el('div', 'jp-swot-crumbTrail');
    const crumbs = this.model.crumbs;
    crumbs.forEach((c, i) => {
      if (i > 0) {
        trail.append(el('span', 'jp-swot-crumbSep', ' › '));
      }
      const last = i === crumbs.length - 1;
      const crumb: HTMLElement = el(last ? 'span' : 'a', `jp-swot-crumb${last ? ' jp-mod-current' : ''}`, c.label);
      if (!last) {
        crumb.setAttribute('role', 'link');
        crumb.tabIndex = 0;
        crumb.addEventListener('click', () => this.model.up(i));
        crumb.addEventListener('keydown', (e: KeyboardEvent) => e.key === 'Enter' && this.model.up(i));
      }
      trail.append(crumb);
    });
    const product = this.model.location ? el('div', 'jp-swot-browser-product', `${this.model.location.product} · ${this.model.location.format}`) : el('div', '');
    this.crumbs.node.replaceChildren(back, product, trail);
  }

  private renderState(): void {
    const s = this.model.state;
    const node = this.state.node;
    node.classList.toggle('jp-mod-error', s.status === 'error');
    const shown = this.model.visible.length;
    const listed = this.model.rows.length;
    const filtered = shown !== listed ? `${shown.toLocaleString('en')} of ` : '';
    if (s.status === 'loading') {
      const stop = el('button', 'jp-swot-stop jp-mod-styled', 'Stop');
      stop.addEventListener('click', () => this.model.cancel());
      node.replaceChildren(
        el('span', 'jp-swot-loading', `Listing… ${filtered}${listed.toLocaleString('en')}${s.total !== undefined ? ` of ${s.total.toLocaleString('en')}` : ''} entries`),
        stop
      );
    } else if (s.status === 'error') {
      node.replaceChildren(el('span', 'jp-swot-error', s.message));
    } else if (s.status === 'done') {
      node.replaceChildren(el('span', 'jp-swot-count', shown === 0 && listed > 0 ? `No entry matches the filters (${listed.toLocaleString('en')} listed).` : listed === 0 ? 'This folder holds no product.' : `${filtered}${listed.toLocaleString('en')} entries`));
    } else {
      node.replaceChildren();
    }
  }

  private row(row: BrowseRow, index: number): HTMLElement {
    const node = el('div', `jp-swot-row jp-swot-row-${row.kind}`);
    node.dataset.kind = row.kind;
    node.dataset.index = String(index);
    node.tabIndex = 0;
    if (row.cycle !== undefined) {
      node.dataset.cycle = String(row.cycle);
    }
    if (row.pass !== undefined) {
      node.dataset.pass = String(row.pass);
    }
    if (this.model.selected === row) {
      node.classList.add('jp-mod-selected');
    }
    const name = el('div', 'jp-swot-rowName');
    name.append(el('span', 'jp-swot-rowKind', KIND_LABEL[row.kind]), el('span', 'jp-swot-rowLabel', row.label));
    name.title = row.name;
    node.append(name, el('div', 'jp-swot-rowFacts', row.refused ? row.refused : describeRow(row)));
    const folder = this.model.isFolder(row);
    node.addEventListener('click', () => this.model.select(row));
    node.addEventListener('dblclick', () => folder && this.model.enter(row));
    node.addEventListener('keydown', e => {
      if (e.key === 'Enter') {
        if (folder) {
          this.model.enter(row);
        } else {
          this.model.select(row);
        }
      } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        e.preventDefault();
        const next = Math.max(0, Math.min(this.model.visible.length - 1, index + (e.key === 'ArrowDown' ? 1 : -1)));
        this.model.select(this.model.visible[next]);
        this.list.scrollToIndex(next);
        requestAnimationFrame(() => (this.list.node.querySelector(`[data-index="${next}"]`) as HTMLElement | null)?.focus());
      }
    });
    if (folder) {
      const open = el('button', 'jp-swot-rowOpen jp-mod-styled', 'Open');
      open.title = `Open ${row.label}`;
      open.addEventListener('click', e => {
        e.stopPropagation();
        this.model.enter(row);
      });
      node.append(open);
    }
    return node;
  }
}
