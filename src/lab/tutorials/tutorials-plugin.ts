/**
 * Tutorials in one click: launcher cards (a SWOT section, one thumbnail per
 * tutorial) and a Tutorials section of the SWOT sidebar. A click asks the
 * server for a fresh copy in the user's tutorials folder (a new name when one
 * is taken: an edited copy is never touched) and opens it with its kernel.
 */
import { JupyterFrontEnd, JupyterFrontEndPlugin } from '@jupyterlab/application';
import { ICommandPalette, Notification } from '@jupyterlab/apputils';
import { ILauncher } from '@jupyterlab/launcher';
import { LabIcon } from '@jupyterlab/ui-components';
import { Widget } from '@lumino/widgets';
import { el } from '../dom';
import { errorMessage } from '../error-message';
import { copyTutorial, fetchTutorialThumbnail, fetchTutorials, TutorialEntry } from '../server-api';
import { swotIcon } from '../sidebar-plugin';
import { CommandIDs, ISwotSidebar } from '../tokens';

/** The Tutorials section: one row per tutorial, with its thumbnail, title and description. */
class TutorialsView extends Widget {
  private readonly list = el('ul', 'jp-swot-tutorials-list');
  private readonly status = el('div', 'jp-swot-tutorials-status');

  constructor(private readonly open: (id: string) => Promise<unknown>) {
    super();
    this.id = 'jupyterlab-swot-tutorials';
    this.title.label = 'Tutorials';
    this.addClass('jp-swot-tutorials');
    this.node.append(el('h3', 'jp-swot-sectionTitle', 'Tutorials'), this.status, this.list);
  }

  say(text: string, error = false): void {
    this.status.textContent = text;
    this.status.classList.toggle('jp-mod-error', error);
  }

  setTutorials(tutorials: readonly TutorialEntry[], icons: Map<string, LabIcon>, folder: string | null, problem?: string): void {
    if (folder === null) {
      this.say(problem ?? 'The tutorials folder is outside the server root: copies cannot be opened.', true);
    } else {
      this.say(`Each click opens a new copy in ${folder || 'the server root'}/ (an edited copy is never touched).`);
    }
    this.list.replaceChildren(
      ...tutorials.map(t => {
        const row = el('li', 'jp-swot-tutorial');
        row.dataset.tutorialId = t.id;
        row.tabIndex = 0;
        const thumb = el('span', 'jp-swot-tutorial-thumb');
        (icons.get(t.id) ?? swotIcon).element({ container: thumb, height: '40px', width: '60px' });
        const text = el('div', 'jp-swot-tutorial-text');
        text.append(el('div', 'jp-swot-tutorial-title', t.title), el('div', 'jp-swot-tutorial-description', t.description));
        row.append(thumb, text);
        const go = () => void this.open(t.id);
        row.addEventListener('click', go);
        row.addEventListener('keydown', e => e.key === 'Enter' && go());
        return row;
      })
    );
  }
}

export const tutorialsPlugin: JupyterFrontEndPlugin<void> = {
  id: 'jupyterlab-swot:tutorials',
  description: 'SWOT tutorial notebooks opened with one click, from the launcher and the SWOT sidebar.',
  autoStart: true,
  requires: [ISwotSidebar],
  optional: [ILauncher, ICommandPalette],
  activate: (app: JupyterFrontEnd, sidebar: ISwotSidebar, launcher: ILauncher | null, palette: ICommandPalette | null) => {
    const tutorials = new Map<string, TutorialEntry>();
    const icons = new Map<string, LabIcon>();
    const view = new TutorialsView(id => app.commands.execute(CommandIDs.openTutorial, { id }));
    sidebar.addSection(view, { rank: 10 });

    app.commands.addCommand(CommandIDs.openTutorial, {
      label: args => tutorials.get(String(args.id ?? ''))?.title ?? 'Open a SWOT tutorial',
      caption: args => tutorials.get(String(args.id ?? ''))?.description ?? '',
      icon: args => icons.get(String(args.id ?? '')) ?? swotIcon,
      describedBy: { args: { type: 'object', properties: { id: { type: 'string', description: 'Tutorial id' } }, required: ['id'] } },
      execute: async args => {
        const id = String(args.id ?? '');
        try {
          const { path, kernel } = await copyTutorial(id);
          view.say(`Opened ${path}, a fresh copy.`);
          return await app.commands.execute('docmanager:open', { path, factory: 'Notebook', kernel: { name: kernel } });
        } catch (error) {
          const message = errorMessage(`Cannot open the tutorial ${id}`, error);
          view.say(message, true);
          Notification.error(message);
          return undefined;
        }
      }
    });

    fetchTutorials()
      .then(async listing => {
        for (const t of listing.tutorials) {
          tutorials.set(t.id, t);
          try {
            icons.set(t.id, new LabIcon({ name: `jupyterlab-swot:tutorial-${t.id}`, svgstr: await fetchTutorialThumbnail(t.id) }));
          } catch {
            // the SWOT icon instead
          }
        }
        listing.tutorials.forEach((t, rank) => {
          launcher?.add({ command: CommandIDs.openTutorial, args: { id: t.id }, category: 'SWOT', rank });
          palette?.addItem({ command: CommandIDs.openTutorial, args: { id: t.id }, category: 'SWOT tutorials' });
        });
        view.setTutorials(listing.tutorials, icons, listing.folder, listing.folderProblem);
      })
      .catch(error => view.say(errorMessage('Cannot list the SWOT tutorials', error), true));
  }
};
