/**
 * Errors of the download engine: what failed (code), at which provider, on
 * which URL (secrets removed), and the HTTP status when there is one.
 */
import type { ProviderName } from './types';
import { makeUrl, UrlLike } from './web';

export type DownloadErrorCode =
  /** 401/403: wrong or missing credentials. */
  | 'AUTH'
  /** 404: the collection, catalog or file does not exist. */
  | 'NOT_FOUND'
  /** Any other HTTP failure (5xx, 429...) or a dropped connection. */
  | 'HTTP'
  /** A 200 whose body is not what the provider should send (bad JSON or XML). */
  | 'BAD_RESPONSE'
  /** Cancelled through the signal. */
  | 'ABORTED';

export interface DownloadErrorOptions {
  url?: string;
  status?: number;
  cause?: unknown;
}

/**
 * Not a SwotError: SwotErrorCode is a closed union in src/core/errors.ts; a
 * caller (CLI) tells it apart with isDownloadError.
 */
export class DownloadError extends Error {
  readonly code: DownloadErrorCode;
  readonly provider: ProviderName;
  /** The URL with userinfo and secret-looking query values removed. */
  readonly url?: string;
  readonly status?: number;

  constructor(code: DownloadErrorCode, provider: ProviderName, message: string, options: DownloadErrorOptions = {}) {
    super(message);
    this.name = 'DownloadError';
    this.code = code;
    this.provider = provider;
    this.url = options.url === undefined ? undefined : redactUrl(options.url);
    this.status = options.status;
    if (options.cause !== undefined) {
      (this as { cause?: unknown }).cause = options.cause;
    }
  }
}

export function isDownloadError(error: unknown): error is DownloadError {
  return error instanceof DownloadError;
}

const SECRET_PARAM = /token|signature|credential|password|passwd|secret|api_?key|^key$|^sig$|^auth|^x-amz-/i;

/** A URL fit for a message: no user:password@, secret-looking query values replaced by '***'. */
export function redactUrl(url: string): string {
  let u: UrlLike;
  try {
    u = makeUrl(url);
  } catch {
    return url.replace(/\/\/[^/@]*@/, '//');
  }
  u.username = '';
  u.password = '';
  for (const name of [...new Set(u.searchParams.keys())]) {
    if (SECRET_PARAM.test(name)) {
      u.searchParams.set(name, '***');
    }
  }
  return u.toString();
}

/** Text (an underlying error's message) with every URL in it redacted. */
export function redactText(text: string): string {
  return text.replace(/\b[a-z][a-z0-9+.-]*:\/\/[^\s"'<>]+/gi, m => redactUrl(m));
}

export const PROVIDER_LABEL: Record<ProviderName, string> = { podaac: 'PO.DAAC', aviso: 'AVISO' };

/** The error for a response that is not ok. */
export function httpError(provider: ProviderName, url: string, status: number, statusText: string, what: string): DownloadError {
  const code: DownloadErrorCode = status === 401 || status === 403 ? 'AUTH' : status === 404 ? 'NOT_FOUND' : 'HTTP';
  const hint = code === 'AUTH' ? ' (check the credentials)' : '';
  return new DownloadError(code, provider, `${PROVIDER_LABEL[provider]} ${what}: HTTP ${status}${statusText ? ` ${statusText}` : ''} from ${redactUrl(url)}${hint}`, {
    url,
    status
  });
}

/** Throw ABORTED when the signal is aborted. */
export function checkAborted(signal: AbortSignal | undefined, provider: ProviderName): void {
  if (signal?.aborted) {
    throw new DownloadError('ABORTED', provider, `${PROVIDER_LABEL[provider]} search cancelled`, { cause: signal.reason });
  }
}

/** fetch, with a dropped connection or an abort turned into a DownloadError. */
export async function fetchOrThrow<R>(provider: ProviderName, url: string, signal: AbortSignal | undefined, run: () => Promise<R>): Promise<R> {
  checkAborted(signal, provider);
  try {
    return await run();
  } catch (error) {
    if (error instanceof DownloadError) throw error;
    checkAborted(signal, provider);
    const reason = error instanceof Error ? ((error as { cause?: { message?: string } }).cause?.message ?? error.message) : String(error);
    throw new DownloadError('HTTP', provider, `${PROVIDER_LABEL[provider]}: cannot reach ${redactUrl(url)}: ${redactText(reason)}`, { url, cause: error });
  }
}
