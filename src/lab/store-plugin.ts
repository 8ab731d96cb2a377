import { JupyterFrontEnd, JupyterFrontEndPlugin } from '@jupyterlab/application';
import { MainAreaWidget, Notification } from '@jupyterlab/apputils';
import { IFileBrowserFactory } from '@jupyterlab/filebrowser';
import { commandPath } from './file-browser';
import { decodeVariable, detectLayout, detectProduct, nanMax, nanMin, openZarr } from '../core';
import { errorMessage } from './error-message';
import { jupyterFilesStore } from './jupyter-files-store';
import { StructureModel, StructureView } from './structure-view';
import { swotIcon } from './sidebar-plugin';
import { CommandIDs } from './tokens';

/** Open a Zarr store from the server (no kernel) and describe it, extent included. */
export async function describeZarr(path: string): Promise<StructureModel> {
  const reader = await openZarr(jupyterFilesStore(path));
  const model: StructureModel = { info: reader.info, product: detectProduct(path, reader.info.attrs) };
  const layout = detectLayout(reader.info);
  if (layout.kind !== 'other') {
    const lat = decodeVariable(layout.lat, (await reader.readRaw(layout.lat.name)).data, path).data as Float64Array;
    const lon = decodeVariable(layout.lon, (await reader.readRaw(layout.lon.name)).data, path).data as Float64Array;
    const [latMin, latMax] = [nanMin(lat), nanMax(lat)];
    const [lonMin, lonMax] = [nanMin(lon), nanMax(lon)];
    model.extent = { lonMin, lonMax, latMin, latMax };
  }
  reader.close();
  return model;
}

/** "Show SWOT dataset structure" on Zarr stores in the file browser. */
export const storePlugin: JupyterFrontEndPlugin<void> = {
  id: 'jupyterlab-swot:store',
  description: 'Reads Zarr stores straight from the Jupyter server and shows their structure.',
  autoStart: true,
  optional: [IFileBrowserFactory],
  activate: (app: JupyterFrontEnd, browsers: IFileBrowserFactory | null) => {
    app.commands.addCommand(CommandIDs.showStructure, {
      label: 'Show SWOT Dataset Structure',
      caption: 'Read the Zarr store from the server and show its dimensions, variables and attributes',
      icon: swotIcon,
      isVisible: args => /\.zarr\/?$/.test(commandPath(args, browsers)),
      execute: async args => {
        const path = commandPath(args, browsers);
        try {
          const model = await describeZarr(path);
          const widget = new MainAreaWidget({ content: new StructureView(model) });
          widget.id = `jupyterlab-swot-structure-${path}`;
          widget.title.label = path.split('/').pop() ?? path;
          widget.title.icon = swotIcon;
          widget.title.closable = true;
          app.shell.add(widget, 'main');
          return model.info;
        } catch (error) {
          Notification.error(errorMessage(`Cannot open ${path}`, error));
          throw error;
        }
      }
    });
    app.contextMenu.addItem({
      command: CommandIDs.showStructure,
      selector: '.jp-DirListing-item[data-isdir="true"]',
      rank: 3
    });
  }
};
