import { Signal } from '@lumino/signaling';
import { BUILTIN_CATALOG, CatalogProduct, CatalogSettings, LocationIssue, mergeCatalog, productLocations, ResolvedLocation } from '../core/catalog';
import { ICatalogModel } from './tokens';

/**
 * Holds the merged catalog and its locations, and says when they change: the
 * user's settings are applied as they are edited; the sample dataset's folder
 * comes from the server (c.Swot.sample_data). A location entry that cannot be
 * used is kept as an issue with its reason; the others keep working.
 */
export class CatalogModel implements ICatalogModel {
  private _settings: Partial<CatalogSettings> = {};
  private _sample: string | null = null;
  private _products: CatalogProduct[] = mergeCatalog(BUILTIN_CATALOG);
  private _locations: ResolvedLocation[] = [];
  private _issues: LocationIssue[] = [];
  private _changed = new Signal<ICatalogModel, void>(this);

  constructor() {
    this._resolve();
  }

  get products(): readonly CatalogProduct[] {
    return this._products;
  }

  get changed(): Signal<ICatalogModel, void> {
    return this._changed;
  }

  get issues(): readonly LocationIssue[] {
    return this._issues;
  }

  get sample(): string | null {
    return this._sample;
  }

  get(id: string): CatalogProduct | undefined {
    return this._products.find(p => p.id === id);
  }

  /** The locations of product `id` (built-in and the settings'), resolved. */
  locations(id: string): ResolvedLocation[] {
    return this._locations.filter(l => l.product === id);
  }

  /** Apply the user's settings (validated by JupyterLab against schema/catalog.json, entries by the core). */
  applySettings(settings: Partial<CatalogSettings>): void {
    this._settings = settings;
    this._resolve();
  }

  /** The generated sample dataset's folder on the server, if it has one. */
  setSample(sample: string | null): void {
    this._sample = sample;
    this._resolve();
  }

  private _resolve(): void {
    this._products = mergeCatalog(BUILTIN_CATALOG, this._settings);
    const { locations, issues } = productLocations(this._products, this._settings, { sample: this._sample });
    this._locations = locations;
    this._issues = issues;
    this._changed.emit();
  }
}
