import { Token } from '@lumino/coreutils';
import { ISignal } from '@lumino/signaling';
import type { CatalogProduct } from '../core/catalog';

/** Command ids of the extension, in one place. */
export namespace CommandIDs {
  export const openSidebar = 'swot:open-sidebar';
  export const showProduct = 'swot:show-product';
  export const showStructure = 'swot:show-structure';
}

export const PLUGIN_PREFIX = 'jupyterlab-swot';

/** The catalog the sidebar shows: built-in products merged with the user's settings. */
export interface ICatalogModel {
  readonly products: readonly CatalogProduct[];
  /** Emitted when the products change (settings edited). */
  readonly changed: ISignal<ICatalogModel, void>;
  get(id: string): CatalogProduct | undefined;
}

export const ICatalogModel = new Token<ICatalogModel>(
  'jupyterlab-swot:ICatalogModel',
  'The SWOT product catalog (built-in CNES products merged with the settings).'
);
