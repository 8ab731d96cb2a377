/**
 * The download dialog: the request's fields pre-filled (provider, collection,
 * cycles, passes, period, box, out folder, parallel transfers, dry run),
 * checked as they are typed; Download with a field that cannot be read
 * opens the dialog again with the values kept and the reason under the form.
 */
import { Dialog, showDialog } from '@jupyterlab/apputils';
import { Widget } from '@lumino/widgets';
import { el } from '../dom';
import type { DownloadRequest } from '../server-api';
import { buildDownloadRequest, DOWNLOAD_PROVIDERS, DownloadFieldError, DownloadFormValues } from './download-request';

type TextField = Exclude<keyof DownloadFormValues, 'dryRun'>;

const FIELDS: Array<{ key: TextField; label: string; placeholder?: string; title?: string }> = [
  { key: 'provider', label: 'Provider' },
  { key: 'collection', label: 'Collection', placeholder: 'PO.DAAC short name or AVISO tree path' },
  { key: 'version', label: 'Version folder', placeholder: 'as the collection says (AVISO: v2_0_1, PIC2...)' },
  { key: 'cycles', label: 'Cycles', placeholder: 'all, or e.g. 25, 1-3, 474-478' },
  { key: 'passes', label: 'Passes', placeholder: 'all, or e.g. 165, 10-20, 3,5' },
  { key: 'start', label: 'From', placeholder: 'YYYY-MM-DD' },
  { key: 'end', label: 'To', placeholder: 'YYYY-MM-DD' },
  { key: 'bbox', label: 'Box', placeholder: 'lon min, lat min, lon max, lat max', title: 'Searched with the swath-aware pass finder' },
  { key: 'phase', label: 'Orbit phase' },
  { key: 'out', label: 'Out folder', placeholder: 'relative to the server root', title: 'Created when missing; relative to the Jupyter server root' },
  { key: 'jobs', label: 'Parallel transfers' }
];

/** The dialog's body: a form of the fields, read back as they are. */
export class DownloadForm extends Widget implements Dialog.IBodyWidget<DownloadFormValues> {
  private readonly inputs = new Map<TextField, HTMLInputElement | HTMLSelectElement>();
  private readonly dryRun = el('input', 'jp-swot-downloadField-dryRun');
  private readonly problem = el('div', 'jp-swot-downloadFormError');

  constructor(values: DownloadFormValues, error?: DownloadFieldError) {
    super();
    this.addClass('jp-swot-downloadForm');
    for (const { key, label, placeholder, title } of FIELDS) {
      const input = this.input(key, values[key]);
      input.classList.add(`jp-swot-downloadField-${key}`, 'jp-mod-styled');
      input.dataset.field = key;
      input.setAttribute('aria-label', label);
      if (input instanceof HTMLInputElement && placeholder) {
        input.placeholder = placeholder;
      }
      input.addEventListener('input', () => this.check());
      input.addEventListener('change', () => this.check());
      const row = el('label', 'jp-swot-downloadFormField');
      if (title) {
        row.title = title;
      }
      row.append(el('span', 'jp-swot-downloadFormLabel', label), input);
      this.node.append(row);
      this.inputs.set(key, input);
    }
    this.dryRun.type = 'checkbox';
    this.dryRun.checked = values.dryRun;
    this.dryRun.dataset.field = 'dryRun';
    const dry = el('label', 'jp-swot-downloadFormField jp-swot-downloadFormCheck');
    dry.title = 'List what would be fetched, with the total size, and fetch nothing';
    dry.append(this.dryRun, el('span', '', 'Dry run (list the files and the total size only)'));
    this.node.append(dry, this.problem);
    this.node.append(el('div', 'jp-swot-downloadFormNote', 'Credentials are read by the server from ~/.netrc or its environment (EARTHDATA_TOKEN, AVISO_USERNAME...), never from this page.'));
    this.showProblem(error);
  }

  getValue(): DownloadFormValues {
    const values = { dryRun: this.dryRun.checked } as DownloadFormValues;
    for (const [key, input] of this.inputs) {
      values[key] = input.value;
    }
    return values;
  }

  private input(key: TextField, value: string): HTMLInputElement | HTMLSelectElement {
    const choices: Partial<Record<TextField, Array<[string, string]>>> = {
      provider: DOWNLOAD_PROVIDERS.map(p => [p, p === 'podaac' ? 'PO.DAAC (podaac)' : 'AVISO (aviso)']),
      phase: [
        ['', 'as the collection holds'],
        ['science', 'science (21-day repeat)'],
        ['calval', 'cal/val (1-day repeat)']
      ]
    };
    const options = choices[key];
    if (options) {
      const select = el('select', '');
      for (const [v, text] of options) {
        const option = el('option', '', text);
        option.value = v;
        select.append(option);
      }
      select.value = value;
      return select;
    }
    const input = el('input', '');
    input.type = key === 'jobs' ? 'number' : 'text';
    if (key === 'jobs') {
      input.min = '1';
      input.max = '16';
    }
    input.value = value;
    return input;
  }

  /** Check the fields as typed: the first that cannot be read is marked, with the reason. */
  private check(): void {
    try {
      buildDownloadRequest(this.getValue());
      this.showProblem(undefined);
    } catch (error) {
      this.showProblem(error instanceof DownloadFieldError ? error : undefined);
    }
  }

  private showProblem(error: DownloadFieldError | undefined): void {
    for (const [key, input] of this.inputs) {
      input.classList.toggle('jp-mod-invalid', key === error?.field);
    }
    this.problem.textContent = error?.message ?? '';
    this.problem.hidden = error === undefined;
  }
}

/**
 * Ask for a download, starting from `values`; resolves to the request, or null when cancelled.
 * A field that cannot be read keeps the dialog open (shown again, values kept, reason said).
 */
export async function askDownload(values: DownloadFormValues, title = 'Download SWOT data'): Promise<DownloadRequest | null> {
  let current = values;
  let error: DownloadFieldError | undefined;
  for (;;) {
    const result = await showDialog<DownloadFormValues>({
      title,
      body: new DownloadForm(current, error),
      buttons: [Dialog.cancelButton(), Dialog.okButton({ label: 'Download' })],
      focusNodeSelector: error ? `[data-field="${error.field}"]` : '.jp-swot-downloadField-cycles'
    });
    if (!result.button.accept || !result.value) {
      return null;
    }
    current = result.value;
    try {
      return buildDownloadRequest(current);
    } catch (e) {
      if (!(e instanceof DownloadFieldError)) {
        throw e;
      }
      error = e;
    }
  }
}
