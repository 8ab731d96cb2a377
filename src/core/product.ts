/**
 * Product detection in one place: what a SWOT / DUACS file is, from its
 * global attributes first and its file name second.
 */

import { Attributes } from './dataset';

export type ProcessingLevel = 'L2' | 'L3' | 'L4';

export interface ProductId {
  level: ProcessingLevel;
  /** Catalog product name, e.g. "L2_LR_SSH", "L3_LR_SSH", "DUACS L4". */
  product: string;
  /** Subset: Basic, Expert, WindWave, Unsmoothed, Technical. */
  subset?: string;
  cycle?: number;
  pass?: number;
  /** ISO time of the first and last measurement. */
  timeStart?: string;
  timeEnd?: string;
  /** CRID (L2, e.g. PIC0) or product version (L3, e.g. 2.0.1). */
  version?: string;
}

const L2_NAME =
  /^SWOT_L2_LR_SSH_(Basic|Expert|WindWave|Unsmoothed)_(\d{3})_(\d{3})_(\d{8}T\d{6})_(\d{8}T\d{6})_([A-Z0-9]{4})_(\d{2})\.nc$/;
const L3_NAME =
  /^SWOT_L3_LR_SSH_(Basic|Expert|Technical|Unsmoothed)_(\d{3})_(\d{3})_(\d{8}T\d{6})_(\d{8}T\d{6})_v(\d+(?:\.\d+)*)\.nc$/;
const DUACS_L4_NAME = /^(dt|nrt)_global_([a-z0-9-]+)_phy_l4_(\d{8})_(\d{8})\.nc$/;

function isoFromCompact(stamp: string): string {
  // 20241229T165806 -> 2024-12-29T16:58:06Z
  return `${stamp.slice(0, 4)}-${stamp.slice(4, 6)}-${stamp.slice(6, 8)}T${stamp.slice(9, 11)}:${stamp.slice(
    11,
    13
  )}:${stamp.slice(13, 15)}Z`;
}

/** Parse a SWOT or DUACS product file name (the last path component is used). */
export function parseProductFileName(path: string): ProductId | undefined {
  const name = path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
  let m = L2_NAME.exec(name);
  if (m) {
    return {
      level: 'L2',
      product: 'L2_LR_SSH',
      subset: m[1],
      cycle: Number(m[2]),
      pass: Number(m[3]),
      timeStart: isoFromCompact(m[4]),
      timeEnd: isoFromCompact(m[5]),
      version: m[6]
    };
  }
  m = L3_NAME.exec(name);
  if (m) {
    return {
      level: 'L3',
      product: 'L3_LR_SSH',
      subset: m[1],
      cycle: Number(m[2]),
      pass: Number(m[3]),
      timeStart: isoFromCompact(m[4]),
      timeEnd: isoFromCompact(m[5]),
      version: m[6]
    };
  }
  m = DUACS_L4_NAME.exec(name);
  if (m) {
    const day = `${m[3].slice(0, 4)}-${m[3].slice(4, 6)}-${m[3].slice(6, 8)}`;
    return { level: 'L4', product: 'DUACS L4', subset: m[2], timeStart: `${day}T00:00:00Z`, version: m[4] };
  }
  return undefined;
}

function numberAttr(attrs: Attributes, name: string): number | undefined {
  const value = attrs[name];
  if (typeof value === 'number' && Number.isFinite(value)) {
    return value;
  }
  if (typeof value === 'string' && /^\s*\d+\s*$/.test(value)) {
    return Number(value);
  }
  return undefined;
}

/**
 * Identify a product: global attributes (cycle_number, pass_number,
 * time_coverage_*) win over the file name, which is the only source for L3.
 */
export function detectProduct(path: string, attrs: Attributes): ProductId | undefined {
  const fromName = parseProductFileName(path);
  const cycle = numberAttr(attrs, 'cycle_number');
  const pass = numberAttr(attrs, 'pass_number');
  const shortName = typeof attrs['short_name'] === 'string' ? (attrs['short_name'] as string) : undefined;
  if (fromName === undefined && cycle === undefined && shortName === undefined) {
    return undefined;
  }
  const product: ProductId = fromName ?? {
    level: shortName?.startsWith('L3') ? 'L3' : shortName?.startsWith('L4') ? 'L4' : 'L2',
    product: shortName ?? 'L2_LR_SSH'
  };
  if (cycle !== undefined) {
    product.cycle = cycle;
  }
  if (pass !== undefined) {
    product.pass = pass;
  }
  for (const [key, attr] of [
    ['timeStart', 'time_coverage_start'],
    ['timeEnd', 'time_coverage_end']
  ] as const) {
    const value = attrs[attr];
    if (product[key] === undefined && typeof value === 'string' && value.length > 0) {
      product[key] = value;
    }
  }
  return product;
}
