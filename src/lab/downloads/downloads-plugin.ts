/**
 * Downloads in the lab: the swot:download command (a dialog pre-filled from a
 * catalog location or a pass-finder result, then a job started on the Jupyter
 * server, which runs `swot download`), and the Downloads section of the SWOT
 * sidebar showing the server's jobs (they survive a page reload).
 */
import { JupyterFrontEnd, JupyterFrontEndPlugin } from '@jupyterlab/application';
import { ICommandPalette, showErrorMessage } from '@jupyterlab/apputils';
import { IDefaultFileBrowser } from '@jupyterlab/filebrowser';
import { errorMessage } from '../error-message';
import { DownloadJob, HttpCause, swotServerConfig } from '../server-api';
import { CommandIDs, ICatalogModel, ISwotSidebar } from '../tokens';
import { askDownload } from './download-dialog';
import { fileBrowserPath } from './download-format';
import { DownloadArgs, downloadLocation, formValues } from './download-request';
import { DownloadsModel } from './downloads-model';
import { DownloadsView } from './downloads-view';

const GO_TO_PATH = 'filebrowser:go-to-path';

/** The text of a failure: the server's refusal ({path, reason}) when it refused. */
function refusalText(error: unknown): string {
  const refusal = ((error as { cause?: HttpCause })?.cause as HttpCause | undefined)?.refusal;
  if (refusal) {
    return `${refusal.path ? `${refusal.path}: ` : ''}${refusal.reason}${refusal.hint ? ` (${refusal.hint})` : ''}`;
  }
  return errorMessage('The download could not be started', error);
}

function downloadArgs(args: Record<string, unknown>): DownloadArgs {
  const text = (v: unknown) => (typeof v === 'string' ? v : undefined);
  const filter = (v: unknown) => (typeof v === 'string' || typeof v === 'number' || Array.isArray(v) || (v && typeof v === 'object') ? (v as DownloadArgs['cycles']) : undefined);
  return {
    product: text(args.product),
    location: text(args.location),
    cycles: filter(args.cycles),
    passes: filter(args.passes),
    start: text(args.start),
    end: text(args.end),
    bbox: Array.isArray(args.bbox) || typeof args.bbox === 'string' ? (args.bbox as DownloadArgs['bbox']) : undefined,
    out: text(args.out)
  };
}

export const downloadsPlugin: JupyterFrontEndPlugin<void> = {
  id: 'jupyterlab-swot:downloads',
  description: 'Download SWOT data from PO.DAAC and AVISO through the Jupyter server, with a Downloads section in the SWOT sidebar.',
  autoStart: true,
  requires: [ISwotSidebar, ICatalogModel],
  optional: [IDefaultFileBrowser, ICommandPalette],
  activate: (app: JupyterFrontEnd, sidebar: ISwotSidebar, catalog: ICatalogModel, files: IDefaultFileBrowser | null, palette: ICommandPalette | null) => {
    const model = new DownloadsModel();
    const showFiles = async (job: DownloadJob) => {
      // absolute out folders cannot be shown in the file browser without the server root
      const serverRoot = await swotServerConfig().then(
        config => config.serverRoot,
        () => undefined
      );
      const path = fileBrowserPath(job.out, serverRoot);
      if (path === undefined) {
        await showErrorMessage('Cannot show the files', `${job.out} is outside the Jupyter server root${serverRoot ? ` (${serverRoot})` : ''}: the file browser cannot show it.`);
        return;
      }
      try {
        if (app.commands.hasCommand(GO_TO_PATH)) {
          await app.commands.execute(GO_TO_PATH, { path });
        } else if (files) {
          await files.model.cd(`/${path}`);
          app.shell.activateById(files.id);
        }
      } catch (error) {
        await showErrorMessage('Cannot show the files', errorMessage(`Cannot open ${path}`, error));
      }
    };
    const view = new DownloadsView({
      model,
      showFiles: job => void showFiles(job),
      report: (title, error) => void showErrorMessage(title, errorMessage(title, error))
    });
    sidebar.addSection(view, { rank: 5 });

    app.commands.addCommand(CommandIDs.download, {
      label: args => (args.passes ? 'Download these passes…' : 'Download SWOT data…'),
      caption: 'Download a PO.DAAC or AVISO collection (or some of its cycles and passes) through the Jupyter server',
      describedBy: {
        args: {
          type: 'object',
          properties: {
            product: { type: 'string', description: 'Catalog product id, e.g. L3_LR_SSH' },
            location: { type: 'string', description: "Location id; when it has no provider, the product's first PO.DAAC or AVISO location is used" },
            cycles: { description: 'Cycles: a number, a list, or a text such as "1-3,5"' },
            passes: { description: 'Passes: a number, a list, or a text such as "10-20"' },
            start: { type: 'string', description: 'Start of the period (ISO 8601)' },
            end: { type: 'string', description: 'End of the period (ISO 8601)' },
            bbox: { type: 'array', items: { type: 'number' }, description: '[lon0, lat0, lon1, lat1]' },
            out: { type: 'string', description: 'Folder to download into, relative to the server root (default swot-downloads/<collection>)' }
          },
          required: ['product']
        }
      },
      isEnabled: args => downloadLocation(catalog.locations(String(args.product ?? '')), args.location as string | undefined) !== undefined,
      execute: async args => {
        const a = downloadArgs(args);
        const location = downloadLocation(catalog.locations(a.product ?? ''), a.location);
        if (!location) {
          await showErrorMessage('Nothing to download', `SWOT product ${a.product ?? '(none)'} has no PO.DAAC or AVISO location in the catalog.`);
          return undefined;
        }
        const request = await askDownload(formValues(a, location), `Download ${location.label}`);
        if (!request) {
          return undefined;
        }
        try {
          const job = await model.start(request);
          sidebar.reveal(view);
          return job;
        } catch (error) {
          await showErrorMessage('The server refused the download', refusalText(error));
          return undefined;
        }
      }
    });
    app.commands.addCommand(CommandIDs.showDownloads, {
      label: 'SWOT: Downloads',
      caption: 'Show the SWOT downloads (jobs run by the Jupyter server)',
      execute: () => {
        sidebar.reveal(view);
        void model.refresh();
      }
    });
    if (palette) {
      palette.addItem({ command: CommandIDs.showDownloads, category: 'SWOT' });
    }
  }
};
