/**
 * PO.DAAC search through NASA's CMR: granules.umm_json by short name,
 * period, box, cycle and pass, paged with CMR-Search-After; UMM-G records
 * turned into Granules with their file name, URL, size and checksum.
 */
import { toEpochMs } from '../cf/time';
import { parseProductFileName } from '../product';
import { checkAborted, DownloadError, fetchOrThrow, httpError, redactUrl } from './errors';
import { overlapsPeriod, passFilter, queryPeriod, validateQuery } from './query';
import { makeSearchParams, SearchParamsLike } from './web';
import { Checksum, ChecksumAlgorithm, DEFAULT_CMR_URL, Granule, SearchContext, SearchQuery } from './types';

/** CMR's largest page. */
export const CMR_PAGE_SIZE = 2000;

/** Beyond this many cycles with a pass filter, one request for all cycles (passes filtered here) rather than one per cycle. */
const MAX_CYCLE_REQUESTS = 50;

export interface CmrRequestOptions {
  /** The pass filter to send (query.passes intersected with the box's passes); default query.passes. */
  passes?: number[];
  pageSize?: number;
}

/** A collection given as a concept id (C1234567890-POCLOUD) rather than a short name. */
const CONCEPT_ID = /^C\d+-[A-Z0-9_]+$/;

function lon180(lon: number): number {
  return lon > 180 ? lon - 360 : lon;
}

/** The box as CMR's bounding_box W,S,E,N in [-180, 180]; W > E crosses the antimeridian, which CMR accepts. */
export function cmrBoundingBox(bbox: [number, number, number, number]): string {
  const [lon0, lat0, lon1, lat1] = bbox;
  const whole = lon1 - lon0 >= 360;
  const w = whole ? -180 : lon180(lon0);
  const e = whole ? 180 : lon180(lon1);
  return [w, lat0, e, lat1].join(',');
}

/** A name pattern (CMR readable_granule_name) matching pass P of any cycle: ..._CCC_PPP_<start>_... */
function passPattern(pass: number): string {
  return `*_???_${String(pass).padStart(3, '0')}_????????T??????_*`;
}

/**
 * The parameters of one GET {cmrUrl}/search/granules.umm_json.
 *
 * CMR accepts passes[n][pass] only beside exactly one cycle[] (it answers 400
 * otherwise): with one cycle the passes are sent so; with none, as granule
 * name patterns (`*_???_165_????????T??????_*`: the SWOT names' cycle_pass
 * field); with several, not at all (cmrRequests splits the query by cycle,
 * and searchCmr filters the passes of what comes back in every case).
 *
 * The box is sent as bounding_box too, beside the swath-aware pass filter:
 * CMR matches it against the granule's footprint, which for SWOT LR SSH is
 * the swath polygon (not the nadir track), so it drops no granule whose swath
 * crosses the box and spares pages of those that do not.
 */
export function cmrGranuleParams(query: SearchQuery, options: CmrRequestOptions = {}): SearchParamsLike {
  const p = makeSearchParams();
  p.set(CONCEPT_ID.test(query.collection) ? 'collection_concept_id' : 'short_name', query.collection);
  if (query.time !== undefined) {
    // Full UTC times, as CMR wants them (a time without a zone is UTC, as everywhere in the query).
    const iso = (t: string) => new Date(toEpochMs(t, 'time')).toISOString().replace('.000Z', 'Z');
    p.set('temporal', `${iso(query.time.start)},${iso(query.time.end)}`);
  }
  if (query.bbox !== undefined) {
    p.set('bounding_box', cmrBoundingBox(query.bbox));
  }
  const cycles = query.cycles ?? [];
  for (const cycle of cycles) {
    p.append('cycle[]', String(cycle));
  }
  const passes = options.passes ?? query.passes;
  if (passes !== undefined && passes.length > 0) {
    if (cycles.length === 1) {
      passes.forEach((pass, i) => p.set(`passes[${i}][pass]`, String(pass)));
    } else if (cycles.length === 0) {
      for (const pass of passes) {
        p.append('readable_granule_name[]', passPattern(pass));
      }
      p.set('options[readable_granule_name][pattern]', 'true');
    }
  }
  p.set('page_size', String(options.pageSize ?? Math.min(CMR_PAGE_SIZE, query.limit ?? CMR_PAGE_SIZE)));
  p.set('sort_key', 'start_date');
  return p;
}

/** The requests a query needs: one per cycle when it has a pass filter and several cycles (CMR's rule), else one. */
export function cmrRequests(query: SearchQuery, options: CmrRequestOptions = {}): SearchParamsLike[] {
  const passes = options.passes ?? query.passes;
  const cycles = query.cycles ?? [];
  if (passes !== undefined && passes.length > 0 && cycles.length > 1 && cycles.length <= MAX_CYCLE_REQUESTS) {
    return [...cycles].sort((a, b) => a - b).map(cycle => cmrGranuleParams({ ...query, cycles: [cycle] }, options));
  }
  return [cmrGranuleParams(query, options)];
}

// --- UMM-G --------------------------------------------------------------

interface UmmRelatedUrl {
  URL?: string;
  Type?: string;
}
interface UmmArchiveInfo {
  Name?: string;
  SizeInBytes?: number;
  Size?: number;
  SizeUnit?: string;
  Checksum?: { Value?: string; Algorithm?: string };
}
interface UmmGranule {
  GranuleUR?: string;
  TemporalExtent?: { RangeDateTime?: { BeginningDateTime?: string; EndingDateTime?: string }; SingleDateTime?: string };
  SpatialExtent?: { HorizontalSpatialDomain?: { Track?: { Cycle?: number; Passes?: Array<{ Pass?: number }> } } };
  DataGranule?: { ArchiveAndDistributionInformation?: UmmArchiveInfo[] };
  RelatedUrls?: UmmRelatedUrl[];
}

/** Side files that are never the data (checksums, metadata). */
const SIDE_FILE = /\.(md5|sha1|sha256|sha512|iso\.xml|cmr\.json|cmr\.xml|dmrpp)$/i;

const UNIT: Record<string, number> = { KB: 1024, MB: 1024 ** 2, GB: 1024 ** 3, TB: 1024 ** 4, PB: 1024 ** 5 };

/** UMM-G's checksum algorithm names (MD5, SHA-1, SHA-256, SHA-512; also written md5, SHA256...) -> ours. */
export function normaliseChecksumAlgorithm(name: string | undefined): ChecksumAlgorithm | undefined {
  const key = (name ?? '').toUpperCase().replace(/[^A-Z0-9]/g, '');
  return ({ MD5: 'MD5', SHA1: 'SHA-1', SHA256: 'SHA-256', SHA512: 'SHA-512' } as Record<string, ChecksumAlgorithm>)[key];
}

const HEX_LENGTH: Record<ChecksumAlgorithm, number> = { MD5: 32, 'SHA-1': 40, 'SHA-256': 64, 'SHA-512': 128 };

function checksumOf(info: UmmArchiveInfo | undefined): Checksum | undefined {
  const algorithm = normaliseChecksumAlgorithm(info?.Checksum?.Algorithm);
  const value = info?.Checksum?.Value?.trim().toLowerCase();
  if (algorithm === undefined || value === undefined || !/^[0-9a-f]+$/.test(value) || value.length !== HEX_LENGTH[algorithm]) {
    return undefined;
  }
  return { algorithm, value };
}

function lastSegment(url: string): string {
  const path = url.replace(/[?#].*$/, '');
  return decodeURIComponent(path.slice(path.lastIndexOf('/') + 1));
}

/** The data files of a granule: GET DATA URLs, https first, one per file name. */
function dataUrls(urls: UmmRelatedUrl[] | undefined): Array<{ name: string; url: string }> {
  const byName = new Map<string, string>();
  const candidates = (urls ?? []).filter(u => u.Type === 'GET DATA' && typeof u.URL === 'string' && /^https?:\/\//i.test(u.URL) && !SIDE_FILE.test(u.URL.replace(/[?#].*$/, '')));
  for (const u of candidates) {
    const name = lastSegment(u.URL!);
    const have = byName.get(name);
    if (name !== '' && (have === undefined || (!have.startsWith('https:') && u.URL!.startsWith('https:')))) {
      byName.set(name, u.URL!);
    }
  }
  return [...byName].map(([name, url]) => ({ name, url }));
}

function stripExtension(name: string): string {
  return name.replace(/\.[^.]*$/, '');
}

/**
 * UMM-G search results (granules.umm_json: `{ hits, items: [{ meta, umm }] }`)
 * -> one Granule per data file. A granule without an http(s) GET DATA URL is
 * left out (nothing to download over HTTPS).
 */
export function parseUmmGranules(json: unknown, collection: string): Granule[] {
  const items = (json as { items?: unknown })?.items;
  if (!Array.isArray(items)) {
    throw new TypeError('not a CMR UMM-G result: no "items" list');
  }
  const out: Granule[] = [];
  for (const item of items) {
    const umm = ((item as { umm?: UmmGranule })?.umm ?? {}) as UmmGranule;
    const infos = umm.DataGranule?.ArchiveAndDistributionInformation ?? [];
    const track = umm.SpatialExtent?.HorizontalSpatialDomain?.Track;
    const range = umm.TemporalExtent?.RangeDateTime;
    for (const { name, url } of dataUrls(umm.RelatedUrls)) {
      const info = infos.find(i => i.Name === name) ?? infos.find(i => i.Name !== undefined && stripExtension(i.Name) === stripExtension(name) && !SIDE_FILE.test(i.Name));
      const fromName = parseProductFileName(name) ?? (umm.GranuleUR ? parseProductFileName(`${umm.GranuleUR}.nc`) : undefined);
      const g: Granule = { provider: 'podaac', collection, name, url, dir: '' };
      if (typeof info?.SizeInBytes === 'number' && Number.isFinite(info.SizeInBytes)) {
        g.size = info.SizeInBytes;
      } else if (typeof info?.Size === 'number' && info.SizeUnit !== undefined && UNIT[info.SizeUnit.toUpperCase()] !== undefined) {
        // Size + SizeUnit is rounded: a total for a dry run, not a figure to verify a file by.
        g.approxSize = Math.round(info.Size * UNIT[info.SizeUnit.toUpperCase()]);
      }
      const checksum = checksumOf(info);
      if (checksum) g.checksum = checksum;
      const cycle = typeof track?.Cycle === 'number' ? track.Cycle : fromName?.cycle;
      const pass = typeof track?.Passes?.[0]?.Pass === 'number' ? track.Passes[0].Pass : fromName?.pass;
      if (cycle !== undefined) g.cycle = cycle;
      if (pass !== undefined) g.pass = pass;
      const start = range?.BeginningDateTime ?? umm.TemporalExtent?.SingleDateTime ?? fromName?.timeStart;
      const end = range?.EndingDateTime ?? fromName?.timeEnd;
      if (start !== undefined) g.start = start;
      if (end !== undefined) g.end = end;
      out.push(g);
    }
  }
  return out;
}

// --- search ----------------------------------------------------------------

function cmrMessages(body: string): string {
  try {
    const errors = (JSON.parse(body) as { errors?: unknown }).errors;
    return Array.isArray(errors) && errors.length > 0 ? `: ${errors.map(String).join('; ')}` : '';
  } catch {
    return '';
  }
}

/**
 * Search PO.DAAC's CMR. Pages with CMR-Search-After (the header of each
 * answer is sent back with the next request) until a short page, no header,
 * or `limit`; cycles, passes (those of the box, with ctx.passesInBox) and
 * time are also checked on what comes back.
 *
 * @throws UsageError for a bad query; DownloadError (AUTH, NOT_FOUND, HTTP, BAD_RESPONSE, ABORTED) naming the URL and status
 */
export interface CmrSearchOptions {
  /** Granules per page (default 2000, CMR's largest; less with a smaller limit). */
  pageSize?: number;
}

export async function searchCmr(query: SearchQuery, ctx: SearchContext, options: CmrSearchOptions = {}): Promise<Granule[]> {
  validateQuery(query);
  const passes = await passFilter(query, ctx.passesInBox);
  if (passes !== undefined && passes.length === 0) {
    return []; // the box is crossed by no pass of those asked
  }
  const base = `${(ctx.cmrUrl ?? DEFAULT_CMR_URL).replace(/\/+$/, '')}/search/granules.umm_json`;
  const cycleSet = query.cycles === undefined ? undefined : new Set(query.cycles);
  const passSet = passes === undefined ? undefined : new Set(passes);
  const period = queryPeriod(query);
  const limit = query.limit ?? Infinity;
  const seen = new Set<string>();
  const out: Granule[] = [];

  for (const params of cmrRequests(query, { passes, pageSize: options.pageSize })) {
    const pageSize = Number(params.get('page_size'));
    let searchAfter: string | null = null;
    do {
      const url = `${base}?${params.toString()}`;
      const headers: Record<string, string> = { Accept: 'application/json', 'Client-Id': 'jupyterlab-swot' };
      if (searchAfter !== null) headers['CMR-Search-After'] = searchAfter;
      const response = await fetchOrThrow('podaac', url, ctx.signal, () => ctx.fetch(url, { headers, signal: ctx.signal }));
      const body = await fetchOrThrow('podaac', url, ctx.signal, () => response.text());
      if (!response.ok) {
        const error = httpError('podaac', url, response.status, response.statusText, 'granule search');
        throw new DownloadError(error.code, 'podaac', error.message + cmrMessages(body), { url, status: response.status });
      }
      let page: Granule[];
      let items: number;
      try {
        const json = JSON.parse(body) as { items?: unknown[] };
        page = parseUmmGranules(json, query.collection);
        items = json.items!.length;
      } catch (error) {
        throw new DownloadError('BAD_RESPONSE', 'podaac', `PO.DAAC granule search: not a CMR UMM-G answer from ${redactUrl(url)} (${(error as Error).message})`, { url, cause: error });
      }
      for (const g of page) {
        if (seen.has(g.name)) continue;
        if (cycleSet && g.cycle !== undefined && !cycleSet.has(g.cycle)) continue;
        if (passSet && g.pass !== undefined && !passSet.has(g.pass)) continue;
        if (!overlapsPeriod(period, g.start, g.end)) continue;
        seen.add(g.name);
        out.push(g);
        if (out.length >= limit) break;
      }
      ctx.onPage?.(out.length);
      checkAborted(ctx.signal, 'podaac');
      searchAfter = response.headers.get('CMR-Search-After');
      if (items < pageSize) break;
    } while (searchAfter !== null && out.length < limit);
    if (out.length >= limit) break;
  }
  return out;
}
