/**
 * A panel showing a dataset's structure: product, extent, dimensions,
 * variables (dims, dtype, units, long name) and attributes. Text from files is
 * set with textContent only: it is never interpreted as HTML.
 */
import { Widget } from '@lumino/widgets';
import { AttributeValue, DatasetInfo, describeProduct, ProductId } from '../core';

export interface StructureModel {
  info: DatasetInfo;
  product?: ProductId;
  /** Geographic extent read from the data, when it could be read. */
  extent?: { lonMin: number; lonMax: number; latMin: number; latMax: number };
}

function cell(tag: 'td' | 'th', text: string): HTMLTableCellElement {
  const node = document.createElement(tag);
  node.textContent = text;
  return node;
}

function table(className: string, head: string[], rows: string[][]): HTMLTableElement {
  const node = document.createElement('table');
  node.className = `jp-swot-table ${className}`;
  const tr = document.createElement('tr');
  tr.append(...head.map(h => cell('th', h)));
  node.appendChild(tr);
  for (const row of rows) {
    const line = document.createElement('tr');
    line.append(...row.map(r => cell('td', r)));
    node.appendChild(line);
  }
  return node;
}

function text(value: AttributeValue | undefined): string {
  return value === undefined ? '' : Array.isArray(value) ? value.join(', ') : String(value);
}

function heading(label: string): HTMLElement {
  const node = document.createElement('h3');
  node.textContent = label;
  return node;
}

export class StructureView extends Widget {
  constructor(model: StructureModel) {
    super();
    this.addClass('jp-swot-structure');
    const { info, product, extent } = model;
    const title = document.createElement('h2');
    title.textContent = info.source;
    this.node.appendChild(title);
    const facts: string[][] = [['Format', info.format]];
    if (product) {
      facts.push(['Product', describeProduct(product)]);
    }
    if (extent) {
      facts.push([
        'Extent',
        `lon ${extent.lonMin.toFixed(3)} .. ${extent.lonMax.toFixed(3)}, lat ${extent.latMin.toFixed(3)} .. ${extent.latMax.toFixed(3)}`
      ]);
    }
    this.node.appendChild(table('jp-swot-facts-table', ['', ''], facts));
    this.node.appendChild(heading('Dimensions'));
    this.node.appendChild(table('jp-swot-dims', ['name', 'size'], Object.entries(info.dims).map(([k, n]) => [k, String(n)])));
    this.node.appendChild(heading('Variables'));
    this.node.appendChild(
      table(
        'jp-swot-variables-table',
        ['name', 'dimensions', 'dtype', 'units', 'long name'],
        info.variables.map(v => [v.name, v.dims.join(', '), v.dtype, text(v.attrs['units']), text(v.attrs['long_name'])])
      )
    );
    this.node.appendChild(heading('Attributes'));
    this.node.appendChild(table('jp-swot-attrs', ['name', 'value'], Object.entries(info.attrs).map(([k, v]) => [k, text(v)])));
  }
}
