/**
 * `search()` in the kernel library and `swot search`: which granules PO.DAAC (CMR) or AVISO
 * (THREDDS) hold for a collection, cycles, passes, period and box, through the core's search
 * (src/core/download). The kernel adds what needs Node: the endpoints from the environment
 * (SWOT_CMR_URL, SWOT_AVISO_THREDDS_URL, for mirrors and tests), AVISO's Basic credentials for
 * the THREDDS host (.netrc or AVISO_USERNAME/PASSWORD, never printed) and the swath-aware pass
 * finder for the box.
 *
 * @example
 * const granules = await swot.search({ provider: 'podaac', collection: 'SWOT_L2_LR_SSH_BASIC_2.0', cycles: [26], passes: [165] });
 */
import {
  DEFAULT_CMR_URL,
  DEFAULT_THREDDS_URL,
  DownloadError,
  FetchLike,
  Granule,
  parseBBox,
  parseNumberList,
  parseTimeRange,
  ProviderName,
  searchGranules,
  SearchQuery,
  validateQuery
} from '../core/download';
import { authorizationFor, Credentials, credentialsFor, missingCredentialsHint } from './download/credentials';
import { passesCrossing } from './passes';

export interface SearchOptions {
  provider: ProviderName;
  collection: string;
  /** AVISO version folder (v2_0_1, v3_0, PIC2) when the collection does not name it. */
  version?: string;
  /** A list, or text such as "1-3,5". */
  cycles?: number[] | string;
  passes?: number[] | string;
  /** { start, end }, [start, end] or "START/END" (ISO 8601). */
  time?: { start: string; end: string } | [string, string] | string;
  bbox?: [number, number, number, number] | string;
  phase?: 'science' | 'calval';
  limit?: number;
  /** Folder of the orbit ephemerides for the box filter (see passesCrossing). */
  ephemerides?: string;
}

/** The core's SearchQuery from the library's friendlier options (lists as text, time as a pair). */
export function searchQuery(options: SearchOptions): SearchQuery {
  const { ephemerides: _ephemerides, ...rest } = options;
  const query: SearchQuery = { provider: rest.provider, collection: rest.collection };
  if (rest.version !== undefined) query.version = rest.version;
  if (rest.cycles !== undefined) query.cycles = typeof rest.cycles === 'string' ? parseNumberList(rest.cycles, 'cycles') : rest.cycles;
  if (rest.passes !== undefined) query.passes = typeof rest.passes === 'string' ? parseNumberList(rest.passes, 'passes') : rest.passes;
  if (rest.time !== undefined) {
    query.time = typeof rest.time === 'string' ? parseTimeRange(rest.time, 'time') : Array.isArray(rest.time) ? { start: rest.time[0], end: rest.time[1] } : rest.time;
  }
  if (rest.bbox !== undefined) query.bbox = typeof rest.bbox === 'string' ? parseBBox(rest.bbox, 'bbox') : rest.bbox;
  if (rest.phase !== undefined) query.phase = rest.phase;
  if (rest.limit !== undefined) query.limit = rest.limit;
  validateQuery({ ...query }, 'search()');
  return query;
}

export function endpoints(env: Record<string, string | undefined> = process.env): { cmrUrl: string; threddsUrl: string } {
  return { cmrUrl: env.SWOT_CMR_URL || DEFAULT_CMR_URL, threddsUrl: env.SWOT_AVISO_THREDDS_URL || DEFAULT_THREDDS_URL };
}

/** Global fetch, with AVISO's Basic credentials added for the THREDDS host only (as the transfers send them). */
function providerFetch(provider: ProviderName, credentials: Credentials | undefined): FetchLike {
  const base = globalThis.fetch as unknown as FetchLike;
  if (provider !== 'aviso' || !credentials) return base;
  return (url, init = {}) => {
    const authorization = authorizationFor(credentials, new URL(url));
    return base(url, authorization ? { ...init, headers: { ...init.headers, authorization } } : init);
  };
}

/** The granules a provider holds for the query (name, URL, size, checksum, cycle, pass, time span). */
export async function search(options: SearchOptions, signal?: AbortSignal): Promise<Granule[]> {
  const query = searchQuery(options);
  const { cmrUrl, threddsUrl } = endpoints();
  const host = new URL(threddsUrl).host;
  const credentials = query.provider === 'aviso' ? credentialsFor('aviso', host) : undefined;
  try {
    return await searchGranules(query, {
      fetch: providerFetch(query.provider, credentials),
      cmrUrl,
      threddsUrl,
      signal,
      passesInBox: async (bbox, phase) => [...new Set((await passesCrossing({ bbox }, { phase, ephemerides: options.ephemerides })).map(r => r.pass))]
    });
  } catch (error) {
    // A refused catalog says where the credentials came from (or where to put them), as a refused transfer does.
    if (error instanceof DownloadError && error.code === 'AUTH' && query.provider === 'aviso') {
      const status = error.status ?? 401;
      const message = credentials
        ? `AVISO refused the credentials from ${credentials.source} (HTTP ${status} from ${host}) for its THREDDS catalogs`
        : `AVISO's THREDDS catalogs require a login (HTTP ${status} from ${host}): ${missingCredentialsHint('aviso', host)}`;
      throw new DownloadError('AUTH', 'aviso', message, { url: error.url, status, cause: error });
    }
    throw error;
  }
}
