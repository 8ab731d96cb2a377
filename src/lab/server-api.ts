/**
 * The one module that talks to the extension's server route, /swot/files/
 * (jupyterlab_swot/handlers.py): read-only bytes, byte ranges and listings
 * from the server root and the administrator's data roots. Every failure is a
 * typed FileAccessError naming the path, with the server's reason and what to
 * do (e.g. "resolves to /x, outside every folder this server may read (...);
 * ask the administrator to add the folder to c.Swot.data_roots").
 */
import { PageConfig, URLExt } from '@jupyterlab/coreutils';
import { ServerConnection } from '@jupyterlab/services';
import { FileAccessError } from '../core/errors';

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

export interface RequestOptions extends RequestInit {
  /** Resolve to undefined on 404 (a missing Zarr key is no error) instead of throwing. */
  missingOk?: boolean;
}

/** The URL of `path` (relative to the server root) on the read-only route. */
export function swotFilesUrl(path: string, settings: ServerConnection.ISettings = ServerConnection.makeSettings()): string {
  return URLExt.join(settings.baseUrl, 'swot', 'files', URLExt.encodeParts(path.replace(/^\/+/, '')));
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

/**
 * Request `path` (relative to the server root) from /swot/files/.
 *
 * @example const head = await requestAPI('archive/l3/x.nc', { headers: { Range: 'bytes=0-4095' } });
 * @throws FileAccessError naming `path`: refused (403, with the server's reason), missing (404,
 *   unless `missingOk`), any other HTTP error, or the server cannot be reached
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
  const { missingOk, ...init } = options;
  let response: Response;
  try {
    response = await ServerConnection.makeRequest(swotFilesUrl(path, settings), { cache: 'no-store', ...init }, settings);
  } catch (error) {
    if ((error as { name?: string })?.name === 'AbortError') {
      throw error;
    }
    throw new FileAccessError(path, `the Jupyter server cannot be reached (${error instanceof Error ? error.message : String(error)})`, error);
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
  throw new FileAccessError(path, reason, cause);
}
