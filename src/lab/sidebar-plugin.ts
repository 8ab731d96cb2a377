import { ILayoutRestorer, JupyterFrontEnd, JupyterFrontEndPlugin } from '@jupyterlab/application';
import { ICommandPalette } from '@jupyterlab/apputils';
import { LabIcon } from '@jupyterlab/ui-components';
import swotIconSvg from '../../style/icons/swot.svg';
import { CatalogSidebar } from './sidebar-view';
import { CommandIDs, ICatalogModel } from './tokens';

export const swotIcon = new LabIcon({ name: 'jupyterlab-swot:swot', svgstr: swotIconSvg });

/** The "SWOT" panel in the left sidebar: the catalog and each product's details. */
export const sidebarPlugin: JupyterFrontEndPlugin<void> = {
  id: 'jupyterlab-swot:sidebar',
  description: 'The SWOT data browser in the left sidebar.',
  autoStart: true,
  requires: [ICatalogModel],
  optional: [ILayoutRestorer, ICommandPalette],
  activate: (
    app: JupyterFrontEnd,
    catalog: ICatalogModel,
    restorer: ILayoutRestorer | null,
    palette: ICommandPalette | null
  ) => {
    const sidebar = new CatalogSidebar(catalog, app.commands);
    sidebar.id = 'jupyterlab-swot-sidebar';
    sidebar.title.icon = swotIcon;
    sidebar.title.caption = 'SWOT data';
    app.shell.add(sidebar, 'left', { rank: 150 });
    if (restorer) {
      restorer.add(sidebar, 'jupyterlab-swot-sidebar');
    }

    app.commands.addCommand(CommandIDs.openSidebar, {
      label: 'Show the SWOT data browser',
      execute: () => app.shell.activateById(sidebar.id)
    });
    app.commands.addCommand(CommandIDs.showProduct, {
      label: args => `Show SWOT product ${(args.id as string) ?? ''}`,
      describedBy: {
        args: {
          type: 'object',
          properties: { id: { type: 'string', description: 'Catalog product id, e.g. L3_LR_SSH' } },
          required: ['id']
        }
      },
      execute: args => {
        app.shell.activateById(sidebar.id);
        sidebar.showProduct(String(args.id));
      }
    });
    if (palette) {
      palette.addItem({ command: CommandIDs.openSidebar, category: 'SWOT' });
    }
  }
};
