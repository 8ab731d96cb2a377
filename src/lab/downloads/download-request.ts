/**
 * From the swot:download command's arguments to the dialog's fields, and from
 * the fields (as typed) to the body of POST /swot/downloads. Pure, so what is
 * sent is tested without a browser; a field that cannot be read is a
 * DownloadFieldError naming it, shown next to the form.
 */
import { parseNumberFilter } from '../../core/browse/filter';
import { toEpochMs } from '../../core/cf/time';
import { parseBBox } from '../../core/download/query';
import type { ResolvedLocation } from '../../core/catalog';
import { UsageError } from '../../core/errors';
import type { NumberFilter } from '../../core/select/query';
import type { DownloadRequest } from '../server-api';
import { compactNumbers, numberFilterText } from './download-format';

export const DOWNLOAD_PROVIDERS = ['podaac', 'aviso'] as const;
export type DownloadProvider = (typeof DOWNLOAD_PROVIDERS)[number];

/** First day of SWOT data, the start of a period given only its end. */
export const MISSION_START = '2022-12-16';
export const DEFAULT_JOBS = 4;

/** The swot:download command's arguments (see CommandIDs.download). */
export interface DownloadArgs {
  product?: string;
  location?: string;
  cycles?: NumberFilter | string;
  passes?: NumberFilter | string;
  start?: string;
  end?: string;
  bbox?: readonly number[] | string;
  out?: string;
}

/** The dialog's fields, as text (what the user sees and edits). */
export interface DownloadFormValues {
  provider: string;
  collection: string;
  version: string;
  cycles: string;
  passes: string;
  start: string;
  end: string;
  bbox: string;
  /** '', 'science' or 'calval'. */
  phase: string;
  out: string;
  jobs: string;
  dryRun: boolean;
}

/** A field of the dialog that cannot be read, and why. */
export class DownloadFieldError extends UsageError {
  constructor(
    readonly field: keyof DownloadFormValues,
    message: string
  ) {
    super(message);
    this.name = 'DownloadFieldError';
  }
}

/** A location the engine can download from: a PO.DAAC or AVISO collection. */
export function isDownloadable(location: Pick<ResolvedLocation, 'provider' | 'collection'>): boolean {
  return (DOWNLOAD_PROVIDERS as readonly string[]).includes(location.provider ?? '') && !!location.collection;
}

/** The location to download from: `id` when it is downloadable, else the product's first that is. */
export function downloadLocation(locations: readonly ResolvedLocation[], id?: string): ResolvedLocation | undefined {
  const asked = locations.find(l => l.id === id);
  return asked && isDownloadable(asked) ? asked : locations.find(isDownloadable);
}

/** The default out folder: swot-downloads/<the collection's last path segment>, under `base`. */
export function defaultOutFolder(collection: string, base = ''): string {
  const name = collection.split('/').filter(s => s !== '' && s !== '.' && s !== '..').pop() ?? 'download';
  return [base.replace(/^\/+|\/+$/g, ''), 'swot-downloads', name].filter(s => s !== '').join('/');
}

/** The dialog's fields pre-filled from the command's arguments and the location. */
export function formValues(args: DownloadArgs, location: Pick<ResolvedLocation, 'provider' | 'collection' | 'phase'>, base = ''): DownloadFormValues {
  const collection = location.collection ?? '';
  return {
    provider: location.provider ?? '',
    collection,
    version: '', // the catalog's collections name their version folder already
    cycles: numberFilterText(args.cycles),
    passes: numberFilterText(args.passes),
    start: args.start ?? '',
    end: args.end ?? '',
    bbox: typeof args.bbox === 'string' ? args.bbox : args.bbox ? args.bbox.join(', ') : '',
    phase: location.phase ?? '',
    out: args.out ?? defaultOutFolder(collection, base),
    jobs: String(DEFAULT_JOBS),
    dryRun: false
  };
}

function numbers(values: DownloadFormValues, field: 'cycles' | 'passes'): string | undefined {
  let filter: NumberFilter | undefined;
  try {
    filter = parseNumberFilter(values[field], field);
  } catch (error) {
    throw new DownloadFieldError(field, (error as Error).message);
  }
  if (filter === undefined) {
    return undefined;
  }
  return typeof filter === 'number' ? String(filter) : Array.isArray(filter) ? compactNumbers(filter) : `${filter.from}-${filter.to}`;
}

/** A date field read as the command will read it (toEpochMs: ISO 8601, a time without zone is UTC). */
function date(values: DownloadFormValues, field: 'start' | 'end'): { text: string; ms: number } | undefined {
  const text = values[field].trim();
  if (text === '') {
    return undefined;
  }
  try {
    return { text, ms: toEpochMs(text, field) };
  } catch {
    throw new DownloadFieldError(field, `${field === 'start' ? 'from' : 'to'} "${text}" is not a date (e.g. 2024-12-01 or 2024-12-01T06:00)`);
  }
}

/** The box as typed (spaces, commas or semicolons between the numbers), checked by the core's reader. */
function box(text: string): [number, number, number, number] | undefined {
  const t = text.trim();
  if (t === '') {
    return undefined;
  }
  const parts = t.split(/[\s,;]+/);
  if (parts.length !== 4) {
    throw new DownloadFieldError('bbox', `box "${text}": give four numbers lon_min, lat_min, lon_max, lat_max`);
  }
  try {
    return parseBBox(parts.join(','), `box "${text}"`);
  } catch (error) {
    throw new DownloadFieldError('bbox', (error as Error).message);
  }
}

/**
 * The body of POST /swot/downloads from the dialog's fields.
 *
 * @example buildDownloadRequest({ ...values, cycles: '1-3, 5' }).cycles // "1-3,5"
 * @throws DownloadFieldError naming the first field that cannot be read
 */
export function buildDownloadRequest(values: DownloadFormValues): DownloadRequest {
  const provider = values.provider.trim();
  if (!(DOWNLOAD_PROVIDERS as readonly string[]).includes(provider)) {
    throw new DownloadFieldError('provider', `provider must be ${DOWNLOAD_PROVIDERS.join(' or ')}, not "${provider}"`);
  }
  const collection = values.collection.trim();
  if (collection === '') {
    throw new DownloadFieldError('collection', 'collection is required (a PO.DAAC short name or an AVISO tree path)');
  }
  const out = values.out.trim();
  if (out === '') {
    throw new DownloadFieldError('out', 'the folder to download into is required');
  }
  const request: DownloadRequest = { provider: provider as DownloadProvider, collection, out };
  const version = values.version.trim();
  if (version !== '') {
    request.version = version;
  }
  const cycles = numbers(values, 'cycles');
  if (cycles !== undefined) {
    request.cycles = cycles;
  }
  const passes = numbers(values, 'passes');
  if (passes !== undefined) {
    request.passes = passes;
  }
  const start = date(values, 'start');
  const end = date(values, 'end');
  if (start !== undefined || end !== undefined) {
    const a = start ?? { text: MISSION_START, ms: toEpochMs(MISSION_START, 'start') };
    const b = end ?? { text: new Date().toISOString().slice(0, 10), ms: Date.now() };
    if (a.ms > b.ms) {
      throw new DownloadFieldError(start !== undefined ? 'start' : 'end', `the period ${a.text} to ${b.text} is reversed`);
    }
    request.time = `${a.text}/${b.text}`;
  }
  const bbox = box(values.bbox);
  if (bbox !== undefined) {
    request.bbox = bbox;
  }
  if (values.phase === 'science' || values.phase === 'calval') {
    request.phase = values.phase;
  } else if (values.phase.trim() !== '') {
    throw new DownloadFieldError('phase', `the orbit phase is science or calval, not "${values.phase}"`);
  }
  const jobs = Number(values.jobs.trim());
  if (!Number.isInteger(jobs) || jobs < 1 || jobs > 16) {
    throw new DownloadFieldError('jobs', `parallel transfers must be a whole number from 1 to 16, not "${values.jobs}"`);
  }
  request.jobs = jobs;
  if (values.dryRun) {
    request.dryRun = true;
  }
  return request;
}
