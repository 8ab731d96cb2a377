/** Catalog of SWOT products: plain data, validated by schema/catalog.json. */

export type VolumeUnit = 'B' | 'kB' | 'MB' | 'GB' | 'TB' | 'PB';

export interface Volume {
  value: number;
  unit: VolumeUnit;
  /** True when the figure is an upper bound ("< 100 MB"). */
  upperBound?: boolean;
}

/** How a location stores its passes: one netCDF4 file per pass (AVISO tree), a Zarr store, a zcollection. */
export type LocationFormat = 'netcdf' | 'zarr' | 'zcollection';

export type LocationPhase = 'science' | 'calval';

/** Where remote data can be fetched from (by the download issue). */
export type LocationProvider = 'cnes-hpc' | 'aviso' | 'podaac';

/**
 * One place where a product's data are: a server path to browse, or a remote
 * collection (provider + collection) to download from, or both.
 */
export interface StorageLocation {
  /** Unique within a product; default derived from format, version, subset and phase (see locationId). */
  id?: string;
  /** What users read, e.g. "HPC CNES (zcollection, V3.0 cal/val)". */
  label: string;
  format: LocationFormat;
  /**
   * Server path: relative to the Jupyter server root, or absolute (it must
   * lie in a data root); "{sample}/..." is relative to the generated sample dataset.
   */
  path?: string;
  /** Product version or CRID, e.g. "2.0.1", "PIC2". */
  version?: string;
  /** Basic, Expert, WindWave, Unsmoothed, Technical. */
  subset?: string;
  /** Science (21-day repeat) or cal/val (1-day) orbit; absent when both are there. */
  phase?: LocationPhase;
  provider?: LocationProvider;
  /** The provider's name of it: a PO.DAAC short name, an AVISO directory. */
  collection?: string;
}

/** A location entry of the settings: which catalog product it belongs to. */
export type LocationSetting = StorageLocation & { product: string };

/** A location entry that cannot be used, and why (the others keep working). */
export interface LocationIssue {
  /** The product id it was given for (as written). */
  product: string;
  /** Its index in the product's `locations` or in the settings' `locations`. */
  index: number;
  reason: string;
  entry: unknown;
}

/** A valid location of a product, ready for the browser. */
export interface ResolvedLocation extends StorageLocation {
  id: string;
  /** The catalog product id. */
  product: string;
  /** The server path with "{sample}" expanded. */
  resolvedPath?: string;
  /** It has a path that can be browsed on this server. */
  available: boolean;
  /** Why it is not available (remote only, no sample dataset, a URL). */
  reason?: string;
}

export interface CatalogProduct {
  /** Stable key, e.g. "L2_LR_SSH_Expert"; settings override built-in entries by id. */
  id: string;
  /** Name as users know it, e.g. "L2_LR_SSH Expert". */
  name: string;
  level: 'L1B' | 'L2' | 'L3' | 'L4';
  grid: string;
  /** Archive volumes; absent for local datasets (the sample data). */
  volumePerDay?: Volume;
  volumePerYear?: Volume;
  /** Where the product can be had: "HPC CNES", "PODAAC", "AVISO". */
  availability: string[];
  /** Only produced on request (L1B on the CNES HPC). */
  onDemand?: boolean;
  description: string;
  formats: string[];
  /** Key variables, for the details view and snippets. */
  variables?: string[];
  /**
   * Where the data are. Entries are checked by validateLocation (not by the
   * settings schema, whose failure would reject the whole settings file);
   * the old `{ label, path }` shape is accepted.
   */
  locations?: StorageLocation[];
}

export interface CatalogSettings {
  products: CatalogProduct[];
  hideBuiltinCatalog: boolean;
  /** Locations added to catalog products; same product and id as a built-in one: replaces it. */
  locations: LocationSetting[];
}
