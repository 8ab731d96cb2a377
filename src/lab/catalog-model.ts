import { Signal } from '@lumino/signaling';
import { BUILTIN_CATALOG, CatalogProduct, CatalogSettings, mergeCatalog } from '../core/catalog';
import { ICatalogModel } from './tokens';

/** Holds the merged catalog and says when it changes. */
export class CatalogModel implements ICatalogModel {
  private _products: CatalogProduct[] = mergeCatalog(BUILTIN_CATALOG);
  private _changed = new Signal<ICatalogModel, void>(this);

  get products(): readonly CatalogProduct[] {
    return this._products;
  }

  get changed(): Signal<ICatalogModel, void> {
    return this._changed;
  }

  get(id: string): CatalogProduct | undefined {
    return this._products.find(p => p.id === id);
  }

  /** Apply the user's settings (validated by JupyterLab against schema/catalog.json). */
  applySettings(settings: Partial<CatalogSettings>): void {
    this._products = mergeCatalog(BUILTIN_CATALOG, settings);
    this._changed.emit();
  }
}
