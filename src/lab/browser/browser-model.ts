/**
 * The state of the SWOT data browser, apart from its view (as jupyterlab-git
 * keeps its model): which location and folder are open, the rows listed so far,
 * the filters, the passes the box filter found and the selected row.
 *
 * A folder is listed page by page through the server (/swot/list/): the first
 * page is small so that the first rows show at once, the next ones follow in
 * the background; leaving the folder aborts what is still loading. The rows
 * are classified by the core (src/core/browse: the file-name rules live there
 * once) and filtered there.
 */
import { Signal } from '@lumino/signaling';
import { BrowseFilter, BrowseRow, browseRow, rowPredicate } from '../../core/browse';
import type { ResolvedLocation } from '../../core/catalog';
import { ORBITS, PassCrossing, Phase, Region } from '../../core/orbit';
import { errorMessage } from '../error-message';
import { listFolder } from '../server-api';
import { findPasses } from './pass-finder';

const FIRST_PAGE = 200;
const NEXT_PAGES = 1000;

export interface Crumb {
  label: string;
  path: string;
}

/** The filters as the user typed them, parsed. */
export interface BrowserFilters {
  cycles?: BrowseFilter['cycles'];
  passes?: BrowseFilter['passes'];
  start?: string;
  end?: string;
  /** A box [lonMin, latMin, lonMax, latMax], searched with the pass finder. */
  bbox?: [number, number, number, number];
}

export type ListingState =
  | { status: 'idle' }
  | { status: 'loading'; loaded: number; total?: number }
  | { status: 'done'; total: number }
  | { status: 'error'; message: string };

/** A row that is one dataset to read: a pass file, a store, a zcollection's innermost partition (a Zarr group). */
export function isDataset(row: BrowseRow): boolean {
  return row.kind === 'pass' || row.kind === 'store' || (row.kind === 'partition' && row.format !== undefined);
}

/** The cal/val phase is known by its cycle numbers (474-578 in spring 2023). */
export function phaseOfCycle(cycle: number | undefined): Phase {
  const calval = ORBITS.calval.cycles;
  return cycle !== undefined && calval && cycle >= calval.first && cycle <= (calval.last ?? Infinity) ? 'calval' : 'science';
}

export class BrowserModel {
  private _location: ResolvedLocation | null = null;
  private _crumbs: Crumb[] = [];
  private _rows: BrowseRow[] = [];
  private _visible: BrowseRow[] = [];
  private _state: ListingState = { status: 'idle' };
  private _filters: BrowserFilters = {};
  private _crossing: PassCrossing[] | undefined;
  private _crossingState: ListingState = { status: 'idle' };
  private _selected: BrowseRow | null = null;
  private _abort: AbortController | null = null;
  private _boxTicket = 0;
  private _filterProblem: string | undefined;
  private readonly _changed = new Signal<BrowserModel, 'rows' | 'selection' | 'filters' | 'location'>(this);

  get changed(): Signal<BrowserModel, 'rows' | 'selection' | 'filters' | 'location'> {
    return this._changed;
  }
  get location(): ResolvedLocation | null {
    return this._location;
  }
  get crumbs(): readonly Crumb[] {
    return this._crumbs;
  }
  /** The folder listed now (server path, relative to the server root or absolute). */
  get path(): string | null {
    return this._crumbs.length > 0 ? this._crumbs[this._crumbs.length - 1].path : null;
  }
  get rows(): readonly BrowseRow[] {
    return this._rows;
  }
  /** The rows that pass the filters, in listing order. */
  get visible(): readonly BrowseRow[] {
    return this._visible;
  }
  get state(): ListingState {
    return this._state;
  }
  get filters(): BrowserFilters {
    return this._filters;
  }
  /** The passes the box filter found (undefined without a box). */
  get crossing(): readonly PassCrossing[] | undefined {
    return this._crossing;
  }
  get crossingState(): ListingState {
    return this._crossingState;
  }
  /** Why the filters could not be applied (e.g. a reversed period), if they could not. */
  get filterProblem(): string | undefined {
    return this._filterProblem;
  }
  get selected(): BrowseRow | null {
    return this._selected;
  }

  /** Open a location: a folder tree is listed; a Zarr store is one row, selected. */
  open(location: ResolvedLocation | null): void {
    this._location = location;
    this._crumbs = location?.resolvedPath ? [{ label: location.label, path: location.resolvedPath }] : [];
    this._selected = null;
    this._changed.emit('location');
    void this._list();
  }

  /** Go into a folder row (cycle, version, partition...). */
  enter(row: BrowseRow): void {
    if (!this.isFolder(row) || row.refused) {
      return;
    }
    this._crumbs = [...this._crumbs, { label: row.label, path: row.path }];
    this._selected = null;
    this._changed.emit('location');
    void this._list();
  }

  /** Back to crumb `index` (0: the location's root). */
  up(index: number): void {
    if (index < 0 || index >= this._crumbs.length - 1) {
      return;
    }
    this._crumbs = this._crumbs.slice(0, index + 1);
    this._selected = null;
    this._changed.emit('location');
    void this._list();
  }

  /** A row to enter (its rows are listed), not a dataset to read. */
  isFolder(row: BrowseRow): boolean {
    return ['version', 'subset', 'cycle', 'partition', 'folder'].includes(row.kind) && !isDataset(row);
  }

  select(row: BrowseRow | null): void {
    this._selected = row;
    this._changed.emit('selection');
  }

  /** The filters that apply to the rows, the box's passes included. */
  browseFilter(): BrowseFilter {
    const { cycles, passes, start, end } = this._filters;
    return {
      ...(cycles !== undefined ? { cycles } : {}),
      ...(passes !== undefined ? { passes } : {}),
      ...(start ? { start } : {}),
      ...(end ? { end } : {})
    };
  }

  setFilters(filters: BrowserFilters): void {
    const boxChanged = JSON.stringify(filters.bbox) !== JSON.stringify(this._filters.bbox) || filters.start !== this._filters.start || filters.end !== this._filters.end;
    this._filters = filters;
    if (boxChanged) {
      void this._findPasses();
    }
    this._refilter();
    this._changed.emit('filters');
  }

  /** Stop loading (the view is disposed or the user cancels). */
  cancel(): void {
    this._abort?.abort();
    this._abort = null;
    if (this._state.status === 'loading') {
      this._state = { status: 'error', message: `listing cancelled after ${this._rows.length} rows` };
      this._changed.emit('rows');
    }
  }

  /** One predicate per orbit phase (the box's passes differ between them), prepared once per filtering. */
  private predicate(): (row: BrowseRow) => boolean {
    const filter = this.browseFilter();
    const crossing = this._crossing;
    if (crossing === undefined) {
      return rowPredicate(filter);
    }
    const byPhase = new Map<Phase, (row: BrowseRow) => boolean>();
    for (const phase of ['science', 'calval'] as const) {
      const own = crossing.filter(c => c.phase === phase).map(c => ({ ...(c.cycle !== undefined ? { cycle: c.cycle } : {}), pass: c.pass }));
      byPhase.set(phase, rowPredicate({ ...filter, crossing: own }));
    }
    return row => byPhase.get(phaseOfCycle(row.cycle))!(row);
  }

  private _refilter(): void {
    let keep: (row: BrowseRow) => boolean;
    this._filterProblem = undefined;
    try {
      keep = this.predicate();
    } catch (error) {
      this._filterProblem = errorMessage('Filter', error);
      keep = () => true;
    }
    this._visible = this._rows.filter(keep);
    if (this._selected && !this._visible.includes(this._selected)) {
      this._selected = null;
      this._changed.emit('selection');
    }
    this._changed.emit('rows');
  }

  private async _findPasses(): Promise<void> {
    const ticket = ++this._boxTicket;
    const { bbox, start, end } = this._filters;
    if (!bbox) {
      this._crossing = undefined;
      this._crossingState = { status: 'idle' };
      return;
    }
    this._crossingState = { status: 'loading', loaded: 0 };
    this._changed.emit('filters');
    const region: Region = { bbox };
    const phases: Phase[] = this._location?.phase ? [this._location.phase] : ['science', 'calval'];
    try {
      const rows = await findPasses(region, { phases, ...(start ? { start } : {}), ...(end ? { end } : {}) });
      if (ticket !== this._boxTicket) {
        return;
      }
      this._crossing = rows;
      this._crossingState = { status: 'done', total: rows.length };
    } catch (error) {
      if (ticket !== this._boxTicket) {
        return;
      }
      this._crossing = undefined;
      this._crossingState = { status: 'error', message: errorMessage('Cannot search the passes crossing the box', error) };
    }
    this._refilter();
    this._changed.emit('filters');
  }

  private async _list(): Promise<void> {
    this._abort?.abort();
    this._rows = [];
    this._visible = [];
    const path = this.path;
    if (path === null || this._location === null) {
      this._state = this._location?.reason ? { status: 'error', message: this._location.reason } : { status: 'idle' };
      this._changed.emit('rows');
      return;
    }
    if (this._location.format === 'zarr' && this._crumbs.length === 1) {
      // A Zarr store is one dataset: its details are the listing.
      const row: BrowseRow = { kind: 'store', name: path.split('/').pop() ?? path, path, label: this._location.label, format: 'zarr' };
      this._rows = [row];
      this._state = { status: 'done', total: 1 };
      this._refilter();
      this.select(row);
      return;
    }
    const abort = new AbortController();
    this._abort = abort;
    this._state = { status: 'loading', loaded: 0 };
    this._changed.emit('rows');
    let start = 0;
    try {
      for (;;) {
        const limit = start === 0 ? FIRST_PAGE : NEXT_PAGES;
        const page = await listFolder(path, { start, limit, summary: true, signal: abort.signal });
        if (abort.signal.aborted) {
          return;
        }
        for (const entry of page.entries) {
          const row = browseRow(path, entry);
          if (row) {
            this._rows.push(row);
          }
        }
        start += page.entries.length;
        const done = page.entries.length === 0 || start >= page.total;
        this._state = done ? { status: 'done', total: this._rows.length } : { status: 'loading', loaded: start, total: page.total };
        this._refilter();
        if (done) {
          break;
        }
      }
    } catch (error) {
      if (abort.signal.aborted || (error as { name?: string })?.name === 'AbortError') {
        return;
      }
      this._state = { status: 'error', message: errorMessage(`Cannot list ${path}`, error) };
      this._changed.emit('rows');
    } finally {
      if (this._abort === abort) {
        this._abort = null;
      }
    }
  }
}
