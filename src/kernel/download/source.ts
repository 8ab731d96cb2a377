/**
 * What fetch-file needs from a transport (HTTP, SFTP): the size of a remote
 * file, and its bytes from an offset. Both sources implement it.
 */
import type { Readable } from 'node:stream';
import type { Granule, ProviderName } from '../../core/download/types';
import { DownloadError, PROVIDER_LABEL } from '../../core/download/errors';

export interface RemoteInfo {
  /** Total size in bytes, when the server says. */
  size?: number;
  /** ETag or Last-Modified (HTTP), mtime (SFTP): changes when the file does. */
  validator?: string;
}

export interface OpenRequest {
  /** Byte offset to start from (the .part length); 0 for the whole file. */
  offset: number;
  /** The validator of an earlier response for this file (If-Range). */
  validator?: string;
  signal?: AbortSignal;
}

export interface OpenedBody extends RemoteInfo {
  /** Where the body starts: `offset` when the range was honoured, 0 when the server sends the whole file. */
  offset: number;
  body: Readable;
}

export interface TransferSource {
  readonly provider: ProviderName;
  /** Size (and validator) without transferring the file. */
  stat(granule: Granule, signal?: AbortSignal): Promise<RemoteInfo>;
  open(granule: Granule, request: OpenRequest): Promise<OpenedBody>;
  /** Release connections (SFTP); optional. */
  close?(): Promise<void>;
}

export type TransferErrorCode = 'VERIFY' | 'EXISTS_MISMATCH' | 'FILE';

/**
 * Failures of the transfer itself, beside core's DownloadError codes (AUTH,
 * NOT_FOUND, HTTP, ABORTED...): a checksum/size mismatch (VERIFY), an existing
 * final file that does not verify (EXISTS_MISMATCH), a local file problem (FILE).
 */
export class TransferError extends Error {
  readonly code: TransferErrorCode;
  readonly provider: ProviderName;

  constructor(code: TransferErrorCode, provider: ProviderName, message: string, cause?: unknown) {
    super(message);
    this.name = 'TransferError';
    this.code = code;
    this.provider = provider;
    if (cause !== undefined) (this as { cause?: unknown }).cause = cause;
  }
}

/** The code of any error the transfer can throw ('HTTP' for a dropped connection). */
export function errorCode(error: unknown): string {
  if (error instanceof DownloadError || error instanceof TransferError) return error.code;
  return 'HTTP';
}

export function aborted(provider: ProviderName, what: string, reason?: unknown): DownloadError {
  return new DownloadError('ABORTED', provider, `${PROVIDER_LABEL[provider]} ${what} cancelled`, { cause: reason });
}
