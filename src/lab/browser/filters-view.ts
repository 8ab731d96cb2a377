/**
 * The browser's filters: cycles and passes (a number, a list, a range), a date
 * range, and a box typed or drawn on the small map; the box is turned into
 * passes by the pass finder, whose answer is listed under the map. A filter
 * that cannot be read says why next to it; the others keep working.
 */
import { CommandRegistry } from '@lumino/commands';
import { Panel, Widget } from '@lumino/widgets';
import { parseNumberFilter } from '../../core/browse';
import { el } from '../dom';
import { numberFilterText } from '../downloads/download-format';
import { CommandIDs } from '../tokens';
import { errorMessage } from '../error-message';
import { Box, BoxMap } from './box-map';
import { BrowserFilters, BrowserModel } from './browser-model';

function parseBox(text: string): Box | undefined {
  const t = text.trim();
  if (t === '') {
    return undefined;
  }
  const v = t.split(/[\s,;]+/).map(Number);
  if (v.length !== 4 || v.some(x => !Number.isFinite(x))) {
    throw new Error(`box "${text}": give four numbers lon_min, lat_min, lon_max, lat_max`);
  }
  if (v[1] >= v[3] || v[1] < -90 || v[3] > 90) {
    throw new Error(`box "${text}": latitudes must satisfy -90 <= lat_min < lat_max <= 90`);
  }
  return v as Box;
}

function parseDate(text: string, what: string): string | undefined {
  const t = text.trim();
  if (t === '') {
    return undefined;
  }
  if (Number.isNaN(Date.parse(t))) {
    throw new Error(`${what} "${text}" is not a date (e.g. 2024-12-01 or 2024-12-01T06:00)`);
  }
  return t;
}

export class FiltersView extends Panel {
  private readonly fields = {
    cycles: el('input', 'jp-swot-filter-cycles jp-mod-styled'),
    passes: el('input', 'jp-swot-filter-passes jp-mod-styled'),
    start: el('input', 'jp-swot-filter-start jp-mod-styled'),
    end: el('input', 'jp-swot-filter-end jp-mod-styled'),
    box: el('input', 'jp-swot-filter-box jp-mod-styled')
  };
  private readonly problems = el('div', 'jp-swot-filter-problems');
  private readonly passesInfo = el('div', 'jp-swot-filter-crossing');
  private readonly map = new BoxMap();

  constructor(
    private readonly model: BrowserModel,
    private readonly commands?: CommandRegistry
  ) {
    super();
    this.addClass('jp-swot-filters');
    const form = new Widget();
    form.addClass('jp-swot-filterForm');
    const field = (label: string, input: HTMLInputElement, placeholder: string, type = 'text') => {
      input.type = type;
      input.placeholder = placeholder;
      input.setAttribute('aria-label', label);
      input.addEventListener('change', () => this.apply());
      input.addEventListener('keydown', e => e.key === 'Enter' && this.apply());
      const row = el('label', 'jp-swot-filterField');
      row.append(el('span', 'jp-swot-filterLabel', label), input);
      return row;
    };
    const clear = el('button', 'jp-swot-filter-clear jp-mod-styled', 'Clear');
    clear.title = 'Clear every filter';
    clear.addEventListener('click', () => {
      Object.values(this.fields).forEach(f => (f.value = ''));
      this.map.setBox(undefined);
      this.apply();
    });
    const mapToggle = el('button', 'jp-swot-filter-mapToggle jp-mod-styled', 'Map');
    mapToggle.title = 'Show or hide the map on which a box is drawn by dragging';
    mapToggle.addEventListener('click', () => this.map.setHidden(!this.map.isHidden));
    const buttons = el('div', 'jp-swot-filterButtons');
    buttons.append(mapToggle, clear);
    form.node.append(
      field('Cycles', this.fields.cycles, 'e.g. 25, 1-3, 474-478'),
      field('Passes', this.fields.passes, 'e.g. 165, 10-20, 3,5'),
      field('From', this.fields.start, 'YYYY-MM-DD'),
      field('To', this.fields.end, 'YYYY-MM-DD'),
      field('Box', this.fields.box, 'lon min, lat min, lon max, lat max'),
      buttons,
      this.problems
    );
    this.addWidget(form);
    this.addWidget(this.map);
    this.map.hide(); // shown on demand, and with a box
    const info = new Widget({ node: this.passesInfo });
    this.addWidget(info);
    this.map.drawn.connect((_, box) => {
      this.fields.box.value = box.join(', ');
      this.apply();
    });
    this.model.changed.connect(this.onModel, this);
  }

  dispose(): void {
    this.model.changed.disconnect(this.onModel, this);
    super.dispose();
  }

  /** Set the filters from code (commands, tests): the same as typing them. */
  setValues(values: Partial<Record<keyof FiltersView['fields'], string>>): void {
    for (const [key, value] of Object.entries(values)) {
      this.fields[key as keyof FiltersView['fields']].value = value ?? '';
    }
    this.apply();
  }

  private apply(): void {
    const problems: string[] = [];
    const read = <T>(fn: () => T): T | undefined => {
      try {
        return fn();
      } catch (error) {
        problems.push(errorMessage('Filter', error));
        return undefined;
      }
    };
    const filters: BrowserFilters = {};
    const cycles = read(() => parseNumberFilter(this.fields.cycles.value, 'cycles'));
    const passes = read(() => parseNumberFilter(this.fields.passes.value, 'passes'));
    const start = read(() => parseDate(this.fields.start.value, 'from'));
    const end = read(() => parseDate(this.fields.end.value, 'to'));
    const bbox = read(() => parseBox(this.fields.box.value));
    if (cycles !== undefined) filters.cycles = cycles;
    if (passes !== undefined) filters.passes = passes;
    if (start !== undefined) filters.start = start;
    if (end !== undefined) filters.end = end;
    if (bbox !== undefined) filters.bbox = bbox;
    this.map.setBox(bbox);
    if (bbox) {
      this.map.show();
    }
    this.problems.replaceChildren(...problems.map(p => el('div', 'jp-swot-filter-problem', p)));
    this.model.setFilters(filters);
    if (this.model.filterProblem) {
      this.problems.append(el('div', 'jp-swot-filter-problem', this.model.filterProblem));
    }
  }

  /** "Download these passes": the download dialog with this product, the box and its passes (and the cycle and date filters). */
  private downloadButton(passes: number[]): HTMLButtonElement | undefined {
    const location = this.model.location;
    const { cycles, start, end, bbox } = this.model.filters;
    const args = {
      product: location?.product ?? '',
      location: location?.id ?? '',
      passes,
      ...(bbox ? { bbox } : {}),
      ...(cycles !== undefined ? { cycles: numberFilterText(cycles) } : {}),
      ...(start ? { start } : {}),
      ...(end ? { end } : {})
    };
    if (!location || !this.commands?.hasCommand(CommandIDs.download) || !this.commands.isEnabled(CommandIDs.download, args)) {
      return undefined; // no PO.DAAC or AVISO location for this product
    }
    const button = el('button', 'jp-swot-filter-downloadPasses jp-mod-styled', 'Download these passes');
    button.title = `Download passes ${passes.join(', ')} of ${location.product}`;
    button.addEventListener('click', () => this.commands?.execute(CommandIDs.download, args).catch(reason => console.error('jupyterlab-swot: download', reason)));
    return button;
  }

  private onModel(_: BrowserModel, what: string): void {
    if (what !== 'filters') {
      return;
    }
    const state = this.model.crossingState;
    const crossing = this.model.crossing;
    if (state.status === 'loading') {
      this.passesInfo.replaceChildren(el('span', 'jp-swot-loading', 'Searching the passes whose swath crosses the box…'));
    } else if (state.status === 'error') {
      this.passesInfo.replaceChildren(el('span', 'jp-swot-error', state.message));
    } else if (crossing) {
      const header = el(
        'div',
        'jp-swot-crossing-summary',
        crossing.length === 0 ? 'No pass crosses the box.' : `${crossing.length} pass${crossing.length > 1 ? 'es' : ''} cross the box (swath 10-60 km):`
      );
      const list = el('ul', 'jp-swot-crossing-list');
      for (const c of crossing.slice(0, 200)) {
        const when = c.enter !== undefined ? ` ${new Date(c.enter).toISOString().slice(0, 16).replace('T', ' ')}` : '';
        const sides = c.sides.length > 0 ? c.sides.join(' + ') : 'nadir gap';
        const item = el('li', 'jp-swot-crossing-pass', `${c.phase === 'calval' ? 'cal/val ' : ''}${c.cycle !== undefined ? `cycle ${c.cycle} ` : ''}pass ${c.pass} · ${sides}${when}`);
        item.dataset.pass = String(c.pass);
        if (c.cycle !== undefined) {
          item.dataset.cycle = String(c.cycle);
        }
        list.append(item);
      }
      if (crossing.length > 200) {
        list.append(el('li', '', `… and ${crossing.length - 200} more`));
      }
      const passes = [...new Set(crossing.map(c => c.pass))].sort((a, b) => a - b);
      const children: HTMLElement[] = [header, list];
      if (passes.length > 0) {
        // The box's passes as a pass filter: kept when the box is cleared, and the base of a download.
        const use = el('button', 'jp-swot-filter-usePasses jp-mod-styled', 'Use as pass filter');
        use.title = `Set the pass filter to ${passes.join(', ')}`;
        use.addEventListener('click', () => this.setValues({ passes: passes.join(', ') }));
        children.push(use);
        const download = this.downloadButton(passes);
        if (download) {
          children.push(download);
        }
      }
      this.passesInfo.replaceChildren(...children);
    } else {
      this.passesInfo.replaceChildren();
    }
  }
}
