/**
 * `swot`: the command line over the kernel library, for batch jobs.
 *
 *   swot info PATH [--json]     structure of a file (dimensions, variables, attributes)
 *   swot --version
 *
 * Exit codes: 0 ok, 2 usage error, 3 bad input data (missing, not netCDF, truncated, corrupt),
 * 4 the selection matched nothing (swot read or diag without --allow-empty).
 */

import { BinGrid, describeEmpty, DiagnosticName, EmptySelection, EmptySelectionError, EquatorMethod, isSwotError, SelectQuery, UsageError } from '../core';
import { CliIO, parseArgs, parseInterval, parseNumbers, parsePairs } from './cli-args';
import { diagnostics } from './diagnostics';
import { finishStats, stats, StatsBy, statsPartial } from './stats';
import { finishMap, mapPartial } from './maps';
import { mergePartialFiles } from './merge';
import { statsJson, statsText, writeMapFile, writeStatsJson } from './merge-output';
import { MapPartial, StatsPartial, writePartial } from './partial';
import type { Dataset } from './dataset';
import { open } from './open';
import { save } from './save';
import { passesCrossing, PassesOptions } from './passes';
import { version } from './version';
import { search, SearchOptions } from './remote-search';
import { download } from './remote-download';
import { formatSize, Granule, isDownloadError, parseBBox } from '../core/download';
import { terminalProgress } from './download/progress-bar';

const USAGE = `Usage: swot <command> [options]

Commands:
  info PATH [--json] [--subset KIND]
                       Print the dimensions, variables (dtype, units) and global
                       attributes of a product, a Zarr store, a zcollection or a
                       collection (directory or glob pattern).
  read PATH --out OUT.nc|OUT.zarr [options]
                       Extract and write a netCDF4 file (or Zarr store) that
                       xarray reads with the same names, values and attributes.
      --var A,B             variables (default: all)
      --bbox LON0,LAT0,LON1,LAT1
                            lines crossing the box (LON0 > LON1 crosses the dateline)
      --time START/END      ISO 8601 interval, e.g. 2023-07-21/2023-07-22T12:00
      --cycle N|N,M|N-M     cycles (list or inclusive range)
      --pass N|N,M|N-M      passes
      --quality good|usable|all
                            mask values by the quality flags (default all)
      --group NAME          group of a product with groups (L2 Unsmoothed: left, right)
      --subset KIND         the kind of product to open from a folder, glob or list
                            holding several (Basic, Expert, Unsmoothed or a product
                            id such as L2_LR_SSH_Expert); also for info, diag, stats
      --force               replace OUT if it exists
      --allow-empty         write OUT even when nothing matches (otherwise: exit 4,
                            saying which cycles, passes and times exist)
  diag PATH --var NAME --out OUT.nc [--what u,v,vorticity,strain,okubo_weiss,ke]
       [--lat-min 5] [--equator nan|lagerloef] [--absolute] [--allow-empty]
       [selection options]
                       Geostrophic currents and derived fields (variables u, v,
                       vorticity (zeta/f), strain (/f), okubo_weiss, ke) on the
                       input's dimensions, computed pass by pass.
  stats PATH... --var NAME [--by pass|pixel|line] [--quality good] [--json]
       [--workers N] [selection options]
                       NaN-aware count, mean, std, rms, min, max (percentiles
                       5/50/95 when a selection is made), streamed over all
                       passes with worker threads.
      --partial OUT.nc      write the mergeable partial result (per pass: count,
                            mean, M2, min, max) instead, for swot merge (no
                            selection options; --force replaces OUT)
  map PATH... --var NAME --bbox LON0,LAT0,LON1,LAT1 --step DEG [--lat-step DEG]
       (--out MAP.nc | --partial OUT.nc) [--workers N] [--force]
                       Binned lon/lat map (count, mean, std, rms, min, max per
                       cell, netCDF4) over all passes, streamed.
  merge PARTIAL... [--out RESULT] [--json] [--force]
                       Combine partial results of one reduction (e.g. one per
                       PBS array task) into what the single run gives, to the
                       last bit: stats as swot stats prints it (--out R.json
                       writes the --json form), maps as swot map writes them
                       (--out MAP.nc). Partials of different reductions or
                       sharing a pass are refused (exit 2).
  search --provider podaac|aviso --collection NAME [--version-folder V]
       [--cycle N|N,M|N-M,...] [--pass ...] [--time START/END]
       [--bbox LON0,LAT0,LON1,LAT1] [--phase science|calval] [--json]
                       Granules PO.DAAC (CMR short name) or AVISO (THREDDS; tree
                       path such as /swot_products/l3_karin_nadir/l3_lr_ssh/
                       v2_0_1/Expert) hold: name, size, cycle, pass, time span.
                       The box is turned into passes by the swath-aware pass
                       finder. Endpoints: SWOT_CMR_URL, SWOT_AVISO_THREDDS_URL;
                       AVISO credentials from .netrc or AVISO_USERNAME/PASSWORD.
  download [search options] --out DIR [--dry-run] [--jobs N]
       [--transport https|sftp] [--progress bar|jsonl|none]
                       Fetch what swot search finds into DIR (AVISO: DIR/cycle_CCC/),
                       4 files at a time: NAME.part, resumed after an interruption
                       (HTTP Range, SFTP offsets), verified (checksum, else size)
                       before it takes its name; complete files are skipped.
                       PO.DAAC: EARTHDATA_TOKEN or Earthdata login (.netrc, env).
  passes (--bbox LON0,LAT0,LON1,LAT1 | --point LON,LAT | --polygon LON,LAT;LON,LAT;...)
       [--phase science|calval] [--time START/END] [--pass N|N,M|N-M] [--json]
                       Passes whose swath (10-60 km either side of nadir) or
                       nadir track crosses the region, with the side(s); with
                       --time, one line per cycle and pass flown in that period,
                       with the times the swath enters and leaves the region
                       (from the real cycle starts, CNES ORF tables; cycles
                       after science 52 are extrapolated). LON0 > LON1 crosses
                       the dateline; longitudes in [0, 360) or [-180, 180).

Options:
  -h, --help           Show this help.
  -V, --version        Show the version.

Exit codes: 0 ok, 2 usage error, 3 bad input (missing, not netCDF4, truncated,
corrupt), 4 nothing selected (swot read or diag without --allow-empty), 5 a provider failed
(credentials, HTTP, bad answer: swot search, swot download).
`;

const SELECTION_OPTIONS = ['--bbox', '--time', '--cycle', '--pass', '--quality', '--group', '--subset'];

/** Open the PATH arguments (one, or a list), of the kind given by --subset when they hold several. */
function openPaths(positionals: string[], values: Map<string, string>): Promise<Dataset> {
  const subset = values.get('--subset');
  return open(positionals.length === 1 ? positionals[0] : positionals, subset !== undefined ? { subset } : {});
}

function selectionQuery(values: Map<string, string>): SelectQuery {
  const query: SelectQuery = {};
  const bbox = values.get('--bbox');
  if (bbox) query.bbox = parseBBox(bbox, '--bbox');
  const time = values.get('--time');
  if (time) query.time = parseInterval(time);
  const cycle = values.get('--cycle');
  if (cycle) query.cycles = parseNumbers(cycle, '--cycle');
  const pass = values.get('--pass');
  if (pass) query.passes = parseNumbers(pass, '--pass');
  const quality = values.get('--quality');
  if (quality) query.quality = quality as SelectQuery['quality'];
  const group = values.get('--group');
  if (group) query.group = group;
  return query;
}

/** A selection that matched nothing is not written unless --allow-empty (then it is, and said so). */
function refuseEmpty(empty: EmptySelection | undefined, source: string, out: string, flags: Set<string>, io: CliIO): void {
  if (empty === undefined) {
    return;
  }
  if (!flags.has('--allow-empty')) {
    throw new EmptySelectionError(source, `nothing selected: ${describeEmpty(empty)}; ${out} not written (--allow-empty writes an empty file)`);
  }
  io.err(`swot: empty selection: ${describeEmpty(empty)}`);
}

async function diag(argv: string[], io: CliIO): Promise<void> {
  const { positionals, flags, values } = parseArgs(argv, ['--force', '--absolute', '--allow-empty'], [
    '--var', '--what', '--lat-min', '--equator', '--out', ...SELECTION_OPTIONS
  ]);
  const out = values.get('--out');
  if (positionals.length === 0 || !out) {
    throw new UsageError('swot diag takes a PATH and --out OUT.nc');
  }
  const what = (values.get('--what') ?? 'u,v,vorticity,strain,okubo_weiss,ke').split(',').map(x => x.trim()) as DiagnosticName[];
  const latMin = values.has('--lat-min') ? Number(values.get('--lat-min')) : undefined;
  if (latMin !== undefined && !Number.isFinite(latMin)) {
    throw new UsageError(`--lat-min takes a number of degrees, got "${values.get('--lat-min')}"`);
  }
  const equator = values.get('--equator') as EquatorMethod | undefined;
  if (equator && equator !== 'nan' && equator !== 'lagerloef') {
    throw new UsageError(`--equator takes nan or lagerloef, got "${equator}"`);
  }
  const dataset = await openPaths(positionals, values);
  try {
    const result = await diagnostics(dataset, {
      variable: values.get('--var'),
      what,
      latMin,
      equator,
      height: flags.has('--absolute') ? 'absolute' : 'anomaly',
      query: selectionQuery(values)
    });
    refuseEmpty(result.empty, dataset.source, out, flags, io);
    await save(result, out, { overwrite: flags.has('--force') });
    const dims = Object.entries(result.dims).map(([k, n]) => `${k}=${n}`).join(', ');
    io.err(`swot: wrote ${out} (${dims}; ${what.join(', ')})`);
  } finally {
    dataset.close();
  }
}

async function statsCommand(argv: string[], io: CliIO): Promise<void> {
  const { positionals, flags, values } = parseArgs(argv, ['--json', '--progress', '--force'], ['--var', '--by', '--workers', '--partial', ...SELECTION_OPTIONS]);
  const variable = values.get('--var');
  if (positionals.length === 0 || !variable) {
    throw new UsageError('swot stats takes PATH... and --var NAME');
  }
  const query = selectionQuery(values);
  const { quality, ...rest } = query;
  const partialOut = values.get('--partial');
  const dataset = await openPaths(positionals, values);
  try {
    const options = {
      by: values.get('--by') as StatsBy | undefined,
      quality,
      ...(Object.keys(rest).length > 0 ? { query: rest } : {}),
      workers: values.has('--workers') ? Number(values.get('--workers')) : undefined,
      progress: flags.has('--progress') ? (done: number, total: number) => io.err(`swot: ${done}/${total} blocks`) : undefined
    };
    if (partialOut !== undefined) {
      const partial = await statsPartial(dataset, variable, options);
      await writePartial(partial, partialOut, { overwrite: flags.has('--force') });
      io.err(`swot: wrote ${partialOut} (partial statistics of ${variable}, ${partial.units.length} passes; combine with swot merge)`);
      return;
    }
    const result = await stats(dataset, variable, options);
    if (result.empty) {
      io.err(`swot: empty selection: ${describeEmpty(result.empty)}`);
    }
    io.out(flags.has('--json') ? statsJson(result) : statsText(result).join('\n'));
  } finally {
    dataset.close();
  }
}

/** --bbox and --step of swot map as a grid. */
function mapGrid(values: Map<string, string>): BinGrid {
  const bbox = values.get('--bbox');
  const step = Number(values.get('--step'));
  if (!bbox || !(step > 0)) {
    throw new UsageError('swot map needs --bbox LON0,LAT0,LON1,LAT1 and --step DEGREES (e.g. --bbox 0,-80,360,80 --step 1)');
  }
  const [lonMin, latMin, lonMax, latMax] = parseBBox(bbox, '--bbox');
  const latStep = values.has('--lat-step') ? Number(values.get('--lat-step')) : undefined;
  if (latStep !== undefined && !(latStep > 0)) {
    throw new UsageError(`--lat-step takes a positive number of degrees, got "${values.get('--lat-step')}"`);
  }
  return { lonMin, lonMax, latMin, latMax, lonStep: step, ...(latStep !== undefined ? { latStep } : {}) };
}

async function mapCommand(argv: string[], io: CliIO): Promise<void> {
  const { positionals, flags, values } = parseArgs(argv, ['--force', '--progress'], ['--var', '--bbox', '--step', '--lat-step', '--out', '--partial', '--workers', '--subset']);
  const variable = values.get('--var');
  const out = values.get('--out');
  const partialOut = values.get('--partial');
  if (positionals.length === 0 || !variable || (out === undefined) === (partialOut === undefined)) {
    throw new UsageError('swot map takes PATH..., --var NAME, --bbox, --step and one of --out MAP.nc or --partial PARTIAL.nc');
  }
  const grid = mapGrid(values);
  const dataset = await openPaths(positionals, values);
  try {
    const partial = await mapPartial(dataset, variable, grid, {
      workers: values.has('--workers') ? Number(values.get('--workers')) : undefined,
      progress: flags.has('--progress') ? (done: number, total: number) => io.err(`swot: ${done}/${total} blocks`) : undefined
    });
    if (partialOut !== undefined) {
      await writePartial(partial, partialOut, { overwrite: flags.has('--force') });
      io.err(`swot: wrote ${partialOut} (partial map of ${variable}, ${partial.units.length} passes; combine with swot merge)`);
      return;
    }
    const map = finishMap(partial);
    await writeMapFile(map, partial.info, partial.units.length, out!, flags.has('--force'));
    io.err(`swot: wrote ${out} (${map.shape[0]} x ${map.shape[1]} cells, ${partial.units.length} passes)`);
  } finally {
    dataset.close();
  }
}

async function mergeCommand(argv: string[], io: CliIO): Promise<void> {
  const { positionals, flags, values } = parseArgs(argv, ['--json', '--force'], ['--out']);
  if (positionals.length === 0) {
    throw new UsageError('swot merge takes PARTIAL... (files of swot stats --partial or swot map --partial)');
  }
  const out = values.get('--out');
  const merged = await mergePartialFiles(positionals);
  if (merged.info.kind === 'map') {
    if (!out) throw new UsageError('swot merge of partial maps needs --out MAP.nc');
    const map = finishMap(merged as MapPartial);
    await writeMapFile(map, merged.info, merged.units.length, out, flags.has('--force'));
    io.err(`swot: wrote ${out} (${positionals.length} partials, ${merged.units.length} passes)`);
    return;
  }
  const result = finishStats(merged as StatsPartial);
  if (out) {
    await writeStatsJson(result, out, flags.has('--force'));
    io.err(`swot: wrote ${out} (${positionals.length} partials, ${merged.units.length} passes)`);
  } else {
    io.out(flags.has('--json') ? statsJson(result) : statsText(result).join('\n'));
  }
}

async function read(argv: string[], io: CliIO): Promise<void> {
  const { positionals, flags, values } = parseArgs(argv, ['--force', '--allow-empty'], ['--var', '--out', ...SELECTION_OPTIONS]);
  if (positionals.length === 0) {
    throw new UsageError('swot read takes a PATH (file, store, directory or quoted glob pattern)');
  }
  const out = values.get('--out');
  if (!out) {
    throw new UsageError('swot read needs --out OUT.nc (or OUT.zarr)');
  }
  const query = selectionQuery(values);
  const v = values.get('--var');
  if (v) query.variables = v.split(',').map(x => x.trim()).filter(Boolean);
  const dataset = await openPaths(positionals, values);
  try {
    const selection = await dataset.select(query);
    refuseEmpty(selection.empty, dataset.source, out, flags, io);
    await save(selection, out, { overwrite: flags.has('--force') });
    const dims = Object.entries(selection.dims).map(([k, n]) => `${k}=${n}`).join(', ');
    io.err(`swot: wrote ${out} (${dims}; ${selection.variables.length} variables)`);
  } finally {
    dataset.close();
  }
}

async function info(argv: string[], io: CliIO): Promise<void> {
  const { positionals, flags, values } = parseArgs(argv, ['--json'], ['--subset']);
  if (positionals.length === 0) {
    throw new UsageError('swot info takes a PATH');
  }
  const dataset = await openPaths(positionals, values);
  if (flags.has('--json')) {
    io.out(JSON.stringify(dataset, null, 2));
  } else {
    io.out(dataset.toString());
  }
}

async function passes(argv: string[], io: CliIO): Promise<void> {
  const { positionals, flags, values } = parseArgs(argv, ['--json'], ['--bbox', '--point', '--polygon', '--phase', '--time', '--pass']);
  if (positionals.length > 0) {
    throw new UsageError(`swot passes takes no PATH (got "${positionals[0]}"): give --bbox, --point or --polygon`);
  }
  const given = ['--bbox', '--point', '--polygon'].filter(o => values.has(o));
  if (given.length !== 1) {
    throw new UsageError('swot passes takes one region: --bbox LON0,LAT0,LON1,LAT1, --point LON,LAT or --polygon LON,LAT;LON,LAT;...');
  }
  const region = values.has('--bbox')
    ? { bbox: parseBBox(values.get('--bbox')!, '--bbox') }
    : values.has('--point')
      ? { point: parsePairs(values.get('--point')!, '--point')[0] }
      : { polygon: parsePairs(values.get('--polygon')!, '--polygon') };
  const options: PassesOptions = {};
  const phase = values.get('--phase');
  if (phase !== undefined) {
    if (phase !== 'science' && phase !== 'calval') throw new UsageError(`--phase takes science or calval, got "${phase}"`);
    options.phase = phase;
  }
  const time = values.get('--time');
  if (time) [options.start, options.end] = parseInterval(time);
  const pass = values.get('--pass');
  if (pass) options.passes = parseNumbers(pass, '--pass');
  const rows = await passesCrossing(region, options);
  if (flags.has('--json')) {
    io.out(JSON.stringify(rows.map(r => ({ ...r, ...(r.enter !== undefined ? { enter: new Date(r.enter).toISOString(), leave: new Date(r.leave!).toISOString() } : {}) })), null, 2));
    return;
  }
  const side = (r: (typeof rows)[number]) => [...r.sides, ...(r.nadir ? ['nadir'] : [])].join('+');
  const lines = rows.map(r =>
    r.cycle !== undefined
      ? `${String(r.cycle).padStart(5)} ${String(r.pass).padStart(4)}  ${side(r).padEnd(16)} ${new Date(r.enter!).toISOString()}  ${new Date(r.leave!).toISOString()}`
      : `${String(r.pass).padStart(4)}  ${side(r).padEnd(16)} ${r.offsets[0].toFixed(0).padStart(5)} s  ${r.offsets[1].toFixed(0).padStart(5)} s`
  );
  const header = time ? `cycle pass  crossed by       enters                    leaves` : `pass  crossed by        enters (after the pass start) and leaves`;
  const phaseName = options.phase ?? 'science';
  const title = time
    ? `${rows.length} crossing${rows.length === 1 ? '' : 's'} of the region by ${phaseName} passes from ${time.replace('/', ' to ')}`
    : `${rows.length} ${phaseName} pass${rows.length === 1 ? '' : 'es'} cross the region`;
  io.out([title, ...(rows.length ? [header, ...lines] : [])].join('\n'));
}

/** A granule's size, "~" when the provider gives it rounded (THREDDS dataSize). */
function granuleSize(g: Granule): string {
  return g.size !== undefined ? formatSize(g.size) : g.approxSize !== undefined ? `~${formatSize(g.approxSize)}` : '?';
}

const SEARCH_VALUES = ['--provider', '--collection', '--version-folder', '--cycle', '--pass', '--time', '--bbox', '--phase', '--limit'];

/** The search options of swot search and swot download. */
function searchOptions(values: Map<string, string>): SearchOptions {
  const provider = values.get('--provider');
  if (provider !== 'podaac' && provider !== 'aviso') throw new UsageError(`--provider takes podaac or aviso${provider ? `, got "${provider}"` : ''}`);
  const collection = values.get('--collection');
  if (!collection) throw new UsageError('swot search and swot download need --collection (a CMR short name, or an AVISO tree path)');
  const options: SearchOptions = { provider, collection };
  const text = (flag: string) => values.get(flag);
  if (text('--version-folder')) options.version = text('--version-folder');
  if (text('--cycle')) options.cycles = text('--cycle');
  if (text('--pass')) options.passes = text('--pass');
  if (text('--time')) options.time = text('--time');
  if (text('--bbox')) options.bbox = text('--bbox');
  const phase = text('--phase');
  if (phase !== undefined) {
    if (phase !== 'science' && phase !== 'calval') throw new UsageError(`--phase takes science or calval, got "${phase}"`);
    options.phase = phase;
  }
  if (text('--limit')) options.limit = Number(text('--limit'));
  return options;
}

async function searchCommand(argv: string[], io: CliIO): Promise<void> {
  const { positionals, flags, values } = parseArgs(argv, ['--json'], SEARCH_VALUES);
  if (positionals.length > 0) throw new UsageError(`swot search takes no PATH (got "${positionals[0]}")`);
  const options = searchOptions(values);
  const { provider, collection } = options;
  const granules = await search(options);
  if (flags.has('--json')) {
    io.out(JSON.stringify(granules, null, 2));
    return;
  }
  const total = granules.reduce((t, g) => t + (g.size ?? g.approxSize ?? 0), 0);
  io.out([
    `${granules.length} granule${granules.length === 1 ? '' : 's'} in ${provider} ${collection} (${formatSize(total)})`,
    ...granules.map(g => `${String(g.cycle ?? '').padStart(5)} ${String(g.pass ?? '').padStart(4)}  ${granuleSize(g).padStart(10)}  ${g.name}`)
  ].join('\n'));
}

async function downloadCommand(argv: string[], io: CliIO): Promise<void> {
  const { positionals, flags, values } = parseArgs(argv, ['--dry-run', '--json'], [...SEARCH_VALUES, '--out', '--jobs', '--transport', '--progress']);
  if (positionals.length > 0) throw new UsageError(`swot download takes no PATH (got "${positionals[0]}"): give --out DIR`);
  const out = values.get('--out');
  if (!out) throw new UsageError('swot download needs --out DIR');
  const jobs = values.has('--jobs') ? Number(values.get('--jobs')) : undefined;
  if (jobs !== undefined && !(Number.isInteger(jobs) && jobs >= 1 && jobs <= 16)) throw new UsageError(`--jobs takes 1 to 16, got "${values.get('--jobs')}"`);
  const transport = values.get('--transport');
  if (transport !== undefined && transport !== 'https' && transport !== 'sftp') throw new UsageError(`--transport takes https or sftp, got "${transport}"`);
  const progress = values.get('--progress') ?? (flags.has('--json') ? 'none' : 'bar');
  if (!['bar', 'jsonl', 'none'].includes(progress)) throw new UsageError(`--progress takes bar, jsonl or none, got "${progress}"`);
  const controller = new AbortController();
  const stop = () => controller.abort();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  // jsonl: one event per line on stdout (the Jupyter server's jobs read them); bar: the byte bar on stderr
  const onEvent = progress === 'jsonl' ? (e: object) => io.out(JSON.stringify(e)) : progress === 'bar' ? terminalProgress({ write: io.err }) : undefined;
  try {
    const result = await download({ ...searchOptions(values), out, jobs, transport, dryRun: flags.has('--dry-run'), onEvent, progress: false, signal: controller.signal });
    if ('dryRun' in result) {
      if (flags.has('--json')) io.out(JSON.stringify(result, null, 2));
      else if (progress !== 'jsonl') io.out(result.granules.map(g => `${granuleSize(g).padStart(10)}  ${g.name}`).join('\n'));
      return;
    }
    if (progress !== 'jsonl') io.out(`${result.done} downloaded, ${result.skipped} already complete, ${result.failed} failed: ${formatSize(result.bytes)} in ${result.seconds.toFixed(1)} s`);
    if (result.cancelled) throw new DownloadFailed(`cancelled: the .part files stay in ${out}, the next run resumes them`);
    if (result.failed > 0) throw new DownloadFailed(`${result.failed} file${result.failed === 1 ? '' : 's'} failed (see above); run again to resume`);
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
  }
}

/** Some files failed or the run was cancelled: exit 5 (a provider failure), after the per-file messages. */
class DownloadFailed extends Error {}

const COMMANDS: Record<string, (argv: string[], io: CliIO) => Promise<void>> = {
  info,
  passes,
  read,
  diag,
  stats: statsCommand,
  map: mapCommand,
  merge: mergeCommand,
  search: searchCommand,
  download: downloadCommand
};

export type { CliIO };

/** Run the CLI; returns the exit code instead of exiting, so tests can call it. */
export async function main(argv: string[], io: CliIO): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === undefined || command === '-h' || command === '--help' || command === 'help') {
      io.out(USAGE);
      return command === undefined ? 2 : 0;
    }
    if (command === '-V' || command === '--version') {
      io.out(version);
      return 0;
    }
    const run = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined;
    if (run) {
      await run(rest, io);
      return 0;
    }
    throw new UsageError(`unknown command "${command}"`);
  } catch (error) {
    if (error instanceof RangeError) {
      io.err(`swot: ${error.message}`);
      return 2;
    }
    if (isDownloadError(error) || error instanceof DownloadFailed) {
      // provider failures (credentials, HTTP, bad answers): exit 5, the message names provider and URL, never a secret
      io.err(`swot: ${error.message}`);
      return 5;
    }
    if (isSwotError(error)) {
      io.err(`swot: ${error.message}`);
      if (error.code === 'USAGE') {
        io.err(`Run "swot --help" for usage.`);
        return 2;
      }
      return error.code === 'EMPTY_SELECTION' ? 4 : 3;
    }
    throw error;
  }
}

if (require.main === module) {
  main(process.argv.slice(2), {
    out: text => process.stdout.write(text.endsWith('\n') ? text : text + '\n'),
    err: text => process.stderr.write(text.endsWith('\n') ? text : text + '\n')
  }).then(
    code => {
      process.exitCode = code;
    },
    error => {
      process.stderr.write(`swot: internal error: ${error instanceof Error ? error.stack : String(error)}\n`);
      process.exitCode = 1;
    }
  );
}
