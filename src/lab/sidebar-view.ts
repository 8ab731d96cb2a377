/**
 * The SWOT sidebar view: a searchable list of catalog products and a
 * details view per product. Plain DOM with textContent only, so text coming
 * from settings is never interpreted as HTML.
 */

import { CommandRegistry } from '@lumino/commands';
import { Widget } from '@lumino/widgets';
import { CatalogProduct, filterCatalog, formatVolume } from '../core/catalog';
import { CommandIDs, ICatalogModel } from './tokens';

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className: string,
  text?: string
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.className = className;
  if (text !== undefined) {
    node.textContent = text;
  }
  return node;
}

export class CatalogSidebar extends Widget {
  private _query = '';
  private _selected: string | null = null;
  private _list = el('ul', 'jp-swot-productList');
  private _details = el('div', 'jp-swot-details');
  private _search = el('input', 'jp-swot-search jp-mod-styled');

  constructor(
    private readonly _model: ICatalogModel,
    private readonly _commands?: CommandRegistry
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
    this.node.append(header, this._list, this._details);
    this._model.changed.connect(this._onModelChanged, this);
    this._renderList();
  }

  dispose(): void {
    this._model.changed.disconnect(this._onModelChanged, this);
    super.dispose();
  }

  /** Show one product's details (used by the "swot:show-product" command). */
  showProduct(id: string | null): void {
    this._selected = id !== null && this._model.get(id) ? id : null;
    this._render();
  }

  private _onModelChanged(): void {
    this._render();
  }

  private _render(): void {
    this._renderList();
    this._renderDetails();
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
    if (product.locations && product.locations.length > 0) {
      this._details.append(el('h4', '', 'Locations'));
      const list = el('ul', 'jp-swot-locations');
      for (const location of product.locations) {
        const item = el('li', '');
        item.append(el('span', 'jp-swot-locationLabel', `${location.label}: `), el('code', '', location.path));
        if (this._commands && /\.zarr\/?$/.test(location.path) && !location.path.startsWith('/')) {
          const open = el('button', 'jp-swot-openStore jp-mod-styled', 'Show structure');
          open.addEventListener('click', () => void this._commands!.execute(CommandIDs.showStructure, { path: location.path }));
          item.append(open);
        }
        list.append(item);
      }
      this._details.append(list);
    }
  }
}
