/**
 * AVISO search through its THREDDS Data Server: catalog.xml files walked
 * from the collection's folder (cycle folders outside the query never
 * fetched), file names read for cycle, pass and time, the highest product
 * counter kept per half-orbit, fileServer URLs and AVISO tree paths.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { UsageError } from '../errors';
import { ORBITS } from '../orbit/orbits';
import { cycleStartMs } from '../orbit/timing';
import { parseProductFileName, ProductId } from '../product';
import { checkAborted, DownloadError, fetchOrThrow, httpError, redactUrl } from './errors';
import { overlapsPeriod, passFilter, queryPeriod, validateQuery } from './query';
import { makeUrl } from './web';
import { DEFAULT_THREDDS_URL, Granule, SearchContext, SearchQuery } from './types';

// --- catalog.xml ---------------------------------------------------------------

export interface ThreddsService {
  name: string;
  serviceType: string;
  base: string;
}

export interface ThreddsDataset {
  name: string;
  urlPath: string;
  /** Bytes from <dataSize>, approximate (TDS rounds it to a few digits in its unit). */
  size?: number;
  /** ISO time from <date type="modified">. */
  modified?: string;
}

export interface ThreddsCatalogRef {
  /** xlink:title, else the name attribute, else the folder of the href. */
  title: string;
  /** Absolute: resolved against the catalog's URL. */
  href: string;
}

export interface ThreddsCatalog {
  /** Every service, nested ones (in a Compound) included. */
  services: ThreddsService[];
  /** Absolute URL prefix of the HTTPServer (fileServer) service, if the catalog names one. */
  fileServer?: string;
  /** Every dataset with a urlPath, at any nesting depth. */
  datasets: ThreddsDataset[];
  catalogRefs: ThreddsCatalogRef[];
}

type Node = Record<string, unknown>;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  removeNSPrefix: true, // xlink:href -> href, thredds:catalog -> catalog
  parseTagValue: false,
  parseAttributeValue: false,
  isArray: name => ['service', 'dataset', 'catalogRef', 'dataSize', 'date', 'access', 'metadata'].includes(name)
});

const UNITS: Record<string, number> = { bytes: 1, kbytes: 1e3, mbytes: 1e6, gbytes: 1e9, tbytes: 1e12, pbytes: 1e15 };

function list(node: unknown, key: string): Node[] {
  const v = (node as Node | undefined)?.[key];
  return Array.isArray(v) ? (v as Node[]) : v !== undefined && v !== null && typeof v === 'object' ? [v as Node] : [];
}

function attr(node: Node, name: string): string | undefined {
  const v = node[`@_${name}`];
  return typeof v === 'string' ? v : undefined;
}

function text(node: unknown): string | undefined {
  if (typeof node === 'string') return node.trim();
  const t = (node as Node | undefined)?.['#text'];
  return typeof t === 'string' ? t.trim() : typeof t === 'number' ? String(t) : undefined;
}

function dataSize(ds: Node): number | undefined {
  const el = list(ds, 'dataSize')[0];
  if (el === undefined) return undefined;
  const value = Number(text(el));
  const unit = UNITS[(typeof el === 'object' ? attr(el, 'units') ?? 'bytes' : 'bytes').toLowerCase()];
  return Number.isFinite(value) && unit !== undefined ? Math.round(value * unit) : undefined;
}

/**
 * Parse a THREDDS InvCatalog 1.0 catalog.xml (namespaces and prefixes
 * ignored; datasets and catalogRefs collected at every depth).
 *
 * @throws DownloadError (BAD_RESPONSE) naming the catalog's URL for text that is not a THREDDS catalog
 */
export function parseThreddsCatalog(xml: string, catalogUrl: string): ThreddsCatalog {
  const bad = (why: string) =>
    new DownloadError('BAD_RESPONSE', 'aviso', `AVISO THREDDS catalog ${redactUrl(catalogUrl)}: not a THREDDS catalog (${why})`, { url: catalogUrl });
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    throw bad(`${valid.err.msg} at line ${valid.err.line}`);
  }
  const root = (parser.parse(xml) as Node).catalog as Node | undefined;
  if (root === undefined || typeof root !== 'object') {
    throw bad('no <catalog> element');
  }
  const services: ThreddsService[] = [];
  const walkServices = (node: Node) => {
    for (const s of list(node, 'service')) {
      services.push({ name: attr(s, 'name') ?? '', serviceType: attr(s, 'serviceType') ?? '', base: attr(s, 'base') ?? '' });
      walkServices(s);
    }
  };
  walkServices(root);
  const http = services.find(s => s.serviceType.toLowerCase() === 'httpserver');
  const datasets: ThreddsDataset[] = [];
  const catalogRefs: ThreddsCatalogRef[] = [];
  const walk = (node: Node) => {
    for (const ref of list(node, 'catalogRef')) {
      const href = attr(ref, 'href');
      if (href === undefined) continue;
      const abs = makeUrl(href, catalogUrl).toString();
      const folder = abs.replace(/\/catalog\.(xml|html)$/, '').replace(/\/+$/, '');
      const title = attr(ref, 'title') || attr(ref, 'name') || folder.slice(folder.lastIndexOf('/') + 1);
      catalogRefs.push({ title, href: abs });
    }
    for (const ds of list(node, 'dataset')) {
      const urlPath = attr(ds, 'urlPath') ?? list(ds, 'access').map(a => attr(a, 'urlPath')).find(p => p !== undefined);
      if (urlPath !== undefined) {
        const d: ThreddsDataset = { name: attr(ds, 'name') ?? urlPath.slice(urlPath.lastIndexOf('/') + 1), urlPath };
        const size = dataSize(ds);
        if (size !== undefined) d.size = size;
        const modified = list(ds, 'date').find(e => typeof e === 'object' && attr(e, 'type') === 'modified');
        if (modified !== undefined && text(modified)) d.modified = text(modified);
        datasets.push(d);
      }
      walk(ds);
    }
  };
  walk(root);
  const out: ThreddsCatalog = { services, datasets, catalogRefs };
  if (http !== undefined) out.fileServer = makeUrl(http.base, catalogUrl).toString();
  return out;
}

// --- AVISO tree <-> THREDDS ------------------------------------------------------

export interface AvisoLayoutEntry {
  /** Prefix in the AVISO tree (FTP/SFTP), ending with '/'. */
  tree: string;
  /** The same folder under THREDDS' catalog/ and fileServer/, ending with '/'. */
  thredds: string;
}

/**
 * The AVISO tree's product folders on THREDDS (altimetry-downloader-aviso
 * 0.8.0, tds_layout.yaml); below them both trees are the same:
 * <version>/<subset>/[forward|reproc/]cycle_CCC/.
 */
export const AVISO_THREDDS_LAYOUT: readonly AvisoLayoutEntry[] = [
  { tree: '/swot_products/l3_karin_nadir/', thredds: 'dataset-l3-swot-karin-nadir-validated/' },
  { tree: '/swot_products/l2_karin/l2_lr_ssh/', thredds: 'dataset-l2-swot-karin-lr-ssh-validated/' }
];

const withSlash = (p: string) => (p.endsWith('/') ? p : `${p}/`);

/** A version as the AVISO folders spell it: "2.0.1" -> "v2_0_1", "v3.0" -> "v3_0", "PIC2" as is. */
export function avisoVersionFolder(version: string): string {
  return /^v?\d+(?:[._]\d+)*$/.test(version) ? `v${version.replace(/^v/, '').replace(/\./g, '_')}` : version;
}

const PRODUCT_FOLDER = /^(l2_lr_ssh|l3_lr_ssh)$/;

/**
 * The collection's folder in the AVISO tree, with `version` put in the
 * version folder (the one after l2_lr_ssh/ or l3_lr_ssh/), replaced or appended.
 */
export function avisoCollectionPath(collection: string, version?: string): string {
  const trimmed = collection.replace(/\/+$/, '');
  if (version === undefined) return trimmed;
  const parts = trimmed.split('/');
  const i = parts.findIndex(p => PRODUCT_FOLDER.test(p));
  if (i < 0) {
    throw new UsageError(`AVISO collection ${collection}: no l2_lr_ssh or l3_lr_ssh folder to put version ${version} in; give the full path instead`);
  }
  const v = avisoVersionFolder(version);
  if (i + 1 < parts.length) parts[i + 1] = v;
  else parts.push(v);
  return parts.join('/');
}

/** AVISO tree path -> THREDDS path (no leading slash, no trailing one). */
export function threddsPathOf(treePath: string, layout: readonly AvisoLayoutEntry[] = AVISO_THREDDS_LAYOUT): string {
  const p = withSlash(treePath);
  const entry = layout.find(e => p.startsWith(e.tree));
  if (entry === undefined) {
    throw new UsageError(`AVISO collection ${treePath}: not under ${layout.map(e => e.tree).join(' or ')} (the folders known on THREDDS)`);
  }
  return (entry.thredds + p.slice(entry.tree.length)).replace(/\/+$/, '');
}

/** THREDDS urlPath -> AVISO tree path, or undefined outside the layout. */
export function treePathOf(urlPath: string, layout: readonly AvisoLayoutEntry[] = AVISO_THREDDS_LAYOUT): string | undefined {
  const p = urlPath.replace(/^\/+/, '');
  const entry = layout.find(e => p.startsWith(e.thredds));
  return entry === undefined ? undefined : entry.tree + p.slice(entry.thredds.length);
}

// --- product counters ----------------------------------------------------------

const L2_TAIL = /_([A-Z0-9]{4})_(\d{2})\.nc$/;

/**
 * The rank of a file among the versions of one half-orbit: L2 by CRID then
 * product counter (PIC2_01 < PIC2_02), L3 by version (v2.0.1 < v2.0.2).
 */
function productRank(name: string, id: ProductId): Array<string | number> {
  const l2 = L2_TAIL.exec(name);
  if (id.level === 'L2' && l2) return [l2[1], Number(l2[2])];
  return (id.version ?? '').split(/[._]/).map(x => (/^\d+$/.test(x) ? Number(x) : x));
}

function compareRank(a: Array<string | number>, b: Array<string | number>): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] ?? -1;
    const y = b[i] ?? -1;
    if (x === y) continue;
    if (typeof x === 'number' && typeof y === 'number') return x - y;
    return String(x) < String(y) ? -1 : 1;
  }
  return 0;
}

/**
 * One granule per half-orbit (product, subset, cycle, pass): the highest
 * product counter (L2) or version (L3). Names the parser does not read pass as they are.
 */
export function keepHighestCounter(granules: Granule[]): Granule[] {
  const best = new Map<string, { g: Granule; rank: Array<string | number> }>();
  const rest: Granule[] = [];
  for (const g of granules) {
    const id = parseProductFileName(g.name);
    if (id === undefined || id.cycle === undefined || id.pass === undefined) {
      rest.push(g);
      continue;
    }
    const key = `${id.product}|${id.subset ?? ''}|${id.cycle}|${id.pass}`;
    const rank = productRank(g.name, id);
    const have = best.get(key);
    if (have === undefined || compareRank(rank, have.rank) > 0) best.set(key, { g, rank });
  }
  return [...[...best.values()].map(b => b.g), ...rest];
}

// --- search ---------------------------------------------------------------------

export interface ThreddsSearchOptions {
  /** The AVISO tree <-> THREDDS table (default AVISO_THREDDS_LAYOUT). */
  layout?: readonly AvisoLayoutEntry[];
  /** Catalogs fetched at once (default 4). */
  concurrency?: number;
}

const CYCLE_FOLDER = /^cycle_(\d+)$/;
const DAY_MS = 86_400_000;

/** Whether cycle `c` (science, or cal/val from 400 on) can hold a pass of the period (one day of margin). */
function cycleInPeriod(c: number, period: [number, number]): boolean {
  const orbit = c >= 400 ? ORBITS.calval : ORBITS.science;
  return cycleStartMs(orbit, c) - DAY_MS <= period[1] && cycleStartMs(orbit, c + 1) + DAY_MS >= period[0];
}

/**
 * Search AVISO's THREDDS server: from {threddsUrl}/catalog/<collection's
 * folder>/catalog.xml down its catalogRefs (cycle_CCC folders outside
 * query.cycles or the period are never fetched), at most 4 catalogs at once.
 * THREDDS has no footprints: the box is only a pass filter (ctx.passesInBox,
 * swath-aware). Sizes are approximate (Granule.approxSize).
 *
 * @throws UsageError for a bad query or a collection outside the layout;
 *   DownloadError (AUTH, NOT_FOUND, HTTP, BAD_RESPONSE, ABORTED) naming the catalog URL
 */
export async function searchThredds(query: SearchQuery, ctx: SearchContext, options: ThreddsSearchOptions = {}): Promise<Granule[]> {
  validateQuery(query);
  const layout = options.layout ?? AVISO_THREDDS_LAYOUT;
  const treeRoot = avisoCollectionPath(query.collection, query.version);
  const base = (ctx.threddsUrl ?? DEFAULT_THREDDS_URL).replace(/\/+$/, '');
  const rootUrl = `${base}/catalog/${threddsPathOf(treeRoot, layout)}/catalog.xml`;
  const passes = await passFilter(query, ctx.passesInBox);
  if (passes !== undefined && passes.length === 0) return [];
  const cycleSet = query.cycles === undefined ? undefined : new Set(query.cycles);
  const passSet = passes === undefined ? undefined : new Set(passes);
  const period = queryPeriod(query);
  const filtered = cycleSet !== undefined || passSet !== undefined || period !== undefined;

  const found: Granule[] = [];
  const queue: string[] = [rootUrl];
  const queued = new Set(queue);
  let running = 0;
  let failure: unknown;

  const visit = async (url: string): Promise<void> => {
    const response = await fetchOrThrow('aviso', url, ctx.signal, () => ctx.fetch(url, { headers: { Accept: 'application/xml' }, signal: ctx.signal }));
    const body = await fetchOrThrow('aviso', url, ctx.signal, () => response.text());
    if (!response.ok) throw httpError('aviso', url, response.status, response.statusText, 'THREDDS catalog');
    const catalog = parseThreddsCatalog(body, url);
    const fileServer = catalog.fileServer ?? `${base}/fileServer/`;
    for (const ref of catalog.catalogRefs) {
      const m = CYCLE_FOLDER.exec(ref.title) ?? CYCLE_FOLDER.exec(ref.href.replace(/\/catalog\.xml$/, '').split('/').pop() ?? '');
      if (m) {
        const c = Number(m[1]);
        if ((cycleSet && !cycleSet.has(c)) || (period && !cycleInPeriod(c, period))) continue;
      }
      if (!queued.has(ref.href)) {
        queued.add(ref.href);
        queue.push(ref.href);
      }
    }
    for (const ds of catalog.datasets) {
      if (!/\.nc$/i.test(ds.name) && !/\.nc$/i.test(ds.urlPath)) continue;
      const name = ds.urlPath.slice(ds.urlPath.lastIndexOf('/') + 1);
      const id = parseProductFileName(name);
      if (id === undefined && filtered) continue;
      if (cycleSet && id?.cycle !== undefined && !cycleSet.has(id.cycle)) continue;
      if (passSet && (id?.pass === undefined || !passSet.has(id.pass))) continue;
      if (!overlapsPeriod(period, id?.timeStart, id?.timeEnd)) continue;
      const folders = ds.urlPath.split('/').slice(0, -1);
      const g: Granule = {
        provider: 'aviso',
        collection: query.collection,
        name,
        url: makeUrl(ds.urlPath.replace(/^\/+/, ''), withSlash(fileServer)).toString(),
        dir: [...folders].reverse().find(f => CYCLE_FOLDER.test(f)) ?? ''
      };
      const path = treePathOf(ds.urlPath, layout);
      if (path !== undefined) g.path = path;
      if (ds.size !== undefined) g.approxSize = ds.size;
      if (id?.cycle !== undefined) g.cycle = id.cycle;
      if (id?.pass !== undefined) g.pass = id.pass;
      if (id?.timeStart !== undefined) g.start = id.timeStart;
      if (id?.timeEnd !== undefined) g.end = id.timeEnd;
      found.push(g);
    }
    ctx.onPage?.(found.length);
  };

  // A small pool: at most `concurrency` catalogs in flight; the first failure stops the walk.
  const concurrency = Math.max(1, options.concurrency ?? 4);
  await new Promise<void>(resolve => {
    const pump = () => {
      if (failure !== undefined || (queue.length === 0 && running === 0)) {
        if (running === 0) resolve();
        return;
      }
      while (failure === undefined && running < concurrency && queue.length > 0) {
        const url = queue.shift()!;
        running++;
        visit(url).then(
          () => {
            running--;
            pump();
          },
          error => {
            running--;
            failure ??= error;
            pump();
          }
        );
      }
    };
    pump();
  });
  if (failure !== undefined) throw failure;
  checkAborted(ctx.signal, 'aviso');

  const kept = keepHighestCounter(found).sort((a, b) => (a.cycle ?? 0) - (b.cycle ?? 0) || (a.pass ?? 0) - (b.pass ?? 0) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return query.limit === undefined ? kept : kept.slice(0, query.limit);
}
