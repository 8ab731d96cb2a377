import { JupyterFrontEndPlugin } from '@jupyterlab/application';
import { catalogPlugin } from './catalog-plugin';
import { sidebarPlugin } from './sidebar-plugin';
import { storePlugin } from './store-plugin';
import { viewerPlugin } from './viewer/viewer-plugin';

const plugins: JupyterFrontEndPlugin<any>[] = [catalogPlugin, sidebarPlugin, storePlugin, viewerPlugin];

export default plugins;
