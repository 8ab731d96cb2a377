/**
 * Putting code into notebooks: below the active cell of the active notebook,
 * in that notebook's kernel language, or in a new notebook with the right
 * kernel. The language is the kernelspec's (tslab says "typescript").
 */
import { CommandRegistry } from '@lumino/commands';
import { INotebookTracker, NotebookActions, NotebookPanel } from '@jupyterlab/notebook';
import { kernelLanguage } from '../../core/snippets';

export type CodeLanguage = 'typescript' | 'python';

/** Kernel names of the two languages, as installed by the wheel (tslab) and ipykernel. */
export const KERNEL_FOR: Record<CodeLanguage, string> = { typescript: 'tslab', python: 'python3' };

/** The language of the notebook's kernel, once its session is ready (undefined: no kernel, or another language). */
export async function notebookLanguage(panel: NotebookPanel): Promise<CodeLanguage | undefined> {
  await panel.sessionContext.ready;
  const name = panel.sessionContext.session?.kernel?.name ?? panel.sessionContext.kernelPreference.name;
  const spec = name ? panel.sessionContext.specsManager.specs?.kernelspecs[name] : undefined;
  const metadata = panel.content.model?.getMetadata('kernelspec') as { language?: string; name?: string } | undefined;
  return kernelLanguage({ language: spec?.language ?? metadata?.language, name: name ?? metadata?.name });
}

/** Insert a code cell holding `code` below the active cell, and make it active. */
export function insertBelow(panel: NotebookPanel, code: string): void {
  const notebook = panel.content;
  NotebookActions.insertBelow(notebook);
  const cell = notebook.activeCell;
  if (cell) {
    cell.model.sharedModel.setSource(code);
  }
}

/** The active notebook (the current one in the main area), if any. */
export function activeNotebook(tracker: INotebookTracker | null): NotebookPanel | null {
  return tracker?.currentWidget ?? null;
}

/** A new notebook in `cwd` with the kernel of `language`, its first cell holding `code`. */
export async function newNotebookWith(commands: CommandRegistry, code: string, language: CodeLanguage, cwd = ''): Promise<NotebookPanel> {
  const panel = (await commands.execute('notebook:create-new', { cwd, kernelName: KERNEL_FOR[language] })) as NotebookPanel;
  await panel.context.ready;
  const cell = panel.content.widgets[0];
  cell.model.sharedModel.setSource(code);
  return panel;
}

export type InsertMode = 'below' | 'cursor';

/** Insert `code` at the cursor of the active cell (a code cell), else below it. */
export function insertAtCursor(panel: NotebookPanel, code: string): void {
  const cell = panel.content.activeCell;
  if (!cell || cell.model.type !== 'code' || !cell.editor) {
    insertBelow(panel, code);
    return;
  }
  cell.editor.replaceSelection?.(code);
}

const LANGUAGE_NAME: Record<CodeLanguage, string> = { typescript: 'TypeScript', python: 'Python' };

/**
 * Put `code` (written in `language`) into the active notebook, below the active cell or at the
 * cursor; refused, with the reason, when there is no notebook or its kernel speaks another language.
 * Returns what happened, for the user.
 */
export async function insertCode(tracker: INotebookTracker | null, code: string, language: CodeLanguage, mode: InsertMode = 'below'): Promise<{ ok: boolean; message: string }> {
  const panel = activeNotebook(tracker);
  if (!panel) {
    return { ok: false, message: 'Open a notebook first: the code goes into its active cell.' };
  }
  const kernel = await notebookLanguage(panel);
  if (kernel !== language) {
    const speaks = kernel ? LANGUAGE_NAME[kernel] : 'neither TypeScript nor Python';
    return { ok: false, message: `Not inserted: this snippet is ${LANGUAGE_NAME[language]}, and the kernel of ${panel.context.path} is ${speaks}.` };
  }
  if (mode === 'cursor') {
    insertAtCursor(panel, code);
  } else {
    insertBelow(panel, code);
  }
  return { ok: true, message: `Inserted the ${LANGUAGE_NAME[language]} code into ${panel.context.path}.` };
}
