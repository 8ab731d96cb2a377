/**
 * The Downloads section of the SWOT sidebar: one row per server job with its
 * label, state, a bar of the bytes, speed, file counts, the files in
 * transfer, the errors (with the file), and Cancel / Forget / Show files; a
 * dry run shows what would be fetched. Rows are kept by job id and updated in
 * place, so a button stays the same element while the job is polled.
 */
import { Message } from '@lumino/messaging';
import { Widget } from '@lumino/widgets';
import { el } from '../dom';
import type { DownloadJob } from '../server-api';
import { formatSize } from '../../core/download/format';
import { bytesText, countsText, errorText, fileText, formatSpeed, isActive, jobLabel, planText, progressFraction, stateLabel } from './download-format';
import { DownloadsModel } from './downloads-model';

export interface DownloadsViewOptions {
  model: DownloadsModel;
  /** Open the job's out folder in the file browser. */
  showFiles(job: DownloadJob): void;
  /** Tell the user an action failed (cancel, forget). */
  report(title: string, error: unknown): void;
}

/** At most this many files in transfer and planned files are listed per job. */
const MAX_LISTED = 50;

class JobRow {
  readonly node = el('li', 'jp-swot-download');
  private readonly label = el('div', 'jp-swot-downloadLabel');
  private readonly state = el('span', 'jp-swot-downloadState');
  private readonly bar = el('div', 'jp-swot-downloadBar');
  private readonly fill = el('div', 'jp-swot-downloadBarFill');
  private readonly stats = el('div', 'jp-swot-downloadStats');
  private readonly counts = el('div', 'jp-swot-downloadCounts');
  private readonly plan = el('div', 'jp-swot-downloadPlan');
  private readonly planned = el('ul', 'jp-swot-downloadPlanned');
  private readonly files = el('ul', 'jp-swot-downloadFiles');
  private readonly errors = el('div', 'jp-swot-downloadErrors');
  private readonly stderr = el('pre', 'jp-swot-downloadStderr');
  private readonly out = el('code', 'jp-swot-downloadOut');
  private readonly cancel = el('button', 'jp-swot-downloadCancel jp-mod-styled', 'Cancel');
  private readonly forget = el('button', 'jp-swot-downloadForget jp-mod-styled', 'Forget');
  private readonly show = el('button', 'jp-swot-downloadShow jp-mod-styled', 'Show files');
  private job: DownloadJob;

  constructor(job: DownloadJob, options: DownloadsViewOptions) {
    this.job = job;
    this.node.dataset.jobId = job.id;
    this.bar.setAttribute('role', 'progressbar');
    this.bar.setAttribute('aria-valuemin', '0');
    this.bar.setAttribute('aria-valuemax', '100');
    this.bar.append(this.fill);
    const head = el('div', 'jp-swot-downloadHead');
    head.append(this.label, this.state);
    const buttons = el('div', 'jp-swot-downloadButtons');
    buttons.append(this.cancel, this.forget, this.show);
    this.cancel.title = 'Stop the transfers; the .part files are resumed by the next run of the same download';
    this.forget.title = 'Remove this job from the list (its files stay)';
    const act = (button: HTMLButtonElement, title: string, action: () => Promise<void>) =>
      button.addEventListener('click', () => {
        button.disabled = true;
        action()
          .catch(error => options.report(title, error))
          .finally(() => (button.disabled = false));
      });
    act(this.cancel, 'Cannot cancel the download', () => options.model.cancel(this.job.id));
    act(this.forget, 'Cannot forget the download', () => options.model.forget(this.job.id));
    this.show.addEventListener('click', () => options.showFiles(this.job));
    this.node.append(head, this.bar, this.stats, this.counts, this.plan, this.planned, this.files, this.errors, this.stderr, this.out, buttons);
    this.update(job);
  }

  update(job: DownloadJob): void {
    this.job = job;
    const active = isActive(job);
    this.node.dataset.state = job.state;
    this.node.classList.toggle('jp-mod-dryRun', job.dryRun);
    this.label.textContent = jobLabel(job);
    this.label.title = this.label.textContent;
    this.state.textContent = stateLabel(job);
    this.state.className = `jp-swot-downloadState jp-mod-${job.state}`;

    const fraction = progressFraction(job);
    this.bar.hidden = job.dryRun;
    this.bar.classList.toggle('jp-mod-indeterminate', fraction === undefined && active);
    this.fill.style.width = `${Math.round((fraction ?? 0) * 1000) / 10}%`;
    if (fraction === undefined) {
      this.bar.removeAttribute('aria-valuenow');
    } else {
      this.bar.setAttribute('aria-valuenow', String(Math.round(fraction * 100)));
    }

    const seconds = job.end?.seconds;
    this.stats.hidden = job.dryRun;
    this.stats.textContent = active
      ? `${bytesText(job)} · ${formatSpeed(job.speed)}`
      : `${bytesText(job)}${seconds ? ` in ${seconds.toFixed(1)} s (${formatSpeed(job.bytes / Math.max(seconds, 1e-3))})` : ''}`;
    this.counts.hidden = job.dryRun;
    this.counts.textContent = countsText(job);

    this.plan.hidden = !job.dryRun;
    this.plan.textContent = job.dryRun ? planText(job) : '';
    const planned = job.planned ?? [];
    this.planned.hidden = !job.dryRun || planned.length === 0;
    this.planned.replaceChildren(
      ...planned.slice(0, MAX_LISTED).map(f => el('li', 'jp-swot-downloadPlannedFile', `${f.name} ${f.size !== null && f.size !== undefined ? formatSize(f.size) : 'size unknown'}`)),
      ...(planned.length > MAX_LISTED ? [el('li', '', `… and ${planned.length - MAX_LISTED} more`)] : [])
    );

    const current = job.current;
    this.files.hidden = current.length === 0;
    this.files.replaceChildren(
      ...current.slice(0, MAX_LISTED).map(f => {
        const item = el('li', 'jp-swot-downloadFile', fileText(f));
        item.dataset.name = f.name;
        item.title = f.name;
        if (f.retry) {
          item.append(el('span', 'jp-swot-downloadRetry', ` (retry ${f.retry})`));
        }
        return item;
      })
    );

    this.errors.hidden = job.errors.length === 0;
    this.errors.replaceChildren(
      ...job.errors.map(e => {
        const item = el('div', 'jp-swot-downloadError', errorText(e));
        if (e.name) {
          item.dataset.name = e.name;
        }
        return item;
      })
    );
    this.stderr.hidden = job.stderr.length === 0;
    this.stderr.textContent = job.stderr.join('\n');

    this.out.textContent = job.out;
    this.out.title = `Downloaded into ${job.out}`;
    this.cancel.hidden = !active;
    this.forget.hidden = active;
    this.show.hidden = job.dryRun;
  }
}

export class DownloadsView extends Widget {
  private readonly status = el('div', 'jp-swot-downloadsStatus');
  private readonly list = el('ul', 'jp-swot-downloadList');
  private readonly rows = new Map<string, JobRow>();

  constructor(private readonly options: DownloadsViewOptions) {
    super();
    this.addClass('jp-swot-downloads');
    this.id = 'jupyterlab-swot-downloads';
    this.title.label = 'Downloads';
    this.node.append(el('h3', 'jp-swot-sectionTitle', 'Downloads'), this.status, this.list);
    options.model.changed.connect(this.render, this);
    this.render();
  }

  dispose(): void {
    this.options.model.changed.disconnect(this.render, this);
    super.dispose();
  }

  /** The row of job `id` (for commands and tests). */
  rowNode(id: string): HTMLElement | undefined {
    return this.rows.get(id)?.node;
  }

  protected onAfterAttach(_: Message): void {
    this.options.model.visible = this.isVisible;
  }
  protected onAfterShow(_: Message): void {
    this.options.model.visible = true;
  }
  protected onBeforeHide(_: Message): void {
    this.options.model.visible = false;
  }
  protected onBeforeDetach(_: Message): void {
    this.options.model.visible = false;
  }

  private render(): void {
    const { jobs, error } = this.options.model;
    this.status.classList.toggle('jp-mod-error', error !== undefined);
    this.status.textContent =
      error ?? (jobs.length === 0 ? 'No download yet: use Download… on a PO.DAAC or AVISO location, or Download these passes after a box search.' : '');
    this.status.hidden = this.status.textContent === '';
    const seen = new Set<string>();
    jobs.forEach((job, index) => {
      seen.add(job.id);
      let row = this.rows.get(job.id);
      if (row) {
        row.update(job);
      } else {
        row = new JobRow(job, this.options);
        this.rows.set(job.id, row);
      }
      if (this.list.children[index] !== row.node) {
        this.list.insertBefore(row.node, this.list.children[index] ?? null);
      }
    });
    for (const [id, row] of this.rows) {
      if (!seen.has(id)) {
        row.node.remove();
        this.rows.delete(id);
      }
    }
  }
}
