import { IFileBrowserFactory } from '@jupyterlab/filebrowser';

/** The path of the first item selected in the current file browser, if any. */
export function selectedPath(browsers: IFileBrowserFactory | null): string | undefined {
  const item = browsers?.tracker.currentWidget?.selectedItems().next();
  return item && !item.done ? item.value.path : undefined;
}

/** The path a command acts on: its `path` argument, else the file browser's selection. */
export function commandPath(args: { path?: unknown }, browsers: IFileBrowserFactory | null): string {
  return String(args.path ?? selectedPath(browsers) ?? '');
}
