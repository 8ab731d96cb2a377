import { JupyterFrontEndPlugin } from '@jupyterlab/application';
import { catalogPlugin } from './catalog-plugin';
import { sidebarPlugin } from './sidebar-plugin';

const plugins: JupyterFrontEndPlugin<any>[] = [catalogPlugin, sidebarPlugin];

export default plugins;
