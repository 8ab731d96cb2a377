import { Token } from '@lumino/coreutils';
import { ISignal } from '@lumino/signaling';
import type { Widget } from '@lumino/widgets';
import type { CatalogProduct, LocationIssue, ResolvedLocation } from '../core/catalog';
import type { SnippetSelection } from '../core/snippets';

/** Command ids of the extension, in one place. */
export namespace CommandIDs {
  export const openSidebar = 'swot:open-sidebar';
  export const showProduct = 'swot:show-product';
  export const showStructure = 'swot:show-structure';
  /** Open a .nc file or a .zarr store (args.path: relative to the server root or absolute in a data root) in the viewer. */
  export const openViewer = 'swot:open-viewer';
  /** Browse a product's location (args.product, args.location: a location id). */
  export const browseLocation = 'swot:browse-location';
  /** Insert snippet args.id into the active notebook (args.mode: 'below' | 'cursor'). */
  export const insertSnippet = 'swot:insert-snippet';
  export const refreshSnippets = 'swot:refresh-snippets';
  /** Copy tutorial args.id into the tutorials folder (a new file every time) and open it with its kernel. */
  export const openTutorial = 'swot:open-tutorial';
  /**
   * Open the download dialog, pre-filled: args.product (catalog id), args.location (a location id;
   * when it has no provider, the product's first location that has one), and optional
   * args.cycles / args.passes (number[] or a text such as "1-3,5"), args.start / args.end (ISO
   * dates), args.bbox ([lon0, lat0, lon1, lat1]), args.out (folder relative to the server root).
   * Resolves to the started job, or undefined when the dialog is cancelled.
   */
  export const download = 'swot:download';
  /** Show the Downloads section of the SWOT sidebar. */
  export const showDownloads = 'swot:show-downloads';
}

/** The catalog the sidebar shows: built-in products merged with the user's settings, and their locations. */
export interface ICatalogModel {
  readonly products: readonly CatalogProduct[];
  /** Location entries of the settings that cannot be used, with the reason. */
  readonly issues: readonly LocationIssue[];
  /** Emitted when the products or locations change (settings edited, server configuration read). */
  readonly changed: ISignal<ICatalogModel, void>;
  get(id: string): CatalogProduct | undefined;
  locations(id: string): ResolvedLocation[];
}

export const ICatalogModel = new Token<ICatalogModel>(
  'jupyterlab-swot:ICatalogModel',
  'The SWOT product catalog (built-in CNES products merged with the settings) and its locations.'
);

/** The SWOT sidebar: later features (snippets, tutorials) add their sections to it. */
export interface ISwotSidebar {
  /** Add a section (its title.label is the section's header) below the data browser; lower ranks first. */
  addSection(widget: Widget, options?: { rank?: number }): void;
  /** What the data browser has selected (a pass, a cycle, a store, the filtered folder), as snippets take it. */
  selection(): SnippetSelection | undefined;
  /** Show the sidebar and scroll `widget` (one of its sections) into view. */
  reveal(widget: Widget): void;
}

export const ISwotSidebar = new Token<ISwotSidebar>('jupyterlab-swot:ISwotSidebar', 'The SWOT sidebar, a host of sections.');
