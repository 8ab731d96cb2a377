/**
 * HTTPS transport: GET from an offset (Range, If-Range), redirects followed by
 * hand so that an Authorization header only ever reaches the host it is for
 * (the bearer token the provider host, Basic the THREDDS host or the Earthdata
 * login host), a per-host cookie jar for the Earthdata login flow, and a
 * watchdog for stalled connections.
 *
 * node:http(s) rather than global fetch: a dropped connection surfaces as a
 * plain stream error on the body (ECONNRESET, 'aborted'), the socket agent is
 * ours to close, and nothing is decompressed behind our back (byte offsets
 * must be the file's).
 */
import * as http from 'node:http';
import * as https from 'node:https';
import { Readable, Transform, pipeline } from 'node:stream';
import type { Granule, ProviderName } from '../../core/download/types';
import { DownloadError, PROVIDER_LABEL, redactUrl } from '../../core/download/errors';
import { authorizationFor, Credentials, credentialsFor, hostMatches, CredentialOptions, missingCredentialsHint, Secrets, secrets as processSecrets } from './credentials';
import { aborted, OpenedBody, OpenRequest, RemoteInfo, TransferSource } from './source';

export interface HttpSourceOptions {
  provider: ProviderName;
  /**
   * Credentials for a granule's host (host[:port] of its URL). Default:
   * credentialsFor(provider, host, { env, netrc, secrets }), cached per host.
   */
  credentials?: (host: string) => Credentials | undefined;
  /** Environment for the default credentials and SWOT_EARTHDATA_URS_URL (default process.env). */
  env?: Record<string, string | undefined>;
  /** .netrc path for the default credentials (default $NETRC or ~/.netrc). */
  netrc?: string;
  secrets?: Secrets;
  /** Fail a connection that delivers no byte for this long (default 60 s). */
  stallTimeoutMs?: number;
  /** Default 10. */
  maxRedirects?: number;
  userAgent?: string;
}

/** An HTTP failure with the server's Retry-After, when it gave one. */
export class HttpStatusError extends DownloadError {
  readonly retryAfterMs?: number;

  constructor(provider: ProviderName, message: string, url: string, status: number, retryAfterMs?: number) {
    super(status === 404 ? 'NOT_FOUND' : 'HTTP', provider, message, { url, status });
    this.retryAfterMs = retryAfterMs;
  }
}

interface Response {
  res: http.IncomingMessage;
  url: URL;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

function retryAfter(value: string | undefined): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isFinite(date) ? Math.max(0, date - Date.now()) : undefined;
}

/** A minimal cookie jar: name=value per host (host-only cookies; enough for the Earthdata session). */
class CookieJar {
  private readonly byHost = new Map<string, Map<string, string>>();

  store(host: string, setCookie: string[] | undefined): void {
    if (!setCookie) return;
    let jar = this.byHost.get(host);
    if (!jar) this.byHost.set(host, (jar = new Map()));
    for (const line of setCookie) {
      const pair = line.split(';', 1)[0];
      const eq = pair.indexOf('=');
      if (eq > 0) jar.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
    }
  }

  header(host: string): string | undefined {
    const jar = this.byHost.get(host);
    return jar && jar.size > 0 ? [...jar].map(([k, v]) => `${k}=${v}`).join('; ') : undefined;
  }
}

export class HttpSource implements TransferSource {
  readonly provider: ProviderName;
  private readonly options: HttpSourceOptions;
  private readonly cache = new Map<string, Credentials | undefined>();
  private readonly jar = new CookieJar();
  private readonly agents = { http: new http.Agent({ keepAlive: true }), https: new https.Agent({ keepAlive: true }) };
  private readonly stallMs: number;

  constructor(options: HttpSourceOptions) {
    this.provider = options.provider;
    this.options = options;
    this.stallMs = options.stallTimeoutMs ?? 60_000;
  }

  private label(): string {
    return PROVIDER_LABEL[this.provider];
  }

  /** The credentials for a granule (by the host of its URL). */
  credentialsFor(granuleUrl: string): Credentials | undefined {
    const host = new URL(granuleUrl).host;
    if (!this.cache.has(host)) {
      const o = this.options;
      const found = o.credentials
        ? o.credentials(host)
        : credentialsFor(this.provider, host, { env: o.env, netrc: o.netrc, secrets: o.secrets ?? processSecrets } as CredentialOptions);
      this.cache.set(host, found);
    }
    return this.cache.get(host);
  }

  private send(method: string, url: URL, headers: Record<string, string>, signal?: AbortSignal): Promise<http.IncomingMessage> {
    const secure = url.protocol === 'https:';
    if (!secure && url.protocol !== 'http:') {
      return Promise.reject(new DownloadError('HTTP', this.provider, `${this.label()}: unsupported URL scheme ${url.protocol}`, { url: url.href }));
    }
    return new Promise((resolve, reject) => {
      const request = (secure ? https : http).request(url, { method, headers, agent: secure ? this.agents.https : this.agents.http, signal });
      request.setTimeout(this.stallMs, () => {
        request.destroy(Object.assign(new Error(`no response for ${Math.round(this.stallMs / 1000)} s`), { code: 'ETIMEDOUT' }));
      });
      request.once('response', res => {
        // From here the body watchdog owns stalls (its error names the stall, not 'aborted').
        request.setTimeout(0);
        resolve(res);
      });
      request.once('error', reject);
      request.end();
    });
  }

  /** One request, redirects followed by hand (Authorization and cookies per host). */
  private async request(method: string, start: string, headers: Record<string, string>, signal: AbortSignal | undefined, auth: Credentials | undefined): Promise<Response> {
    let url = new URL(start);
    const max = this.options.maxRedirects ?? 10;
    for (let hop = 0; ; hop++) {
      const h: Record<string, string> = { 'user-agent': this.options.userAgent ?? 'jupyterlab-swot', 'accept-encoding': 'identity', ...headers };
      const authorization = authorizationFor(auth, url);
      if (authorization) h.authorization = authorization;
      const cookie = this.jar.header(url.host);
      if (cookie) h.cookie = cookie;
      let res: http.IncomingMessage;
      try {
        res = await this.send(method, url, h, signal);
      } catch (error) {
        if (signal?.aborted) throw aborted(this.provider, 'download', signal.reason);
        throw error;
      }
      this.jar.store(url.host, res.headers['set-cookie']);
      const location = res.headers.location;
      if (!REDIRECTS.has(res.statusCode ?? 0) || !location) return { res, url };
      res.resume();
      if (hop >= max) {
        throw new DownloadError('HTTP', this.provider, `${this.label()}: more than ${max} redirects from ${redactUrl(start)}`, { url: start });
      }
      url = new URL(location, url);
    }
  }

  /** 401/403 -> AUTH naming the provider and where the credentials came from; other failures -> HttpStatusError. */
  private fail(response: Response, granule: Granule, auth: Credentials | undefined): never {
    const { res, url } = response;
    res.resume();
    const status = res.statusCode ?? 0;
    if (status === 401 || status === 403) {
      const message = auth
        ? `${this.label()} refused the credentials from ${auth.source} (HTTP ${status} from ${url.host}) for ${granule.name}`
        : `${this.label()} requires a login (HTTP ${status} from ${url.host}) for ${granule.name}: ${missingCredentialsHint(this.provider, new URL(granule.url).host, this.options.env)}`;
      throw new DownloadError('AUTH', this.provider, message, { url: url.href, status });
    }
    throw new HttpStatusError(
      this.provider,
      `${this.label()}: HTTP ${status}${res.statusMessage ? ` ${res.statusMessage}` : ''} for ${granule.name} from ${redactUrl(url.href)}`,
      url.href,
      status,
      retryAfter(res.headers['retry-after'] as string | undefined)
    );
  }

  async stat(granule: Granule, signal?: AbortSignal): Promise<RemoteInfo> {
    const auth = this.credentialsFor(granule.url);
    const head = await this.request('HEAD', granule.url, {}, signal, auth);
    head.res.resume();
    const status = head.res.statusCode ?? 0;
    if (status >= 200 && status < 300) return info(head.res, undefined);
    // A URL signed for GET refuses HEAD (S3 answers 403): ask for one byte instead.
    const signedElsewhere = !auth || !hostMatches(auth.host, head.url);
    if (status === 405 || status === 501 || (status === 403 && signedElsewhere)) {
      const one = await this.request('GET', granule.url, { range: 'bytes=0-0' }, signal, auth);
      one.res.resume();
      const s = one.res.statusCode ?? 0;
      if (s === 206) return info(one.res, parseContentRange(one.res.headers['content-range'])?.total);
      if (s === 200) return info(one.res, undefined);
      this.fail(one, granule, auth);
    }
    this.fail(head, granule, auth);
  }

  async open(granule: Granule, request: OpenRequest): Promise<OpenedBody> {
    const auth = this.credentialsFor(granule.url);
    const headers: Record<string, string> = {};
    if (request.offset > 0) {
      headers.range = `bytes=${request.offset}-`;
      if (request.validator) headers['if-range'] = request.validator;
    }
    const response = await this.request('GET', granule.url, headers, request.signal, auth);
    const { res } = response;
    const status = res.statusCode ?? 0;
    if (status === 200) {
      return { offset: 0, ...info(res, undefined), body: this.watch(res) };
    }
    if (status === 206) {
      const range = parseContentRange(res.headers['content-range']);
      if (!range || range.start !== request.offset) {
        res.destroy();
        throw new DownloadError('HTTP', this.provider, `${this.label()}: bad Content-Range for ${granule.name} (asked from byte ${request.offset})`, { url: response.url.href, status });
      }
      return { offset: range.start, ...info(res, range.total), body: this.watch(res) };
    }
    if (status === 416 && request.offset > 0) {
      res.resume();
      const total = parseContentRange(res.headers['content-range'])?.total;
      // The .part already holds the whole file: nothing more to read.
      if (total === request.offset) return { offset: request.offset, size: total, validator: validatorOf(res), body: Readable.from([]) };
      return this.open(granule, { ...request, offset: 0 });
    }
    this.fail(response, granule, auth);
  }

  /**
   * The body, failing with ETIMEDOUT when no byte arrives for stallTimeoutMs
   * (the timer runs while the consumer reads: backpressure from a slow disk
   * counts as a stall only past the same limit).
   */
  private watch(res: http.IncomingMessage): Readable {
    const ms = this.stallMs;
    const timer = setTimeout(() => {
      // The consumer must see this error, not the 'aborted' of the destroyed response.
      watchdog.destroy(Object.assign(new Error(`no data for ${Math.round(ms / 1000)} s`), { code: 'ETIMEDOUT' }));
      res.destroy();
    }, ms);
    const watchdog = new Transform({
      transform(chunk, _encoding, callback) {
        timer.refresh();
        callback(null, chunk);
      }
    });
    // pipeline hands a body error (ECONNRESET, 'aborted', ETIMEDOUT) to the consumer and
    // destroys the response when the consumer stops early (cancel).
    pipeline(res, watchdog, () => clearTimeout(timer));
    return watchdog;
  }

  async close(): Promise<void> {
    this.agents.http.destroy();
    this.agents.https.destroy();
  }
}

function validatorOf(res: http.IncomingMessage): string | undefined {
  const etag = res.headers.etag;
  // A weak ETag is not allowed in If-Range.
  if (etag && !etag.startsWith('W/')) return etag;
  return (res.headers['last-modified'] as string | undefined) ?? undefined;
}

function info(res: http.IncomingMessage, total: number | undefined): RemoteInfo {
  const length = Number(res.headers['content-length']);
  const size = total ?? (res.statusCode === 200 && Number.isFinite(length) && !res.headers['content-encoding'] ? length : undefined);
  return { size, validator: validatorOf(res) };
}

export function parseContentRange(value: string | undefined): { start: number; end?: number; total?: number } | undefined {
  if (!value) return undefined;
  const m = /^bytes\s+(?:(\d+)-(\d+)|\*)\/(\d+|\*)$/i.exec(value.trim());
  if (!m) return undefined;
  const total = m[3] === '*' ? undefined : Number(m[3]);
  if (m[1] === undefined) return { start: -1, total };
  return { start: Number(m[1]), end: Number(m[2]), total };
}
