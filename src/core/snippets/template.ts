/**
 * The snippet library's format and templating: a snippet is one file,
 * `<id>.ts` or `<id>.py`, that starts with a front-matter comment block
 *
 *     // ---                                  (# --- in Python)
 *     // name: Geostrophic currents, vorticity, strain, Okubo-Weiss
 *     // description: What it does, in a sentence or two.
 *     // tags: [diagnostics, currents]
 *     // runs: hpc                            (optional: needs a site the tests cannot reach)
 *     // ---
 *
 * followed by the template: code with `{{placeholders}}` that `fillSnippet`
 * replaces by literals of the snippet's language, from the browser's selection
 * or, with none, from the sample dataset, so that an inserted snippet never
 * holds placeholder text. Pure: the server only passes the files' text.
 *
 * | placeholder | TypeScript | Python | no selection |
 * |---|---|---|---|
 * | `{{root}}` | `"/path"` | `"/path"` | `<sample>/netcdf/L3_LR_SSH/v2_0_1/Expert` |
 * | `{{store}}` | the selection's root if a Zarr store | same | `<sample>/zarr/L3_LR_SSH_Expert.zarr` |
 * | `{{target}}` | `"/path"` or `["/a.nc", "/b.nc"]` (the files) | same | root |
 * | `{{files}}` | `["/a.nc"]` or `undefined` | `["/a.nc"]` or `None` | absent |
 * | `{{format}}` | `"netcdf"`, `"zarr"`, `"zcollection"` | same | `"netcdf"` |
 * | `{{subset}}` | `"Expert"` or `undefined` | `"Expert"` or `None` | absent |
 * | `{{cycles}}`, `{{passes}}` | `25`, `[24, 26]`, `{ from: 24, to: 26 }` or `undefined` | `[25]`, `[24, 26]`, `range(24, 26 + 1)` or `None` | absent |
 * | `{{bbox}}` | `[lon_min, lat_min, lon_max, lat_max]` or `undefined` | `(lon_min, lat_min, lon_max, lat_max)` or `None` | absent |
 * | `{{start}}`, `{{end}}` | `"2024-12-01T00:00:00.000Z"` or `undefined` | `"2024-12-01T00:00:00.000"` (UTC, no zone, as numpy wants) or `None` | absent |
 * | `{{time}}` | `[start, end]` (an open side: the mission's start or 2100) or `undefined` | `(start, end)`, a side `None`, or `None` | absent |
 * | `{{variables}}` | `["ssha_filtered"]` or `undefined` | `["ssha_filtered"]` or `None` | absent |
 * | `{{variable}}` | the first selected variable | same | `"ssha_filtered"` |
 * | `{{open}}` | the browser's "open this selection" code (openSelectionSnippet, without the variables, its last, displaying line, and in TypeScript its import line): it defines `ds` (and `sel` in TypeScript when filtered) | same | the sample L3 folder |
 *
 * Strings are JSON, which Python reads as the same string (see open-selection.ts).
 */

import { SwotError, UsageError } from '../errors';
import type { NumberFilter } from '../select/query';
import { openSelectionSnippet, SnippetLanguage, SnippetSelection } from './open-selection';

export interface Snippet {
  /** The file name without its extension; a user snippet with the same id replaces a shipped one. */
  id: string;
  name: string;
  description: string;
  tags: string[];
  /** From the file's extension: .ts or .py. */
  language: SnippetLanguage;
  /** 'hpc': needs a site the tests cannot reach (a PBS cluster); only compiled there. */
  runs?: 'hpc';
  /** The code after the front matter, with its placeholders. */
  template: string;
}

export interface SnippetDefaults {
  /** The sample dataset's folder on the server (c.Swot.sample_data), or null when none is declared. */
  sample: string | null;
}

/** A snippet file whose front matter cannot be read; names the file. */
export class SnippetFormatError extends SwotError {
  constructor(file: string, reason: string) {
    super('USAGE', `${file}: ${reason}`, { source: file });
    this.name = 'SnippetFormatError';
  }
}

export const PLACEHOLDERS = ['root', 'store', 'target', 'files', 'format', 'subset', 'cycles', 'passes', 'bbox', 'start', 'end', 'time', 'variables', 'variable', 'open'] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];

const KEYS = ['name', 'description', 'tags', 'runs'];
const PLACEHOLDER = /\{\{\s*([A-Za-z_]+)\s*\}\}/g;

/**
 * A snippet file's front matter and template.
 *
 * @example
 * parseSnippet('# ---\n# name: Open\n# description: Open the selection.\n# tags: [open]\n# ---\n{{open}}\nds\n', 'open.py');
 * // { id: 'open', name: 'Open', language: 'python', tags: ['open'], template: '{{open}}\nds\n', ... }
 * @throws SnippetFormatError naming the file: an extension other than .ts/.py, no front matter, an unknown
 *   key, a missing name, tags that are not a [list]
 */
export function parseSnippet(text: string, fileName: string): Snippet {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  const ext = /^(.+)\.(ts|py)$/.exec(base);
  if (!ext) {
    throw new SnippetFormatError(fileName, 'a snippet file is named <id>.ts (TypeScript) or <id>.py (Python)');
  }
  const language: SnippetLanguage = ext[2] === 'ts' ? 'typescript' : 'python';
  const mark = language === 'typescript' ? '//' : '#';
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const fence = `${mark} ---`;
  if (lines[0]?.trimEnd() !== fence) {
    throw new SnippetFormatError(fileName, `the file must start with a front-matter block: a line "${fence}", then "${mark} name: ..." lines, then "${fence}"`);
  }
  const close = lines.findIndex((line, i) => i > 0 && line.trimEnd() === fence);
  if (close < 0) {
    throw new SnippetFormatError(fileName, `the front matter is not closed by a line "${fence}"`);
  }
  const fields: Record<string, string> = {};
  for (let i = 1; i < close; i++) {
    const line = lines[i];
    if (!line.startsWith(mark)) {
      throw new SnippetFormatError(fileName, `line ${i + 1} of the front matter does not start with "${mark}": ${JSON.stringify(line)}`);
    }
    const body = line.slice(mark.length).trim();
    if (body === '') {
      continue;
    }
    const m = /^([A-Za-z_]+)\s*:\s*(.*)$/.exec(body);
    if (!m) {
      throw new SnippetFormatError(fileName, `line ${i + 1}: expected "key: value", got ${JSON.stringify(body)}`);
    }
    if (!KEYS.includes(m[1])) {
      throw new SnippetFormatError(fileName, `line ${i + 1}: unknown key "${m[1]}" (known: ${KEYS.join(', ')})`);
    }
    fields[m[1]] = m[2].trim();
  }
  if (!fields.name) {
    throw new SnippetFormatError(fileName, 'the front matter has no name');
  }
  let tags: string[] = [];
  if (fields.tags !== undefined) {
    const t = /^\[(.*)\]$/.exec(fields.tags);
    if (!t) {
      throw new SnippetFormatError(fileName, `tags must be a list like [diagnostics, currents], got ${JSON.stringify(fields.tags)}`);
    }
    tags = t[1].split(',').map(x => x.trim()).filter(Boolean);
  }
  if (fields.runs !== undefined && fields.runs !== 'hpc') {
    throw new SnippetFormatError(fileName, `runs must be "hpc" when given, got ${JSON.stringify(fields.runs)}`);
  }
  const template = lines.slice(close + 1).join('\n');
  return {
    id: ext[1],
    name: fields.name,
    description: fields.description ?? '',
    tags,
    language,
    ...(fields.runs ? { runs: 'hpc' as const } : {}),
    template
  };
}

const q = (s: string) => JSON.stringify(s);
const list = (xs: Array<string | number>) => `[${xs.map(x => (typeof x === 'string' ? q(x) : String(x))).join(', ')}]`;

function filterLiteral(f: NumberFilter | undefined, language: SnippetLanguage): string {
  const none = language === 'typescript' ? 'undefined' : 'None';
  if (f === undefined) {
    return none;
  }
  if (typeof f === 'number') {
    return language === 'typescript' ? String(f) : `[${f}]`;
  }
  if (Array.isArray(f)) {
    return list(f);
  }
  return language === 'typescript' ? `{ from: ${f.from}, to: ${f.to} }` : `range(${f.from}, ${f.to} + 1)`;
}

/** ISO instant of a date or time (UTC); Python's without the zone, which numpy's datetime64 refuses. */
function instant(value: string, language: SnippetLanguage): string {
  const iso = new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : /[zZ]|[+-]\d{2}:?\d{2}$/.test(value) ? value : `${value}Z`).toISOString();
  return language === 'typescript' ? iso : iso.replace(/Z$/, '');
}

/** The sample locations the defaults point at. */
export function sampleLocations(sample: string): { root: string; store: string } {
  const base = sample.replace(/[\\/]+$/, '');
  return { root: `${base}/netcdf/L3_LR_SSH/v2_0_1/Expert`, store: `${base}/zarr/L3_LR_SSH_Expert.zarr` };
}

/**
 * The template with every placeholder replaced by a literal of `language`
 * (see the table above), from `selection` or, with none, the sample dataset.
 *
 * @example
 * fillSnippet('const ds = await swot.open({{target}});\nawait ds.select({ cycles: {{cycles}} })', 'typescript', undefined, { sample: '/data/sample' });
 * // 'const ds = await swot.open("/data/sample/netcdf/L3_LR_SSH/v2_0_1/Expert");\nawait ds.select({ cycles: undefined })'
 * @throws UsageError for an unknown placeholder, a bad selection (as openSelectionSnippet), or no selection and no sample dataset
 */
export function fillSnippet(template: string, language: SnippetLanguage, selection: SnippetSelection | undefined, defaults: SnippetDefaults): string {
  if (language !== 'typescript' && language !== 'python') {
    throw new UsageError(`fillSnippet: language must be "typescript" or "python", got ${JSON.stringify(language)}`);
  }
  const unknown = [...template.matchAll(PLACEHOLDER)].map(m => m[1]).filter(n => !(PLACEHOLDERS as readonly string[]).includes(n));
  if (unknown.length > 0) {
    throw new UsageError(`fillSnippet: unknown placeholder {{${unknown[0]}}} (known: ${PLACEHOLDERS.join(', ')})`);
  }
  if (!selection && !defaults.sample) {
    throw new UsageError('fillSnippet: nothing is selected and no sample dataset is declared: select data in the SWOT browser, or ask for c.Swot.sample_data');
  }
  const sample = defaults.sample ? sampleLocations(defaults.sample) : undefined;
  const s: SnippetSelection = selection ?? { product: 'L3_LR_SSH', format: 'netcdf', root: sample!.root };
  // Validates the selection (root, format, filters, box, period) with the browser's own rules.
  const { variables, ...located } = s;
  // Without its last line (the display) and, in TypeScript, its import, which the template has.
  const openLines = openSelectionSnippet(located, language).trimEnd().split('\n').slice(0, -1);
  const openCode = (language === 'typescript' && openLines[0].startsWith('import ') ? openLines.slice(2) : openLines).join('\n');
  const none = language === 'typescript' ? 'undefined' : 'None';
  const ts = language === 'typescript';
  const start = s.start !== undefined ? instant(s.start, language) : undefined;
  const end = s.end !== undefined ? instant(s.end, language) : undefined;
  const store = s.format === 'zarr' ? s.root : sample?.store ?? s.root;
  const subset = s.subset ?? /^(?:L[23]_LR_SSH_)?(Basic|Expert|WindWave|Unsmoothed|Technical)$/.exec(s.product ?? '')?.[1];
  const values: Record<Placeholder, () => string> = {
    root: () => q(s.root),
    store: () => q(store),
    target: () => (s.files ? (s.files.length === 1 ? q(s.files[0]) : list(s.files)) : q(s.root)),
    files: () => (s.files ? list(s.files) : none),
    format: () => q(s.format),
    subset: () => (subset ? q(subset) : none),
    cycles: () => filterLiteral(s.cycles, language),
    passes: () => filterLiteral(s.passes, language),
    bbox: () => (s.bbox ? (ts ? list(s.bbox) : `(${s.bbox.join(', ')})`) : none),
    start: () => (start ? q(start) : none),
    end: () => (end ? q(end) : none),
    time: () => {
      if (!start && !end) {
        return none;
      }
      return ts ? `[${q(start ?? '2022-12-16T00:00:00.000Z')}, ${q(end ?? '2100-01-01T00:00:00.000Z')}]` : `(${start ? q(start) : 'None'}, ${end ? q(end) : 'None'})`;
    },
    variables: () => (variables && variables.length > 0 ? list(variables) : none),
    variable: () => q(variables?.[0] ?? 'ssha_filtered'),
    open: () => openCode
  };
  return template.replace(PLACEHOLDER, (_, name: Placeholder) => values[name]());
}
