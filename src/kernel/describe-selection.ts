import { DecodedDataset, DecodedVariable, describeEmpty } from '../core';

function range(v: DecodedVariable): string {
  let min = Infinity;
  let max = -Infinity;
  let valid = 0;
  const data = v.data;
  for (let i = 0; i < data.length; i++) {
    const x = Number(data[i]);
    if (x === x) {
      valid++;
      if (x < min) min = x;
      if (x > max) max = x;
    }
  }
  if (valid === 0) {
    return data.length === 0 ? 'empty' : 'all NaN';
  }
  const fmt = (x: number) => (v.isTime ? new Date(x).toISOString() : Number(x.toPrecision(6)).toString());
  return `${fmt(min)} .. ${fmt(max)} (${valid}/${data.length} valid)`;
}

/** Summary of a selection: why it is empty (if it is), dimensions, and each variable's range of values. */
export function describeSelection(ds: DecodedDataset): string {
  const dims = Object.entries(ds.dims).map(([k, n]) => `${k}: ${n}`);
  const pad = Math.max(0, ...ds.variables.map(v => v.name.length));
  const lines = [`<swot.Selection> ${ds.source}`];
  if (ds.empty) {
    lines.push(`Empty:       ${describeEmpty(ds.empty)}`);
  }
  lines.push(`Dimensions:  (${dims.join(', ')})`, 'Variables:');
  for (const v of ds.variables) {
    const units = typeof v.attrs['units'] === 'string' ? ` [${v.attrs['units']}]` : '';
    lines.push(`    ${v.name.padEnd(pad)} (${v.dims.join(', ')})${units}  ${range(v)}`);
  }
  return lines.join('\n');
}
