/**
 * The data section of the SWOT sidebar: a searchable list of catalog
 * products, a product's details with its locations, and the browser of a
 * location (cycles, passes, filters, details, actions). Plain DOM with
 * textContent only, so text coming from settings or from file names is never
 * interpreted as HTML.
 */

import { INotebookTracker } from '@jupyterlab/notebook';
import { CommandRegistry } from '@lumino/commands';
import { Widget } from '@lumino/widgets';
import { CatalogProduct, filterCatalog, formatVolume, LocationIssue, ResolvedLocation } from '../core/catalog';
import { BrowserView } from './browser/browser-view';
import { el } from './dom';
import { isDownloadable } from './downloads/download-request';
import { CommandIDs, ICatalogModel } from './tokens';

export interface CatalogSidebarOptions {
  commands: CommandRegistry;
  notebooks: INotebookTracker | null;
  /** The server root's real path (from /swot/config), for the absolute paths kernels need. */
  serverRoot: () => string | undefined;
  /** The folder new notebooks are created in. */
  cwd: () => string;
}

function describeLocation(location: ResolvedLocation): string {
  const facts = [location.format, location.version ? `v${location.version}` : '', location.subset ?? '', location.phase === 'calval' ? 'cal/val' : location.phase ?? ''];
  return facts.filter(f => f !== '').join(' · ');
}

function issueText(issue: LocationIssue): string {
  return `Settings: location ${issue.index + 1} of ${issue.product || '(no product)'} is ignored: ${issue.reason}`;
}

export class CatalogSidebar extends Widget {
  private _query = '';
  private _selected: string | null = null;
  private _list = el('ul', 'jp-swot-productList');
  private _details = el('div', 'jp-swot-details');
  private _search = el('input', 'jp-swot-search jp-mod-styled');
  private _issues = el('div', 'jp-swot-locationIssues');
  private _browser: BrowserView | null = null;

  constructor(
    private readonly _model: ICatalogModel,
    private readonly _options: CatalogSidebarOptions
  ) {
    super();
    this.addClass('jp-swot-sidebar');
    const header = el('div', 'jp-swot-header');
    header.appendChild(el('h2', 'jp-swot-title', 'SWOT products'));
    this._search.type = 'search';
    this._search.placeholder = 'Filter products (e.g. L3, Zarr, AVISO)';
    this._search.setAttribute('aria-label', 'Filter SWOT products');
    this._search.addEventListener('input', () => {
      this._query = this._search.value;
      this._renderList();
    });
    header.appendChild(this._search);
    this.node.append(header, this._issues, this._list, this._details);
    this._model.changed.connect(this._onModelChanged, this);
    this._renderList();
  }

  dispose(): void {
    this._closeBrowser();
    this._model.changed.disconnect(this._onModelChanged, this);
    super.dispose();
  }

  /** Show one product's details (used by the "swot:show-product" command). */
  showProduct(id: string | null): void {
    this._closeBrowser();
    this._selected = id !== null && this._model.get(id) ? id : null;
    this._render();
  }

  /** The browser open now, if any (for commands and tests). */
  get browser(): BrowserView | null {
    return this._browser;
  }

  /** Browse a location of a product; returns the browser, or null when the location is unknown. */
  browse(productId: string, locationId: string): BrowserView | null {
    const location = this._model.locations(productId).find(l => l.id === locationId);
    if (!location) {
      return null;
    }
    this._closeBrowser();
    this._selected = productId;
    const browser = new BrowserView({ ...this._options, onBack: () => this.showProduct(productId) });
    this._browser = browser;
    this._list.hidden = this._details.hidden = this._search.hidden = true;
    this._issues.hidden = true;
    Widget.attach(browser, this.node);
    browser.model.open(location);
    return browser;
  }

  private _closeBrowser(): void {
    if (this._browser) {
      Widget.detach(this._browser);
      this._browser.dispose();
      this._browser = null;
    }
  }


  private _onModelChanged(): void {
    this._render();
  }

  private _render(): void {
    if (this._browser) {
      return;
    }
    this._renderIssues();
    this._renderList();
    this._renderDetails();
  }

  private _renderIssues(): void {
    const issues = this._model.issues;
    this._issues.hidden = issues.length === 0 || this._selected !== null;
    this._issues.replaceChildren(...issues.map(i => el('div', 'jp-swot-locationIssue', issueText(i))));
  }

  private _renderList(): void {
    const products = filterCatalog(this._model.products, this._query);
    this._list.replaceChildren(...products.map(p => this._row(p)));
    this._list.hidden = this._selected !== null;
    if (products.length === 0) {
      this._list.appendChild(el('li', 'jp-swot-empty', 'No product matches this filter.'));
    }
  }

  private _row(product: CatalogProduct): HTMLLIElement {
    const row = el('li', 'jp-swot-product');
    row.dataset.productId = product.id;
    row.tabIndex = 0;
    row.setAttribute('role', 'button');
    const title = el('div', 'jp-swot-productName', product.name);
    title.prepend(el('span', `jp-swot-level jp-swot-level-${product.level}`, product.level));
    const meta = el('div', 'jp-swot-productMeta');
    meta.append(
      el('span', 'jp-swot-grid', product.grid),
      ...(product.volumePerDay && product.volumePerYear
        ? [
            el(
              'span',
              'jp-swot-volume',
              `${formatVolume(product.volumePerDay)}/day · ${formatVolume(product.volumePerYear)}/year`
            )
          ]
        : []),
      el('span', 'jp-swot-availability', product.availability.join(' / ') + (product.onDemand ? ' (on demand)' : ''))
    );
    row.append(title, meta);
    const open = () => this.showProduct(product.id);
    row.addEventListener('click', open);
    row.addEventListener('keydown', event => {
      if (event.key === 'Enter' || event.key === ' ') {
        event.preventDefault();
        open();
      }
    });
    return row;
  }

  private _renderDetails(): void {
    const product = this._selected === null ? undefined : this._model.get(this._selected);
    this._details.replaceChildren();
    this._details.hidden = product === undefined;
    this._list.hidden = product !== undefined;
    this._search.hidden = product !== undefined;
    if (product === undefined) {
      return;
    }
    const back = el('button', 'jp-swot-back jp-mod-styled', '← All products');
    back.addEventListener('click', () => this.showProduct(null));
    const facts = el('dl', 'jp-swot-facts');
    const fact = (label: string, value: string) => facts.append(el('dt', '', label), el('dd', '', value));
    fact('Level', product.level);
    fact('Grid', product.grid);
    if (product.volumePerDay) {
      fact('Volume per day', formatVolume(product.volumePerDay));
    }
    if (product.volumePerYear) {
      fact('Volume per year', formatVolume(product.volumePerYear));
    }
    fact('Availability', product.availability.join(', ') + (product.onDemand ? ' (on demand)' : ''));
    fact('Formats', product.formats.join(', '));
    this._details.append(back, el('h3', 'jp-swot-detailsName', product.name), el('p', '', product.description), facts);
    if (product.variables && product.variables.length > 0) {
      this._details.append(el('h4', '', 'Key variables'));
      const list = el('ul', 'jp-swot-variables');
      list.append(...product.variables.map(v => el('li', '', v)));
      this._details.append(list);
    }
    const issues = this._model.issues.filter(i => i.product === product.id);
    const locations = this._model.locations(product.id);
    if (locations.length > 0 || issues.length > 0) {
      this._details.append(el('h4', '', 'Locations'));
      const list = el('ul', 'jp-swot-locations');
      for (const location of locations) {
        const item = el('li', 'jp-swot-location');
        item.dataset.locationId = location.id;
        item.append(el('div', 'jp-swot-locationLabel', location.label), el('div', 'jp-swot-locationFacts', describeLocation(location)));
        const where = location.resolvedPath ?? location.path;
        if (where) {
          item.append(el('code', 'jp-swot-locationPath', where));
        }
        if (location.provider || location.collection) {
          item.append(el('div', 'jp-swot-locationRemote', `${location.provider ?? ''}${location.collection ? `: ${location.collection}` : ''}`));
        }
        if (location.available) {
          const browse = el('button', 'jp-swot-browse jp-mod-styled', 'Browse');
          browse.addEventListener('click', () => this.browse(product.id, location.id));
          item.append(browse);
        } else if (location.reason) {
          item.append(el('div', 'jp-swot-locationProblem', location.reason));
        }
        if (isDownloadable(location)) {
          const download = el('button', 'jp-swot-locationDownload jp-mod-styled', 'Download…');
          download.title = `Download from ${location.provider}: ${location.collection}`;
          download.addEventListener('click', () =>
            this._options.commands.execute(CommandIDs.download, { product: product.id, location: location.id }).catch(reason => console.error('jupyterlab-swot: download', reason))
          );
          item.append(download);
        }
        list.append(item);
      }
      for (const issue of issues) {
        list.append(el('li', 'jp-swot-locationIssue', issueText(issue)));
      }
      this._details.append(list);
    }
  }
}
