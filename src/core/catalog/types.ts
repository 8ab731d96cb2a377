/** Catalog of SWOT products: plain data, validated by schema/catalog.json. */

export type VolumeUnit = 'B' | 'kB' | 'MB' | 'GB' | 'TB' | 'PB';

export interface Volume {
  value: number;
  unit: VolumeUnit;
  /** True when the figure is an upper bound ("< 100 MB"). */
  upperBound?: boolean;
}

export interface StorageLocation {
  /** Where it is, e.g. "HPC CNES (zcollection)". */
  label: string;
  /** A path on the host or a URL. */
  path: string;
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
  locations?: StorageLocation[];
}

export interface CatalogSettings {
  products: CatalogProduct[];
  hideBuiltinCatalog: boolean;
}
