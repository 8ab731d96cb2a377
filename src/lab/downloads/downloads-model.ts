/**
 * The server's download jobs as the lab sees them. The jobs live in the
 * Jupyter server (jupyterlab_swot/downloads.py), so a reloaded page lists
 * them again; this model asks GET /swot/downloads every second while a job
 * starts or runs, every 10 s while the Downloads section is visible, and not
 * at all otherwise.
 */
import { ServerConnection } from '@jupyterlab/services';
import { IDisposable } from '@lumino/disposable';
import { Signal } from '@lumino/signaling';
import { errorMessage } from '../error-message';
import { cancelDownload, DownloadJob, DownloadRequest, listDownloads, startDownload } from '../server-api';
import { IDLE_POLL_MS, pollDelay } from './download-format';

export interface DownloadsModelOptions {
  /** The server (default: this page's). */
  settings?: ServerConnection.ISettings;
}

export class DownloadsModel implements IDisposable {
  private _jobs: DownloadJob[] = [];
  private _error: string | undefined;
  private _visible = false;
  private _timer: ReturnType<typeof setTimeout> | undefined;
  private _inFlight: Promise<void> | undefined;
  private _disposed = false;
  private _last = '';
  private readonly _changed = new Signal<DownloadsModel, void>(this);
  private readonly _settings: ServerConnection.ISettings | undefined;
  private _ready: Promise<void> | undefined;

  constructor(options: DownloadsModelOptions = {}) {
    this._settings = options.settings;
  }

  /**
   * Resolves once the first listing has been asked (jobs of before a reload included). Nothing
   * is asked at JupyterLab's start: the first listing is made when the section is shown, a job
   * started or this is read.
   */
  get ready(): Promise<void> {
    return (this._ready ??= this.refresh());
  }

  get changed(): Signal<DownloadsModel, void> {
    return this._changed;
  }
  /** Newest first. */
  get jobs(): readonly DownloadJob[] {
    return this._jobs;
  }
  /** Why the jobs could not be listed the last time, if they could not. */
  get error(): string | undefined {
    return this._error;
  }
  get isDisposed(): boolean {
    return this._disposed;
  }

  get(id: string): DownloadJob | undefined {
    return this._jobs.find(j => j.id === id);
  }

  /** Whether the Downloads section is on screen: it is then kept fresh even with no job running. */
  get visible(): boolean {
    return this._visible;
  }
  set visible(value: boolean) {
    if (value === this._visible) {
      return;
    }
    this._visible = value;
    if (value) {
      void this.refresh();
    } else {
      this._schedule();
    }
  }

  /** Ask the server for the jobs now (one request at a time), then plan the next poll. */
  refresh(): Promise<void> {
    if (this._inFlight) {
      return this._inFlight;
    }
    clearTimeout(this._timer);
    this._timer = undefined;
    this._inFlight = (async () => {
      try {
        this._set(await listDownloads(this._settings), undefined);
      } catch (error) {
        this._set(this._jobs, errorMessage('Cannot list the downloads', error));
      } finally {
        this._inFlight = undefined;
        this._schedule();
      }
    })();
    this._ready ??= this._inFlight;
    return this._inFlight;
  }

  /**
   * Start a job; resolves to it as the server created it.
   *
   * @throws FileAccessError with the server's refusal ({path, reason}) as its cause (HttpCause)
   */
  async start(request: DownloadRequest): Promise<DownloadJob> {
    const job = await startDownload(request, this._settings);
    this._set([job, ...this._jobs.filter(j => j.id !== job.id)], this._error);
    void this.refresh();
    return job;
  }

  /** Cancel a running job: its transfers stop, leaving `.part` files the next run resumes. */
  async cancel(id: string): Promise<void> {
    await cancelDownload(id, this._settings);
    await this.refresh();
  }

  /** Forget a finished job (its files stay). */
  async forget(id: string): Promise<void> {
    await cancelDownload(id, this._settings);
    this._set(this._jobs.filter(j => j.id !== id), this._error);
    await this.refresh();
  }

  dispose(): void {
    if (this._disposed) {
      return;
    }
    this._disposed = true;
    clearTimeout(this._timer);
    Signal.clearData(this);
  }

  private _set(jobs: DownloadJob[], error: string | undefined): void {
    if (this._disposed) {
      return;
    }
    // Only a real change re-renders (an idle list is polled every 10 s).
    const text = JSON.stringify([jobs, error]);
    this._jobs = jobs;
    this._error = error;
    if (text !== this._last) {
      this._last = text;
      this._changed.emit();
    }
  }

  private _schedule(): void {
    clearTimeout(this._timer);
    this._timer = undefined;
    if (this._disposed || this._inFlight) {
      return;
    }
    const delay = pollDelay(this._jobs, this._visible);
    if (delay !== undefined) {
      // A server that does not answer is asked again slowly.
      this._timer = setTimeout(() => void this.refresh(), this._error ? Math.max(delay, IDLE_POLL_MS) : delay);
    }
  }
}
