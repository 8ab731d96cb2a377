import { JupyterFrontEndPlugin } from '@jupyterlab/application';
import { catalogPlugin } from './catalog-plugin';
import { downloadsPlugin } from './downloads/downloads-plugin';
import { sidebarPlugin } from './sidebar-plugin';
import { snippetsPlugin } from './snippets/snippets-plugin';
import { storePlugin } from './store-plugin';
import { tutorialsPlugin } from './tutorials/tutorials-plugin';
import { viewerPlugin } from './viewer/viewer-plugin';

const plugins: JupyterFrontEndPlugin<any>[] = [catalogPlugin, sidebarPlugin, storePlugin, viewerPlugin, snippetsPlugin, tutorialsPlugin, downloadsPlugin];

export default plugins;
