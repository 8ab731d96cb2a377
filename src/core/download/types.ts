/**
 * The download engine's shared vocabulary (issue 11): what a search asks for,
 * what it finds, and what a download reports. Pure data, isomorphic.
 */

export type ProviderName = 'podaac' | 'aviso';

export type ChecksumAlgorithm = 'MD5' | 'SHA-1' | 'SHA-256' | 'SHA-512';

export interface Checksum {
  algorithm: ChecksumAlgorithm;
  /** Lower-case hex. */
  value: string;
}

export interface Granule {
  provider: ProviderName;
  /** CMR short name, or AVISO tree path (/swot_products/...). */
  collection: string;
  /** File name (what it is saved as). */
  name: string;
  /** https URL to GET (THREDDS fileServer / PO.DAAC protected URL). */
  url: string;
  /** AVISO: path in the AVISO tree (/swot_products/.../cycle_026/NAME), for SFTP. */
  path?: string;
  /** Sub-folder to save into, relative to --out (e.g. 'cycle_026'); '' for none. */
  dir?: string;
  /** Bytes, when the provider says exactly (UMM-G SizeInBytes). */
  size?: number;
  /**
   * Bytes, approximately, when the provider only gives a rounded figure
   * (THREDDS dataSize in Mbytes, UMM-G Size + SizeUnit): good for a dry-run
   * total, never for verification (the kernel HEADs the file for the exact size).
   * Added beside the spec's fields; set only when `size` is not.
   */
  approxSize?: number;
  /** When the provider says (PO.DAAC UMM-G); AVISO gives none. */
  checksum?: Checksum;
  cycle?: number;
  pass?: number;
  /** ISO 8601 UTC time span. */
  start?: string;
  end?: string;
}

export interface SearchQuery {
  provider: ProviderName;
  collection: string;
  /** AVISO: version folder (v2_0_1, v3_0, PIC2...) when collection does not fix it. */
  version?: string;
  /** Explicit lists (ranges expanded by the parser). */
  cycles?: number[];
  passes?: number[];
  /** ISO 8601. */
  time?: { start: string; end: string };
  /** lon0, lat0, lon1, lat1 (lon0 > lon1 crosses the dateline). */
  bbox?: [number, number, number, number];
  phase?: 'science' | 'calval';
  limit?: number;
}

/** What a Response must offer the search (global fetch's Response does). */
export interface FetchResponse {
  readonly ok: boolean;
  readonly status: number;
  readonly statusText: string;
  readonly url: string;
  readonly headers: { get(name: string): string | null };
  text(): Promise<string>;
}

/** What the search passes to fetch. */
export interface FetchInit {
  method?: string;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

/**
 * The fetch the search calls. The spec says `typeof fetch`, but src/core is
 * compiled without the DOM and Node libraries, where that type does not exist;
 * this is the part of it the search uses, and the global fetch (Node >= 18,
 * browsers) is assignable to it as is.
 */
export type FetchLike = (url: string, init?: FetchInit) => Promise<FetchResponse>;

export interface SearchContext {
  /** Injected (kernel passes one that adds auth; tests pass global fetch). */
  fetch: FetchLike;
  /** Default https://cmr.earthdata.nasa.gov (env SWOT_CMR_URL read by the kernel). */
  cmrUrl?: string;
  /** Default https://tds-odatis.aviso.altimetry.fr/thredds (env SWOT_AVISO_THREDDS_URL). */
  threddsUrl?: string;
  /** Swath-aware box -> passes (the kernel passes src/kernel/passes.ts passesCrossing; core stays ephemeris-free). */
  passesInBox?: (bbox: [number, number, number, number], phase: 'science' | 'calval') => Promise<number[]>;
  signal?: AbortSignal;
  onPage?: (granulesSoFar: number) => void;
}

export const DEFAULT_CMR_URL = 'https://cmr.earthdata.nasa.gov';
export const DEFAULT_THREDDS_URL = 'https://tds-odatis.aviso.altimetry.fr/thredds';

/** Download events (the kernel emits them; the CLI prints them as JSON lines with --progress jsonl). */
export type DownloadEvent =
  /** planned: in a dry run, the files that would be fetched (name, size when known). */
  | { event: 'plan'; files: number; bytes: number; skipped: number; unknownSize: number; planned?: Array<{ name: string; size: number | null }> }
  | { event: 'start'; name: string; size?: number; resumeFrom: number }
  /** bytes = the file's bytes so far; throttled (<= 5/s per file). */
  | { event: 'progress'; name: string; bytes: number; size?: number }
  | { event: 'retry'; name: string; attempt: number; reason: string; waitMs: number }
  | { event: 'done'; name: string; path: string; bytes: number; verified: 'checksum' | 'size' | 'none'; skipped: boolean }
  | { event: 'error'; name: string; message: string; code: string }
  | { event: 'end'; files: number; done: number; skipped: number; failed: number; bytes: number; seconds: number };
