/**
 * The units of a streamed reduction (see core/stats/units.ts): which lines
 * of a dataset make each pass, and how units are shared among workers.
 *
 * A unit's key comes, in this order, from the per-line cycle_number /
 * pass_number on the variable's first dimension (a stacked folder, a Zarr
 * store), else from each file's name (the product's cycle and pass, or the
 * file name) for a folder of files, else from the dataset's own product
 * (one file) or name. One pass file read alone and the same file inside its
 * cycle folder so get the same key and the same lines.
 */
import { basename } from 'node:path';
import { blockLength, detectProduct, passRuns, UnitKey, unitId, VariableInfo } from '../core';
import type { Dataset } from './dataset';

/** A unit and its lines (several runs when a pass comes back in the lines). */
export interface UnitSpan {
  key: UnitKey;
  ranges: Array<[number, number]>;
}

interface Members {
  members: Array<{ reader: { info: { source: string; attrs: Record<string, unknown> } }; product?: { cycle?: number; pass?: number } }>;
  offsets: number[];
}

function fileKey(source: string, product: { cycle?: number; pass?: number } | undefined): UnitKey {
  if (product?.cycle !== undefined || product?.pass !== undefined) {
    return { ...(product.cycle !== undefined ? { cycle: product.cycle } : {}), ...(product.pass !== undefined ? { pass: product.pass } : {}) };
  }
  return { name: basename(source) };
}

function perLine(ds: Dataset, v: VariableInfo, name: string): boolean {
  return v.dims.length > 0 && ds.variables.some(x => x.name === name && x.dims.length === 1 && x.dims[0] === v.dims[0]);
}

/**
 * The units of `v` in `ds`, in line order; each key once (runs of the same key are gathered).
 *
 * @example
 * const spans = await unitSpans(ds, requireNumericVariable(ds, 'ssha_filtered'));
 */
export async function unitSpans(ds: Dataset, v: VariableInfo): Promise<UnitSpan[]> {
  const lines = v.shape.length === 0 ? 1 : v.shape[0];
  const runs: Array<{ key: UnitKey; range: [number, number] }> = [];
  const hasPass = perLine(ds, v, 'pass_number');
  const hasCycle = perLine(ds, v, 'cycle_number');
  const stacked = ds.reader as unknown as Partial<Members>;
  if (lines > 0 && (hasPass || hasCycle)) {
    const cycles = hasCycle ? (await ds.reader.readRaw('cycle_number', [[0, lines]])).data : undefined;
    const passes = hasPass ? (await ds.reader.readRaw('pass_number', [[0, lines]])).data : undefined;
    for (const [a, b] of passRuns(lines, cycles, passes)) {
      runs.push({
        key: { ...(cycles ? { cycle: Number(cycles[a]) } : {}), ...(passes ? { pass: Number(passes[a]) } : {}) },
        range: [a, b]
      });
    }
  } else if (stacked.members && stacked.offsets && v.dims[0] !== undefined && ds.dims[v.dims[0]] === stacked.offsets[stacked.offsets.length - 1]) {
    stacked.members.forEach((m, i) => {
      const product = m.product ?? detectProduct(m.reader.info.source, m.reader.info.attrs as never);
      runs.push({ key: fileKey(m.reader.info.source, product), range: [stacked.offsets![i], stacked.offsets![i + 1]] });
    });
  } else {
    runs.push({ key: fileKey(ds.source, ds.product), range: [0, lines] });
  }
  const spans = new Map<string, UnitSpan>();
  for (const { key, range } of runs) {
    if (range[0] >= range[1]) continue;
    const id = unitId(key);
    const span = spans.get(id);
    if (span) span.ranges.push(range);
    else spans.set(id, { key, ranges: [range] });
  }
  return [...spans.values()];
}

/** Lines of a span. */
export function spanLines(span: UnitSpan): number {
  return span.ranges.reduce((n, [a, b]) => n + b - a, 0);
}

/**
 * The blocks of a unit: each run cut from its own first line every `step`
 * lines (so a unit's blocks do not depend on what else was opened with it).
 */
export function unitBlocks(span: UnitSpan, step: number): Array<[number, number]> {
  const blocks: Array<[number, number]> = [];
  for (const [a, b] of span.ranges) {
    for (let s = a; s < b; s += step) blocks.push([s, Math.min(b, s + step)]);
  }
  return blocks;
}

/**
 * Lines per block of a variable: chunk-aligned, and never from the number of
 * lines of what was opened (a file alone or its folder give the same step).
 * Recorded in partial files.
 */
export function unitStep(v: VariableInfo): number {
  return blockLength(v.chunks, Number.MAX_SAFE_INTEGER);
}

/** Contiguous groups of spans with about the same number of lines, one per worker. */
export function shareSpans(spans: UnitSpan[], workers: number): UnitSpan[][] {
  const total = spans.reduce((n, s) => n + spanLines(s), 0);
  const out: UnitSpan[][] = [];
  let current: UnitSpan[] = [];
  let done = 0;
  for (const s of spans) {
    current.push(s);
    done += spanLines(s);
    if (done >= (total * (out.length + 1)) / workers && out.length < workers - 1) {
      out.push(current);
      current = [];
    }
  }
  if (current.length > 0) out.push(current);
  return out;
}
