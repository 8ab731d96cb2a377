/** Pure catalog operations shared by the sidebar, snippets and the kernel. */

import { CatalogProduct, CatalogSettings, Volume } from './types';

/** "1 TB", "365 GB", "< 100 MB". */
export function formatVolume(volume: Volume): string {
  const value = Number.isInteger(volume.value) ? String(volume.value) : volume.value.toFixed(1);
  return `${volume.upperBound ? '< ' : ''}${value} ${volume.unit}`;
}

const UNIT_BYTES: Record<Volume['unit'], number> = {
  B: 1,
  kB: 1e3,
  MB: 1e6,
  GB: 1e9,
  TB: 1e12,
  PB: 1e15
};

/** Volume in bytes (decimal units, as the CNES offer states them). */
export function volumeBytes(volume: Volume): number {
  return volume.value * UNIT_BYTES[volume.unit];
}

/**
 * The catalog users see: the built-in products, with those of the settings
 * replacing built-in entries of the same id and the others appended.
 */
export function mergeCatalog(
  builtin: readonly CatalogProduct[],
  settings: Partial<CatalogSettings> = {}
): CatalogProduct[] {
  const extra = settings.products ?? [];
  const base = settings.hideBuiltinCatalog ? [] : builtin;
  const byId = new Map(extra.map(p => [p.id, p]));
  const merged = base.map(p => byId.get(p.id) ?? p);
  const known = new Set(base.map(p => p.id));
  return merged.concat(extra.filter(p => !known.has(p.id)));
}

/** Products matching a free-text query on name, level, grid, formats and availability. */
export function filterCatalog(products: readonly CatalogProduct[], query: string): CatalogProduct[] {
  const words = query.toLowerCase().split(/\s+/).filter(w => w.length > 0);
  if (words.length === 0) {
    return products.slice();
  }
  return products.filter(p => {
    const text = [p.name, p.level, p.grid, p.description, ...p.formats, ...p.availability].join(' ').toLowerCase();
    return words.every(w => text.includes(w));
  });
}
