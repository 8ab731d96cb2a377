/**
 * Snippets: the library (shipped + the user's folder) in a section of the SWOT
 * sidebar, a Snippets menu and command-palette entries; each snippet is filled
 * from the data browser's selection (else the sample dataset) and inserted
 * into the active notebook in its language, or refused with the reason.
 */
import { JupyterFrontEnd, JupyterFrontEndPlugin } from '@jupyterlab/application';
import { ICommandPalette } from '@jupyterlab/apputils';
import { IMainMenu } from '@jupyterlab/mainmenu';
import { INotebookTracker } from '@jupyterlab/notebook';
import { Menu } from '@lumino/widgets';
import { fillSnippet } from '../../core/snippets';
import { insertCode, InsertMode } from '../browser/notebook-code';
import { swotServerConfig } from '../server-api';
import { CommandIDs, ISwotSidebar } from '../tokens';
import { LibrarySnippet, SnippetsModel } from './snippets-model';
import { SnippetsView } from './snippets-view';

const LANGUAGE = { typescript: 'TypeScript', python: 'Python' } as const;

export const snippetsPlugin: JupyterFrontEndPlugin<void> = {
  id: 'jupyterlab-swot:snippets',
  description: 'SWOT code snippets for TypeScript and Python notebooks: a sidebar section, a menu and the command palette.',
  autoStart: true,
  requires: [ISwotSidebar],
  optional: [INotebookTracker, ICommandPalette, IMainMenu],
  activate: (app: JupyterFrontEnd, sidebar: ISwotSidebar, notebooks: INotebookTracker | null, palette: ICommandPalette | null, mainMenu: IMainMenu | null) => {
    let sample: string | null = null;
    const model = new SnippetsModel();
    swotServerConfig()
      .then(config => {
        sample = config.sample;
        model.changed.emit(); // previews are filled from the sample dataset
      })
      .catch(() => undefined); // the snippets say what is missing when filled
    const fill = (snippet: LibrarySnippet) => fillSnippet(snippet.template, snippet.language, sidebar.selection(), { sample });
    const insert = (snippet: LibrarySnippet, mode: InsertMode) => insertCode(notebooks, fill(snippet), snippet.language, mode);
    const view = new SnippetsView({ model, fill, insert });
    sidebar.addSection(view, { rank: 20 });

    app.commands.addCommand(CommandIDs.insertSnippet, {
      label: args => {
        const snippet = model.get(String(args.id ?? ''));
        return snippet ? `${snippet.name} (${LANGUAGE[snippet.language]})` : 'Insert a SWOT snippet';
      },
      caption: args => model.get(String(args.id ?? ''))?.description ?? '',
      describedBy: {
        args: {
          type: 'object',
          properties: {
            id: { type: 'string', description: 'Snippet key, "<language>/<id>" (e.g. "python/diagnostics"), or an id only one language has' },
            mode: { type: 'string', enum: ['below', 'cursor'], description: 'Below the active cell (default) or at the cursor' }
          },
          required: ['id']
        }
      },
      execute: async args => {
        const snippet = model.get(String(args.id ?? ''));
        if (!snippet) {
          throw new Error(`no SWOT snippet ${String(args.id)}`);
        }
        const result = await insert(snippet, args.mode === 'cursor' ? 'cursor' : 'below');
        view.showSnippet(snippet.key);
        if (!result.ok) {
          sidebar.reveal(view);
        }
        return result;
      }
    });
    app.commands.addCommand(CommandIDs.refreshSnippets, {
      label: 'Reload the SWOT snippets',
      execute: () => model.refresh()
    });

    // The menu and the palette follow the library (the user's folder can change).
    const menu = new Menu({ commands: app.commands });
    menu.id = 'jupyterlab-swot-snippets-menu';
    menu.title.label = 'Snippets';
    if (mainMenu) {
      mainMenu.addMenu(menu, true, { rank: 1000 });
    }
    let entries: Array<{ dispose(): void }> = [];
    const rebuild = () => {
      entries.forEach(e => e.dispose());
      entries = [];
      menu.clearItems();
      for (const language of ['typescript', 'python'] as const) {
        const own = model.snippets.filter(s => s.language === language);
        if (own.length === 0) {
          continue;
        }
        const sub = new Menu({ commands: app.commands });
        sub.title.label = LANGUAGE[language];
        for (const s of own) {
          sub.addItem({ command: CommandIDs.insertSnippet, args: { id: s.key } });
          if (palette) {
            entries.push(palette.addItem({ command: CommandIDs.insertSnippet, args: { id: s.key }, category: `SWOT snippets (${LANGUAGE[language]})` }));
          }
        }
        menu.addItem({ type: 'submenu', submenu: sub });
        entries.push(sub);
      }
      menu.addItem({ type: 'separator' });
      menu.addItem({ command: CommandIDs.refreshSnippets });
    };
    model.changed.connect(rebuild);
    rebuild();
  }
};
