/**
 * Loopback HTTP servers for the download engine's tests (Node only): a
 * CMR-style granule search that pages with CMR-Search-After and follows CMR's
 * rules for cycle[] and passes[n][pass], and a THREDDS-style catalog tree,
 * each recording the requests it was sent.
 */
import { createServer, IncomingMessage, ServerResponse } from 'node:http';
import { listenOnLoopback } from './ports';

export interface RecordedRequest {
  method: string;
  /** Path without the query. */
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
}

export interface LoopbackServer {
  /** http://127.0.0.1:PORT (no trailing slash). */
  url: string;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

export type Handler = (req: RecordedRequest, res: ServerResponse) => void;

/** Start a server on loopback (a free port unless `port` is given). */
export async function startLoopbackServer(handler: Handler, port = 0): Promise<LoopbackServer> {
  const requests: RecordedRequest[] = [];
  const server = createServer((req, res) => {
    const u = new URL(req.url ?? '/', 'http://127.0.0.1');
    const rec: RecordedRequest = { method: req.method ?? 'GET', path: decodeURIComponent(u.pathname), query: u.searchParams, headers: req.headers };
    requests.push(rec);
    try {
      handler(rec, res);
    } catch (error) {
      res.writeHead(500, { 'content-type': 'text/plain' }).end(String(error));
    }
  });
  return {
    url: await listenOnLoopback(server, port),
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close(error => (error ? reject(error) : resolve()));
      })
  };
}

/** A granule as the CMR server holds it: its collection and its UMM-G record. */
export interface CmrRecord {
  shortName: string;
  umm: Record<string, unknown>;
}

export interface CmrServerOptions {
  /** Answer every search with this status (and a CMR-style { errors } body). */
  status?: number;
  /** A bearer token the search needs (401 without it). */
  token?: string;
}

function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
}

function trackOf(umm: Record<string, unknown>): { cycle?: number; passes: number[] } {
  const track = (umm.SpatialExtent as { HorizontalSpatialDomain?: { Track?: { Cycle?: number; Passes?: Array<{ Pass: number }> } } } | undefined)
    ?.HorizontalSpatialDomain?.Track;
  return { cycle: track?.Cycle, passes: (track?.Passes ?? []).map(p => p.Pass) };
}

/** CMR's readable_granule_name pattern (* and ?) as a RegExp. */
function patternRegExp(pattern: string): RegExp {
  return new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`);
}

/**
 * GET /search/granules.umm_json: short_name, cycle[], passes[n][pass] (only
 * with exactly one cycle[], as CMR: 400 otherwise), readable_granule_name[]
 * with options[readable_granule_name][pattern], page_size, and paging with
 * the CMR-Search-After header (an opaque token each page, absent past the end).
 * temporal and bounding_box are accepted and not applied.
 */
export function cmrHandler(records: CmrRecord[], options: CmrServerOptions = {}): Handler {
  return (req, res) => {
    if (req.path !== '/search/granules.umm_json') {
      return json(res, 404, { errors: [`no route ${req.path}`] });
    }
    if (options.status !== undefined) {
      return json(res, options.status, { errors: [`test server answers ${options.status}`] });
    }
    if (options.token !== undefined && req.headers.authorization !== `Bearer ${options.token}`) {
      return json(res, 401, { errors: ['Token does not exist'] });
    }
    const q = req.query;
    const cycles = q.getAll('cycle[]').map(Number);
    const passes = [...q.keys()].filter(k => /^passes\[\d+\]\[pass\]$/.test(k)).map(k => Number(q.get(k)));
    if (passes.length > 0 && cycles.length === 0) {
      return json(res, 400, { errors: ['Cycle value must be provided when searching with passes.'] });
    }
    if (passes.length > 0 && cycles.length > 1) {
      return json(res, 400, { errors: [`There can only be one cycle value when searching with passes, but was ${JSON.stringify(cycles.map(String))}.`] });
    }
    const names = q.getAll('readable_granule_name[]');
    const patterns = q.get('options[readable_granule_name][pattern]') === 'true' ? names.map(patternRegExp) : undefined;
    const matches = records.filter(r => {
      if (r.shortName !== q.get('short_name')) return false;
      const t = trackOf(r.umm);
      if (cycles.length > 0 && (t.cycle === undefined || !cycles.includes(t.cycle))) return false;
      if (passes.length > 0 && !t.passes.some(p => passes.includes(p))) return false;
      const ur = String(r.umm.GranuleUR);
      if (names.length > 0 && !(patterns ? patterns.some(re => re.test(ur)) : names.includes(ur))) return false;
      return true;
    });
    const pageSize = Number(q.get('page_size') ?? 10);
    const after = req.headers['cmr-search-after'];
    const offset = typeof after === 'string' ? (JSON.parse(after) as [string, number])[1] : 0;
    const page = matches.slice(offset, offset + pageSize);
    const headers: Record<string, string> = { 'CMR-Hits': String(matches.length) };
    if (page.length > 0) headers['CMR-Search-After'] = JSON.stringify(['after', offset + page.length]);
    json(res, 200, { hits: matches.length, took: 1, items: page.map((r, i) => ({ meta: { 'concept-id': `G${offset + i}-TEST`, 'provider-id': 'POCLOUD' }, umm: r.umm })) }, headers);
  };
}

export interface ThreddsServerOptions {
  /** user:password the server wants (Basic auth; 401 otherwise). */
  basic?: string;
}

/** Serve `tree` (URL path -> catalog.xml text) under the server, e.g. '/thredds/catalog/dataset-.../catalog.xml'. */
export function threddsHandler(tree: Record<string, string>, options: ThreddsServerOptions = {}): Handler {
  return (req, res) => {
    if (options.basic !== undefined && req.headers.authorization !== `Basic ${Buffer.from(options.basic).toString('base64')}`) {
      res.writeHead(401, { 'www-authenticate': 'Basic realm="THREDDS"' }).end();
      return;
    }
    const body = tree[req.path];
    if (body === undefined) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end(`not found: ${req.path}`);
      return;
    }
    res.writeHead(200, { 'content-type': 'application/xml' }).end(body);
  };
}

export interface CatalogEntry {
  /** A folder: its catalogRef. */
  ref?: string;
  /** A file: its name and size in Mbytes. */
  file?: string;
  mbytes?: number;
}

/**
 * A catalog.xml as AVISO's TDS writes it (InvCatalog 1.0; Compound service
 * with the HTTPServer at /thredds/fileServer/; one top dataset holding the
 * catalogRefs and files), for the folder `urlDir` (e.g. 'dataset-l3.../v2_0_1/Expert').
 */
export function threddsCatalogXml(urlDir: string, entries: CatalogEntry[]): string {
  const title = urlDir.split('/').pop();
  const lines = entries.map(e =>
    e.ref !== undefined
      ? `    <catalogRef xlink:href="${e.ref}/catalog.xml" xlink:title="${e.ref}" ID="${urlDir}/${e.ref}" name="" />`
      : `    <dataset name="${e.file}" ID="${urlDir}/${e.file}" urlPath="${urlDir}/${e.file}">
      <dataSize units="Mbytes">${e.mbytes ?? 1}</dataSize>
      <date type="modified">2025-01-03T10:41:12.000Z</date>
    </dataset>`
  );
  return `<?xml version="1.0" encoding="UTF-8"?>
<catalog xmlns="http://www.unidata.ucar.edu/namespaces/thredds/InvCatalog/v1.0" xmlns:xlink="http://www.w3.org/1999/xlink" name="THREDDS Server Catalog" version="1.0.1">
  <service name="all" serviceType="Compound" base="">
    <service name="odap" serviceType="OpenDAP" base="/thredds/dodsC/" />
    <service name="http" serviceType="HTTPServer" base="/thredds/fileServer/" />
  </service>
  <dataset name="${title}" ID="${urlDir}">
    <metadata inherited="true">
      <serviceName>all</serviceName>
      <dataType>Grid</dataType>
    </metadata>
${lines.join('\n')}
  </dataset>
</catalog>
`;
}
