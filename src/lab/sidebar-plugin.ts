import { ILayoutRestorer, JupyterFrontEnd, JupyterFrontEndPlugin } from '@jupyterlab/application';
import { ICommandPalette } from '@jupyterlab/apputils';
import { IDefaultFileBrowser } from '@jupyterlab/filebrowser';
import { INotebookTracker } from '@jupyterlab/notebook';
import { LabIcon } from '@jupyterlab/ui-components';
import { Panel, Widget } from '@lumino/widgets';
import type { SnippetSelection } from '../core/snippets';
import swotIconSvg from '../../style/icons/swot.svg';
import { swotServerConfig } from './server-api';
import { CatalogSidebar } from './sidebar-view';
import { CommandIDs, ICatalogModel, ISwotSidebar } from './tokens';

export const swotIcon = new LabIcon({ name: 'jupyterlab-swot:swot', svgstr: swotIconSvg });

/** The sidebar: the data section first, then the sections other plugins add by rank. */
class SwotSidebar extends Panel implements ISwotSidebar {
  private readonly ranks = new Map<Widget, number>();

  constructor(
    private readonly shell: JupyterFrontEnd.IShell,
    private readonly data: CatalogSidebar
  ) {
    super();
  }

  selection(): SnippetSelection | undefined {
    return this.data.browser?.details.selection();
  }

  reveal(widget: Widget): void {
    this.shell.activateById(this.id);
    widget.node.scrollIntoView({ block: 'start' });
  }

  addSection(widget: Widget, options: { rank?: number } = {}): void {
    const rank = options.rank ?? 100;
    this.ranks.set(widget, rank);
    const index = this.widgets.findIndex(w => (this.ranks.get(w) ?? 0) > rank);
    widget.addClass('jp-swot-section');
    if (index < 0) {
      this.addWidget(widget);
    } else {
      this.insertWidget(index, widget);
    }
  }
}

/** The "SWOT" panel in the left sidebar: the catalog, each product's locations, and the data browser. */
export const sidebarPlugin: JupyterFrontEndPlugin<ISwotSidebar> = {
  id: 'jupyterlab-swot:sidebar',
  description: 'The SWOT data browser in the left sidebar.',
  autoStart: true,
  requires: [ICatalogModel],
  provides: ISwotSidebar,
  optional: [ILayoutRestorer, ICommandPalette, INotebookTracker, IDefaultFileBrowser],
  activate: (
    app: JupyterFrontEnd,
    catalog: ICatalogModel,
    restorer: ILayoutRestorer | null,
    palette: ICommandPalette | null,
    notebooks: INotebookTracker | null,
    files: IDefaultFileBrowser | null
  ): ISwotSidebar => {
    let serverRoot: string | undefined;
    swotServerConfig()
      .then(config => (serverRoot = config.serverRoot))
      .catch(reason => console.error('jupyterlab-swot: cannot read the server configuration (/swot/config)', reason));
    // New notebooks go to the folder the file browser shows, as JupyterLab's own "New notebook" does.
    const data = new CatalogSidebar(catalog, { commands: app.commands, notebooks, serverRoot: () => serverRoot, cwd: () => files?.model.path ?? '' });
    const sidebar = new SwotSidebar(app.shell, data);
    sidebar.addClass('jp-swot-sidebarHost');
    sidebar.addSection(data, { rank: 0 });
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
        data.showProduct(String(args.id));
      }
    });
    app.commands.addCommand(CommandIDs.browseLocation, {
      label: 'Browse a SWOT product location',
      describedBy: {
        args: {
          type: 'object',
          properties: {
            product: { type: 'string', description: 'Catalog product id, e.g. L3_LR_SSH' },
            location: { type: 'string', description: 'Location id, as listed in the product details' }
          },
          required: ['product', 'location']
        }
      },
      execute: args => {
        app.shell.activateById(sidebar.id);
        if (!data.browse(String(args.product), String(args.location))) {
          throw new Error(`no location ${String(args.location)} for product ${String(args.product)}`);
        }
      }
    });
    if (palette) {
      palette.addItem({ command: CommandIDs.openSidebar, category: 'SWOT' });
    }
    return sidebar;
  }
};
