/**
 * The one module that talks to the extension's server routes
 * (jupyterlab_swot/handlers.py), all read only: /swot/files/ (bytes, byte
 * ranges and listings), /swot/list/ (paged folder listings for the data
 * browser), /swot/config (the folders this server may read) and /swot/orbit/
 * (the orbit ephemerides). Paths are relative to the server root, or absolute
 * inside an allowed root. Every failure is a typed FileAccessError naming the
 * path, with the server's reason and what to do (e.g. "resolves to /x,
 * outside every folder this server may read (...); ask the administrator to
 * add the folder to c.Swot.data_roots").
 */
import { PageConfig, URLExt } from '@jupyterlab/coreutils';
import { ServerConnection } from '@jupyterlab/services';
import type { FolderSummary } from '../core/browse/rows';
import { FileAccessError, UsageError } from '../core/errors';

/** What the server says when it refuses a path (the JSON body of an error). */
export interface ServerRefusal {
  path: string;
  reason: string;
  hint?: string;
  roots?: string[];
  resolved?: string;
}

/** The HTTP status of a refused request, kept as the FileAccessError's cause. */
export interface HttpCause {
  status: number;
  refusal?: ServerRefusal;
}

/** The extension's routes under `{baseUrl}swot/`. */
export type SwotRoute = 'files' | 'list' | 'config' | 'orbit' | 'snippets' | 'tutorials' | 'downloads';

export interface RequestOptions extends RequestInit {
  /** Resolve to undefined on 404 (a missing Zarr key is no error) instead of throwing. */
  missingOk?: boolean;
  /** The route asked (default 'files'). */
  route?: SwotRoute;
  /** Query parameters. */
  query?: Record<string, string | number | boolean>;
}

/** What a directory holds (the core's type: the browse rows read it), from its first 20,000 direct entries. */
export type { FolderSummary };

/** One row of a folder listing. */
export interface FolderEntry {
  name: string;
  kind: 'file' | 'directory';
  /** Bytes, for files the server can read. */
  size?: number;
  /** Modification time, epoch milliseconds. */
  mtime: number;
  /** Why the entry is listed but cannot be opened (a symlink out of the roots, a broken link, a pipe). */
  refused?: string;
  /** Of a directory, when the listing was asked with `summary`. */
  summary?: FolderSummary;
}

/** One page of a folder, sorted by name (codepoint order), hidden names left out. */
export interface FolderListing {
  /** As asked. */
  path: string;
  /** The folder's real path on the server. */
  resolved: string;
  /** Entries in the whole folder. */
  total: number;
  start: number;
  limit: number;
  /** Zarr / zcollection metadata present in the folder itself (the names are not listed). */
  markers: string[];
  entries: FolderEntry[];
}

export interface ListFolderOptions {
  /** First entry of the page (default 0). */
  start?: number;
  /** Entries in the page, 0 to 1000 (default 200). */
  limit?: number;
  /** Summarise each directory of the page (counts, bytes, first/last file, markers). */
  summary?: boolean;
  signal?: AbortSignal;
}

/** The folders this server may read, real paths. */
export interface SwotServerConfig {
  serverRoot: string;
  /** The server root, the data roots, the sample folder. */
  roots: string[];
  /** The generated sample dataset (c.Swot.sample_data), or null when there is none. */
  sample: string | null;
}

export type OrbitPhase = 'science' | 'calval';

/** `path` as a URL path: an absolute path keeps its leading slash, percent-encoded. */
function encodePath(path: string): string {
  const parts = URLExt.encodeParts(path.replace(/^\/+/, ''));
  return path.startsWith('/') ? `%2F${parts}` : parts;
}

/** The URL of `path` on one of the extension's routes. */
export function swotUrl(
  route: SwotRoute,
  path = '',
  query: RequestOptions['query'] = {},
  settings: ServerConnection.ISettings = ServerConnection.makeSettings()
): string {
  const url = URLExt.join(settings.baseUrl, 'swot', route, encodePath(path));
  const search = new URLSearchParams(Object.entries(query).map(([k, v]): [string, string] => [k, String(v)])).toString();
  return search ? `${url}?${search}` : url;
}

/**
 * The URL of `path` on the read-only route: relative to the server root, or
 * absolute (inside an allowed root), e.g. `/datalake/swot/x.nc` -> `.../swot/files/%2Fdatalake/swot/x.nc`.
 */
export function swotFilesUrl(path: string, settings: ServerConnection.ISettings = ServerConnection.makeSettings()): string {
  return swotUrl('files', path, {}, settings);
}

/**
 * The same URL usable where no header can be set (a Web Worker's synchronous
 * XHR): the server's token, if any, goes in the query, as Jupyter accepts it.
 */
export function swotFilesUrlForWorker(path: string, settings: ServerConnection.ISettings = ServerConnection.makeSettings()): string {
  const url = new URL(swotFilesUrl(path, settings), window.location.href);
  const token = settings.token || PageConfig.getToken();
  if (token) {
    url.searchParams.set('token', token);
  }
  return url.href;
}

/** The server's refusal: the JSON body, or (HEAD, which has no body) the X-Swot-Refusal header. */
async function refusal(response: Response): Promise<ServerRefusal | undefined> {
  const parse = (text: string): ServerRefusal | undefined => {
    try {
      const body = JSON.parse(text) as ServerRefusal;
      return typeof body?.reason === 'string' ? body : undefined;
    } catch {
      return undefined;
    }
  };
  const header = response.headers.get('X-Swot-Refusal');
  return parse(await response.text().catch(() => '')) ?? (header ? parse(decodeURIComponent(header)) : undefined);
}

/** The signal's reason when it is an AbortError (what fetch throws), else a new AbortError. */
function abortError(signal: AbortSignal): unknown {
  const reason: unknown = signal.reason;
  return (reason as { name?: string })?.name === 'AbortError' ? reason : new DOMException('The request was aborted', 'AbortError');
}

/** What a FileAccessError names: the path, or the route for those that take none. */
function sourceOf(route: SwotRoute, path: string): string {
  return (route === 'files' || route === 'list') && path ? path : `/swot/${route}${path ? `/${path}` : ''}`;
}

/**
 * Request `path` (relative to the server root, or absolute inside an allowed
 * root) from one of the extension's routes (default /swot/files/).
 *
 * @example const head = await requestAPI('archive/l3/x.nc', { headers: { Range: 'bytes=0-4095' } });
 * @throws FileAccessError naming `path`: refused (403, with the server's reason), missing (404,
 *   unless `missingOk`), any other HTTP error, or the server cannot be reached; an AbortError
 *   when `signal` aborts
 */
export async function requestAPI(
  path: string,
  options: RequestOptions & { missingOk: true },
  settings?: ServerConnection.ISettings
): Promise<Response | undefined>;
export async function requestAPI(path: string, options?: RequestOptions, settings?: ServerConnection.ISettings): Promise<Response>;
export async function requestAPI(
  path: string,
  options: RequestOptions = {},
  settings: ServerConnection.ISettings = ServerConnection.makeSettings()
): Promise<Response | undefined> {
  const { missingOk, route = 'files', query, ...init } = options;
  const source = sourceOf(route, path);
  let response: Response;
  try {
    response = await ServerConnection.makeRequest(swotUrl(route, path, query, settings), { cache: 'no-store', ...init }, settings);
  } catch (error) {
    // ServerConnection wraps every fetch failure in a NetworkError, an abort too: ask the signal.
    if (init.signal?.aborted) {
      throw abortError(init.signal);
    }
    throw new FileAccessError(source, `the Jupyter server cannot be reached (${error instanceof Error ? error.message : String(error)})`, error);
  }
  if (response.ok) {
    return response;
  }
  if (response.status === 404 && missingOk) {
    return undefined;
  }
  const refused = await refusal(response);
  const cause: HttpCause = { status: response.status, ...(refused ? { refusal: refused } : {}) };
  const reason = refused
    ? `${refused.reason}${refused.hint ? `; ${refused.hint}` : ''}`
    : response.status === 404
      ? 'no such file or folder'
      : `the server refused it (HTTP ${response.status})`;
  throw new FileAccessError(source, reason, cause);
}

/** The JSON body of a successful answer; a proxy's HTML page or a cut answer is a FileAccessError. */
async function json<T>(response: Response, source: string): Promise<T> {
  try {
    return (await response.json()) as T;
  } catch (error) {
    if ((error as { name?: string })?.name === 'AbortError') {
      throw error;
    }
    throw new FileAccessError(source, `the server's answer is not JSON (${response.headers.get('Content-Type') ?? 'no content type'})`, error);
  }
}

/**
 * One page of a folder (relative to the server root, '' for the root, or absolute inside an
 * allowed root), for the data browser: a folder of 10,000 files answers its first page fast.
 *
 * @example const { total, entries } = await listFolder('data/sample/netcdf', { limit: 100, summary: true });
 * @throws UsageError for a `start` or `limit` out of range; FileAccessError naming `path`: refused
 *   (403, e.g. outside the roots), missing (404), a file (400 "not a folder"), unreachable server;
 *   an AbortError when `signal` aborts
 */
export async function listFolder(
  path: string,
  options: ListFolderOptions = {},
  settings?: ServerConnection.ISettings
): Promise<FolderListing> {
  const { start = 0, limit = 200, summary = false, signal } = options;
  if (!Number.isInteger(start) || start < 0) {
    throw new UsageError(`listFolder(${JSON.stringify(path)}): start must be a whole number >= 0, not ${start}`);
  }
  if (!Number.isInteger(limit) || limit < 0 || limit > 1000) {
    throw new UsageError(`listFolder(${JSON.stringify(path)}): limit must be a whole number from 0 to 1000, not ${limit}`);
  }
  const query = { start, limit, summary: summary ? 1 : 0 };
  const response = await requestAPI(path, { route: 'list', query, signal }, settings);
  return json<FolderListing>(response, sourceOf('list', path));
}

// The server's configuration is fixed for its lifetime: one request serves every plugin.
const configs = new WeakMap<object, Promise<SwotServerConfig>>();
const DEFAULT_SETTINGS = {};

/**
 * The folders this server may read (server root, data roots, sample dataset), real paths;
 * asked once per server connection (a failed request is asked again next time).
 *
 * @example const { sample } = await swotServerConfig();
 * @throws FileAccessError when the server cannot be reached or refuses
 */
export function swotServerConfig(settings?: ServerConnection.ISettings): Promise<SwotServerConfig> {
  const key = settings ?? DEFAULT_SETTINGS;
  let config = configs.get(key);
  if (!config) {
    config = requestAPI('', { route: 'config' }, settings).then(response => json<SwotServerConfig>(response, sourceOf('config', '')));
    config.catch(() => configs.delete(key));
    configs.set(key, config);
  }
  return config;
}

/**
 * The SWOT orbit ephemeris text of `phase` that the server's package ships (cached by the browser).
 *
 * @example const text = await fetchEphemerisText('science');
 * @throws UsageError for another phase; FileAccessError when the server has no ephemeris
 *   (404, with what to install) or cannot be reached; an AbortError when `signal` aborts
 */
export async function fetchEphemerisText(
  phase: OrbitPhase,
  options: { signal?: AbortSignal } = {},
  settings?: ServerConnection.ISettings
): Promise<string> {
  if (phase !== 'science' && phase !== 'calval') {
    throw new UsageError(`fetchEphemerisText: the orbit phase is 'science' or 'calval', not ${JSON.stringify(phase)}`);
  }
  const response = await requestAPI(phase, { route: 'orbit', cache: 'default', signal: options.signal }, settings);
  return response.text();
}

/** A snippet file as the server lists it (shipped with the package, or the user's); its text is parsed by src/core/snippets. */
export interface SnippetFile {
  id: string;
  name?: string;
  description?: string;
  tags?: string[];
  language: 'typescript' | 'python';
  source: 'shipped' | 'user';
  file: string;
  text: string;
}

export interface SnippetListing {
  /** Where the user's own snippets go (a Jupyter data directory). */
  userFolder: string;
  snippets: SnippetFile[];
  problems: Array<{ file: string; reason: string }>;
}

/**
 * The snippet library: the shipped snippets and the user's (jupyter data dir swot-snippets/).
 *
 * @throws FileAccessError when the server cannot be reached or refuses
 */
export async function fetchSnippets(settings?: ServerConnection.ISettings): Promise<SnippetListing> {
  return json<SnippetListing>(await requestAPI('', { route: 'snippets' }, settings), sourceOf('snippets', ''));
}

export interface TutorialEntry {
  id: string;
  title: string;
  description: string;
  /** Kernel name, e.g. "tslab". */
  kernel: string;
  language: string;
  file: string;
  /** URL path of its thumbnail (SVG), under the server's base URL. */
  thumbnail?: string;
}

export interface TutorialListing {
  /** Where copies go, relative to the server root (null when the configured folder is outside it). */
  folder: string | null;
  folderAbsolute?: string;
  /** Why copies cannot be made, when `folder` is null. */
  folderProblem?: string;
  tutorials: TutorialEntry[];
}

/** The tutorials shipped with the package. */
export async function fetchTutorials(settings?: ServerConnection.ISettings): Promise<TutorialListing> {
  return json<TutorialListing>(await requestAPI('', { route: 'tutorials' }, settings), sourceOf('tutorials', ''));
}

/** The SVG text of a tutorial's thumbnail. */
export async function fetchTutorialThumbnail(id: string, settings?: ServerConnection.ISettings): Promise<string> {
  return (await requestAPI(`${id}/thumbnail.svg`, { route: 'tutorials', cache: 'default' }, settings)).text();
}

/**
 * A fresh copy of tutorial `id` in the tutorials folder, under a new name if one is taken (never
 * overwriting); returns its path relative to the server root and its kernel.
 */
export async function copyTutorial(id: string, settings?: ServerConnection.ISettings): Promise<{ path: string; kernel: string }> {
  const response = await requestAPI(`${id}/copy`, { route: 'tutorials', method: 'POST', body: '{}' }, settings);
  return json<{ path: string; kernel: string }>(response, sourceOf('tutorials', `${id}/copy`));
}

/** What a download job fetches (the body of POST /swot/downloads, jupyterlab_swot/downloads.py). */
export interface DownloadRequest {
  provider: 'podaac' | 'aviso';
  /** A CMR short name, or an AVISO tree path (/swot_products/...). */
  collection: string;
  /** AVISO version folder (v2_0_1, PIC2...) when the collection does not fix it. */
  version?: string;
  /** Whole numbers, or a text such as "1-3,5". */
  cycles?: number[] | string;
  passes?: number[] | string;
  /** ISO 8601 "START/END". */
  time?: string;
  /** lon0, lat0, lon1, lat1 (lon0 > lon1 crosses the dateline). */
  bbox?: [number, number, number, number];
  phase?: 'science' | 'calval';
  /** The folder to download into: relative to the server root, or absolute inside a root. */
  out: string;
  /** Parallel transfers, 1 to 16 (the command's default is 4). */
  jobs?: number;
  /** List what would be fetched, with the total size, and fetch nothing. */
  dryRun?: boolean;
}

export type DownloadState = 'starting' | 'running' | 'done' | 'failed' | 'cancelled';

/** A file a job has started (its bytes so far) or finished. */
export interface DownloadFile {
  name: string;
  bytes: number | null;
  size?: number | null;
  state: 'transferring' | 'done' | 'skipped' | 'failed';
  verified?: 'checksum' | 'size' | 'none';
  path?: string;
  /** The attempt number of the last retry. */
  retry?: number;
}

/** A job as the server reports it (DownloadJob.as_json()). */
export interface DownloadJob {
  id: string;
  state: DownloadState;
  request: DownloadRequest;
  /** The out folder as asked (relative to the server root, or absolute). */
  out: string;
  /** Epoch seconds. */
  started: number;
  ended: number | null;
  dryRun: boolean;
  /** Files planned (null before the plan). */
  files: number | null;
  plannedBytes: number | null;
  done: number;
  skipped: number;
  failed: number;
  remaining: number | null;
  /** Bytes of the files so far, resumed .part bytes included (skipped files not counted). */
  bytes: number;
  /** Bytes an earlier, interrupted run had left in .part files (resumed, not fetched again). */
  resumedBytes?: number;
  /** Bytes per second over the last seconds. */
  speed: number;
  /** The files in transfer now. */
  current: DownloadFile[];
  errors: Array<{ name: string | null; message: string; code: string | null }>;
  end: { files: number; done: number; skipped: number; failed: number; bytes: number; seconds: number } | null;
  /** The last lines the command wrote to stderr, for a failed job. */
  stderr: string[];
  /** The planned files of a dry run, when the server lists them. */
  planned?: Array<{ name: string; size?: number | null }> | null;
}

function jobPath(id: string): string {
  if (!/^[0-9]+$/.test(id)) {
    throw new UsageError(`download job ids are whole numbers, not ${JSON.stringify(id)}`);
  }
  return id;
}

/**
 * Start a download job on the server (the `swot download` command, supervised by the server).
 *
 * @example const job = await startDownload({ provider: 'podaac', collection: 'SWOT_L2_LR_SSH_BASIC_2.0', cycles: [8], out: 'swot-downloads/x' });
 * @throws FileAccessError with the server's refusal ({path: the field or folder, reason}) as
 *   its cause (HttpCause): a bad field (400), an out folder that cannot be written (403)
 */
export async function startDownload(body: DownloadRequest, settings?: ServerConnection.ISettings): Promise<DownloadJob> {
  const response = await requestAPI('', { route: 'downloads', method: 'POST', body: JSON.stringify(body) }, settings);
  return json<DownloadJob>(response, sourceOf('downloads', ''));
}

/** The server's download jobs, newest first (they outlive the page). */
export async function listDownloads(settings?: ServerConnection.ISettings): Promise<DownloadJob[]> {
  const response = await requestAPI('', { route: 'downloads' }, settings);
  return (await json<{ jobs: DownloadJob[] }>(response, sourceOf('downloads', ''))).jobs;
}

/** One job; FileAccessError (404) when the server has no such job. */
export async function getDownload(id: string, settings?: ServerConnection.ISettings): Promise<DownloadJob> {
  const response = await requestAPI(jobPath(id), { route: 'downloads' }, settings);
  return json<DownloadJob>(response, sourceOf('downloads', id));
}

/**
 * Cancel a running job (its transfers stop, leaving `.part` files the next run resumes), or
 * forget a finished one; returns the job as it was then.
 */
export async function cancelDownload(id: string, settings?: ServerConnection.ISettings): Promise<DownloadJob> {
  const response = await requestAPI(jobPath(id), { route: 'downloads', method: 'DELETE' }, settings);
  return json<DownloadJob>(response, sourceOf('downloads', id));
}
