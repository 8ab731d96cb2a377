/** A text summary of a dataset, in the spirit of xarray's repr. */

import { AttributeValue, DatasetInfo, GroupInfo, VariableInfo } from './dataset';
import { ProductId } from './product';

function formatAttribute(value: AttributeValue, width: number): string {
  const text = Array.isArray(value) ? `[${value.join(', ')}]` : String(value);
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > width ? `${oneLine.slice(0, width - 1)}…` : oneLine;
}

function variableLine(v: VariableInfo, pad: number): string {
  const units = typeof v.attrs['units'] === 'string' ? ` [${v.attrs['units']}]` : '';
  return `    ${v.name.padEnd(pad)} (${v.dims.join(', ')}) ${v.dtype}${units}`;
}

function describeGroup(group: GroupInfo, lines: string[], indent: string): void {
  const dims = Object.entries(group.dims).map(([k, n]) => `${k}: ${n}`);
  if (dims.length > 0) {
    lines.push(`${indent}Dimensions:  (${dims.join(', ')})`);
  }
  if (group.variables.length > 0) {
    const pad = Math.max(...group.variables.map(v => v.name.length));
    lines.push(`${indent}Variables:`);
    lines.push(...group.variables.map(v => indent + variableLine(v, pad)));
  }
  const attrs = Object.entries(group.attrs);
  if (attrs.length > 0) {
    const pad = Math.max(...attrs.map(([k]) => k.length));
    lines.push(`${indent}Attributes:`);
    lines.push(...attrs.map(([k, v]) => `${indent}    ${k.padEnd(pad)}: ${formatAttribute(v, 80)}`));
  }
  for (const sub of group.groups) {
    lines.push(`${indent}Group ${sub.path}:`);
    describeGroup(sub, lines, indent + '  ');
  }
}

export function describeProduct(product: ProductId): string {
  const parts = [product.product, product.subset, product.version && `v${product.version}`].filter(Boolean);
  if (product.cycle !== undefined) {
    parts.push(`cycle ${product.cycle}`);
  }
  if (product.pass !== undefined) {
    parts.push(`pass ${product.pass}`);
  }
  if (product.timeStart) {
    parts.push(product.timeEnd ? `${product.timeStart} → ${product.timeEnd}` : product.timeStart);
  }
  return parts.join(' · ');
}

/** Multi-line summary: source, product, dimensions, variables with units, attributes. */
export function describeDataset(ds: DatasetInfo & { product?: ProductId }): string {
  const lines = [`<swot.Dataset ${ds.format}> ${ds.source}`];
  if (ds.product) {
    lines.push(`Product:     ${describeProduct(ds.product)}`);
  }
  describeGroup(ds, lines, '');
  return lines.join('\n');
}
