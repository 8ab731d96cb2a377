/**
 * Locations as data: where each catalog product is (a server folder in the
 * AVISO tree, a Zarr store, a zcollection, a remote collection), built in and
 * from the settings. Entries are checked here, one by one, and not by the
 * settings schema: JupyterLab rejects the whole settings file when its schema
 * fails, and one bad entry must not hide the others.
 */

import { nearestName } from '../options';
import {
  CatalogProduct,
  CatalogSettings,
  LocationFormat,
  LocationIssue,
  LocationPhase,
  LocationProvider,
  ResolvedLocation,
  StorageLocation
} from './types';

export const LOCATION_FORMATS: readonly LocationFormat[] = ['netcdf', 'zarr', 'zcollection'];
export const LOCATION_PHASES: readonly LocationPhase[] = ['science', 'calval'];
export const LOCATION_PROVIDERS: readonly LocationProvider[] = ['cnes-hpc', 'aviso', 'podaac'];

/** The prefix of paths inside the generated sample dataset. */
export const SAMPLE_PREFIX = '{sample}';

const KEYS = ['id', 'label', 'format', 'path', 'version', 'subset', 'phase', 'provider', 'collection'];
const STRING_KEYS = ['id', 'label', 'path', 'version', 'subset', 'collection'] as const;
const URL = /^[a-z][a-z0-9+.-]*:\/\//i;

const FORMAT_LABEL: Record<LocationFormat, string> = { netcdf: 'netCDF4', zarr: 'Zarr', zcollection: 'zcollection' };

function oneOf(values: readonly string[]): string {
  return values.map(v => `"${v}"`).join(', ');
}

/**
 * The id a location gets when it has none: format, version, subset and phase
 * (and the provider of a remote one), e.g. "netcdf-2.0.1-Expert", "zcollection-calval".
 */
export function locationId(location: Omit<StorageLocation, 'label'>): string {
  const parts = [location.format, location.version, location.subset, location.phase];
  if (location.path === undefined) {
    parts.push(location.provider);
  }
  return parts.filter((p): p is string => p !== undefined && p !== '').join('-');
}

/**
 * Check one location entry (built in, of a settings product, or of the
 * settings' `locations`, whose `product` key is allowed). The old shape
 * `{ label, path }` is accepted: the format is inferred from the path
 * (".zarr" -> zarr, otherwise netcdf), and so is a missing label.
 *
 * @example
 * validateLocation({ label: 'My lab', path: '/data/swot/l3' });
 * // { location: { label: 'My lab', path: '/data/swot/l3', format: 'netcdf' } }
 * validateLocation({ label: 'x', format: 'hdf' }).reason;
 * // 'format "hdf" is not one of "netcdf", "zarr", "zcollection"'
 */
export function validateLocation(entry: unknown): { location?: StorageLocation; reason?: string } {
  if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) {
    return { reason: `a location must be an object with a label and a path (or a provider and a collection), got ${JSON.stringify(entry)}` };
  }
  const raw = entry as Record<string, unknown>;
  for (const key of Object.keys(raw)) {
    if (key !== 'product' && !KEYS.includes(key)) {
      const near = nearestName(key, KEYS);
      return { reason: `unknown key "${key}"${near ? `: did you mean "${near}"?` : ` (known: ${KEYS.join(', ')})`}` };
    }
  }
  for (const key of STRING_KEYS) {
    const value = raw[key];
    if (value !== undefined && (typeof value !== 'string' || value.trim() === '')) {
      return { reason: `"${key}" must be a non-empty string, got ${JSON.stringify(value)}` };
    }
  }
  const path = raw.path as string | undefined;
  if (path !== undefined && path.split(/[\\/]/).includes('..')) {
    return { reason: `path "${path}" has a ".." component: give the path from the server root, or an absolute path under a data root` };
  }
  let format = raw.format as LocationFormat | undefined;
  if (format === undefined) {
    format = path !== undefined && /\.zarr\/?$/i.test(path) ? 'zarr' : 'netcdf';
  } else if (!LOCATION_FORMATS.includes(format)) {
    return { reason: `format ${JSON.stringify(format)} is not one of ${oneOf(LOCATION_FORMATS)}` };
  }
  const phase = raw.phase;
  if (phase !== undefined && !LOCATION_PHASES.includes(phase as LocationPhase)) {
    return { reason: `phase ${JSON.stringify(phase)} is not one of ${oneOf(LOCATION_PHASES)}` };
  }
  const provider = raw.provider;
  if (provider !== undefined && !LOCATION_PROVIDERS.includes(provider as LocationProvider)) {
    return { reason: `provider ${JSON.stringify(provider)} is not one of ${oneOf(LOCATION_PROVIDERS)}` };
  }
  const collection = raw.collection as string | undefined;
  if (path === undefined && (provider === undefined || collection === undefined)) {
    const has = provider !== undefined ? 'a provider without a collection' : collection !== undefined ? 'a collection without a provider' : 'neither';
    return { reason: `a location needs a path (on this server) or a provider and a collection (to download from); this one has ${has}` };
  }
  const location: StorageLocation = { label: '', format };
  for (const key of ['id', 'path', 'version', 'subset', 'phase', 'provider', 'collection'] as const) {
    if (raw[key] !== undefined) {
      (location as unknown as Record<string, unknown>)[key] = raw[key];
    }
  }
  location.label = (raw.label as string | undefined) ?? defaultLabel(location);
  return { location };
}

function defaultLabel(location: StorageLocation): string {
  const what = [location.version, location.subset, location.phase === 'calval' ? 'cal/val' : location.phase].filter(Boolean).join(' ');
  const where = location.path ?? `${location.provider} ${location.collection}`;
  return `${FORMAT_LABEL[location.format]}${what ? ` ${what}` : ''}: ${where}`;
}

/** "{sample}/x" under the sample folder; undefined (with the reason) when there is none. */
function resolvePath(path: string, sample: string | null): { resolvedPath?: string; reason?: string } {
  if (path !== SAMPLE_PREFIX && !path.startsWith(`${SAMPLE_PREFIX}/`)) {
    return { resolvedPath: path };
  }
  if (sample === null || sample.trim() === '') {
    return { reason: 'the generated sample dataset is not configured on this server (tools/generate_sample_data.py writes it)' };
  }
  const rest = path.slice(SAMPLE_PREFIX.length).replace(/^\/+/, '');
  const base = sample.replace(/\/+$/, '');
  return { resolvedPath: rest === '' ? base : `${base}/${rest}` };
}

function resolve(location: StorageLocation, id: string, product: string, sample: string | null): ResolvedLocation {
  const out: ResolvedLocation = { ...location, id, product, available: false };
  if (location.path === undefined) {
    out.reason = `remote: ${location.provider} collection ${location.collection} (download it to browse it here)`;
    return out;
  }
  if (URL.test(location.path)) {
    out.reason = `a URL, not a path on this server: ${location.path}`;
    return out;
  }
  const { resolvedPath, reason } = resolvePath(location.path, sample);
  if (resolvedPath !== undefined) {
    out.resolvedPath = resolvedPath;
    out.available = true;
  } else {
    out.reason = reason;
  }
  return out;
}

/** `id`, or `id-2`, `id-3`...: derived ids are made unique in order, so that settings can still name each one. */
function uniqueId(list: ReadonlyMap<string, unknown>, id: string): string {
  let n = 2;
  let out = id;
  while (list.has(out)) {
    out = `${id}-${n++}`;
  }
  return out;
}

/**
 * Every usable location of the catalog's products: each product's own
 * `locations`, then the settings' `locations` (an entry whose id is that of
 * a location of its product replaces it in place; otherwise it is appended). Invalid entries
 * become issues with their reason; the rest keep working. Paths are resolved
 * ("{sample}/" under `context.sample`); a location that cannot be browsed here
 * (remote, or no sample dataset) is kept, unavailable, with its reason.
 *
 * @example
 * const { locations, issues } = productLocations(mergeCatalog(BUILTIN_CATALOG, settings), settings, { sample: 'data/sample' });
 */
export function productLocations(
  catalog: readonly CatalogProduct[],
  settings: Partial<CatalogSettings>,
  context: { sample: string | null }
): { locations: ResolvedLocation[]; issues: LocationIssue[] } {
  const issues: LocationIssue[] = [];
  const byProduct = new Map<string, Map<string, StorageLocation>>();
  for (const product of catalog) {
    const list = new Map<string, StorageLocation>();
    byProduct.set(product.id, list);
    (product.locations ?? []).forEach((entry, index) => {
      const { location, reason } = validateLocation(entry);
      if (!location) {
        issues.push({ product: product.id, index, reason: reason!, entry });
        return;
      }
      if (location.id !== undefined && list.has(location.id)) {
        issues.push({ product: product.id, index, reason: `a second location with id "${location.id}" in product ${product.id}`, entry });
        return;
      }
      list.set(location.id ?? uniqueId(list, locationId(location)), location);
    });
  }
  const extra: unknown[] = Array.isArray(settings.locations) ? settings.locations : [];
  extra.forEach((entry, index) => {
    const product = entry !== null && typeof entry === 'object' ? (entry as { product?: unknown }).product : undefined;
    const name = typeof product === 'string' ? product : String(product);
    const list = typeof product === 'string' ? byProduct.get(product) : undefined;
    if (!list) {
      const near = typeof product === 'string' ? nearestName(product, [...byProduct.keys()]) : undefined;
      const reason =
        typeof product !== 'string'
          ? 'a location of the settings needs "product": the id of a catalog product'
          : `unknown product "${product}"${near ? `: did you mean "${near}"?` : ''} (the catalog has ${[...byProduct.keys()].join(', ')})`;
      issues.push({ product: name, index, reason, entry });
      return;
    }
    const { location, reason } = validateLocation(entry);
    if (!location) {
      issues.push({ product: name, index, reason: reason!, entry });
      return;
    }
    // An explicit id replaces the location of that id (in place); without one, it is added.
    list.set(location.id ?? uniqueId(list, locationId(location)), location);
  });
  const locations: ResolvedLocation[] = [];
  for (const [product, list] of byProduct) {
    for (const [id, location] of list) {
      locations.push(resolve(location, id, product, context.sample));
    }
  }
  return { locations, issues };
}
