/**
 * Opening a netCDF4 file (.nc) from the file browser opens the SWOT viewer
 * (its default factory, no kernel involved); a Zarr store (.zarr directory)
 * opens it from the context menu.
 *
 * The viewer never writes, and needs no write access. A double-click opens a
 * document through JupyterLab's document context, which writes in two ways,
 * both closed here for this viewer's contexts only (its own model factory, so
 * no other widget shares them):
 * - a checkpoint, a full copy of the file in .ipynb_checkpoints/
 *   (Context._maybeCheckpoint, whenever `context.canSave`, i.e. whenever the
 *   server says the file is writable): the widget factory reads the file's
 *   model through its own content provider, which asks the server for the model
 *   without content, reports it read-only (`writable: false`) and refuses every
 *   save. `canSave` is false: no checkpoint, no save, no autosave.
 * - the .ipynb_checkpoints/ folder itself: the tab's caption lists the
 *   document's checkpoints (DocumentWidgetManager.setCaption), and Jupyter's
 *   FileCheckpoints creates that folder beside the file to answer. A viewer has
 *   no checkpoints: its contexts answer an empty list without asking the server.
 * The viewer reads the bytes itself, in place (open-in-browser.ts).
 */
import { JupyterFrontEnd, JupyterFrontEndPlugin } from '@jupyterlab/application';
import { MainAreaWidget } from '@jupyterlab/apputils';
import { ABCWidgetFactory, DocumentRegistry, DocumentWidget, IDocumentWidget, TextModelFactory } from '@jupyterlab/docregistry';
import { Contents, ContentsManager, IContentProvider } from '@jupyterlab/services';
import { IFileBrowserFactory } from '@jupyterlab/filebrowser';
import { commandPath } from '../file-browser';
import { swotIcon } from '../sidebar-plugin';
import { CommandIDs } from '../tokens';
import { SwotViewer } from './viewer-widget';

export const VIEWER_FACTORY = 'SWOT Viewer';
const FILE_TYPE = 'swot-netcdf';
const MODEL = 'swot-no-content';
const READ_ONLY_PROVIDER = 'jupyterlab-swot:read-only';

/** The file's model without content, always read-only; saving is refused (see the header). */
function readOnlyProvider(drive: Contents.IDrive): IContentProvider {
  return {
    async get(localPath: string, options?: Contents.IFetchOptions): Promise<Contents.IModel> {
      const { contentProviderId: _ours, ...rest } = options ?? {};
      const model = await drive.get(localPath, { ...rest, content: false });
      return { ...model, writable: false };
    },
    async save(localPath: string): Promise<Contents.IModel> {
      throw new Error(`${localPath}: the SWOT viewer never writes files`);
    }
  };
}

/** No checkpoint is listed (which creates .ipynb_checkpoints/ on the server) or made (see the header). */
function withoutCheckpoints(context: DocumentRegistry.Context): void {
  context.listCheckpoints = async () => [];
  context.createCheckpoint = async () => {
    throw new Error(`${context.path}: the SWOT viewer never writes checkpoints`);
  };
}

/** A model factory that does not load the file's content (the viewer reads it itself). */
class NoContentModelFactory extends TextModelFactory {
  get name(): string {
    return MODEL;
  }
  get fileFormat(): null {
    return null;
  }
}

class ViewerFactory extends ABCWidgetFactory<IDocumentWidget<SwotViewer>> {
  protected createNewWidget(context: DocumentRegistry.Context): IDocumentWidget<SwotViewer> {
    withoutCheckpoints(context);
    const widget = new DocumentWidget({ content: new SwotViewer(context.path), context });
    widget.title.icon = swotIcon;
    return widget;
  }
}

export const viewerPlugin: JupyterFrontEndPlugin<void> = {
  id: 'jupyterlab-swot:viewer',
  description: 'Opens netCDF4 files and Zarr stores in a viewer: variables, dimensions, attributes and a map.',
  autoStart: true,
  optional: [IFileBrowserFactory],
  activate: (app: JupyterFrontEnd, browsers: IFileBrowserFactory | null) => {
    const registry = app.docRegistry;
    const contents = app.serviceManager.contents;
    const drive = (contents as Partial<Pick<ContentsManager, 'defaultDrive'>>).defaultDrive;
    if (drive?.contentProviderRegistry) {
      drive.contentProviderRegistry.register(READ_ONLY_PROVIDER, readOnlyProvider(drive));
    } else {
      console.warn('jupyterlab-swot: this drive has no content providers; the viewer cannot keep JupyterLab from checkpointing .nc files');
    }
    if (!registry.getModelFactory(MODEL)) {
      registry.addModelFactory(new NoContentModelFactory());
    }
    registry.addFileType({
      name: FILE_TYPE,
      displayName: 'netCDF4',
      extensions: ['.nc', '.nc4'],
      mimeTypes: ['application/x-netcdf'],
      contentType: 'file',
      fileFormat: null,
      icon: swotIcon
    });
    registry.addWidgetFactory(
      new ViewerFactory({ name: VIEWER_FACTORY, label: 'SWOT Viewer', modelName: MODEL, fileTypes: [FILE_TYPE], defaultFor: [FILE_TYPE], readOnly: true, contentProviderId: READ_ONLY_PROVIDER })
    );

    app.commands.addCommand(CommandIDs.openViewer, {
      label: 'Open in SWOT Viewer',
      caption: 'Read the Zarr store from the server and draw its variables on a map',
      icon: swotIcon,
      isVisible: args => /\.zarr\/?$/.test(commandPath(args, browsers)),
      execute: args => {
        const path = commandPath(args, browsers);
        const format = args.format === 'netcdf' || args.format === 'zarr' || args.format === 'zcollection' ? args.format : undefined;
        const content = new SwotViewer(path, format);
        const widget = new MainAreaWidget({ content });
        widget.id = `jupyterlab-swot-viewer-${path}`;
        widget.title.label = path.split('/').pop() ?? path;
        widget.title.icon = swotIcon;
        widget.title.closable = true;
        app.shell.add(widget, 'main');
        return content.ready;
      }
    });
    app.contextMenu.addItem({ command: CommandIDs.openViewer, selector: '.jp-DirListing-item[data-isdir="true"]', rank: 2 });
  }
};
