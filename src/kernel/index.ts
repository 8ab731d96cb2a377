/**
 * The jupyterlab-swot kernel library: `require("jupyterlab-swot/kernel")`
 * from a tslab notebook or plain Node.
 *
 * @example
 * import * as swot from 'jupyterlab-swot/kernel';
 * const ds = await swot.open('SWOT_L3_LR_SSH_Expert_026_165_..._v2.0.1.nc');
 * console.log(ds.dims);
 */
export { version } from './version';
export { open } from './open';
export type { Dataset, Selection, OpenOptions } from './open';
export { save } from './save';
export type { SaveOptions } from './save';
export { fsStore } from './fs-store';
export { mean } from './reduce';
export { diagnostics } from './diagnostics';
export type { DiagnosticsOptions } from './diagnostics';
export { stats } from './stats';
export type { StatsOptions, StatsResult, StatsSummary } from './stats';
export { progressBar } from './progress';
export { spectrum } from './spectrum';
export type { SpectrumOptions } from './spectrum';
export { meanMap } from './maps';
export { show } from './show';
export type { ShowOptions, SwathBundle } from './show';
export type { MeanMapOptions } from './maps';
export { passesCrossing, loadEphemeris } from './passes';
export { sampleData } from './sample';
export { search } from './remote-search';
export { download } from './remote-download';
export type { DownloadOptions, DryRun } from './remote-download';
export type { SearchOptions } from './remote-search';
export type { Granule } from '../core/download';
export type { PassesOptions } from './passes';
export type { PassCrossing, Region, Phase, Side } from '../core/orbit';
export {
  SwotError,
  FileAccessError,
  NotNetcdfError,
  TruncatedFileError,
  CorruptFileError,
  UnsupportedFormatError,
  MissingVariableError,
  MixedProductsError,
  EmptySelectionError,
  UsageError,
  isSwotError,
  describeDataset,
  detectProduct,
  parseProductFileName,
  findVariable,
  BUILTIN_CATALOG,
  formatVolume,
  wrap180,
  wrap360,
  flagTable
} from '../core';
export type {
  DatasetInfo,
  GroupInfo,
  VariableInfo,
  Attributes,
  AttributeValue,
  DType,
  ProductId,
  CatalogProduct,
  DecodedVariable,
  DecodedDataset,
  SelectQuery,
  NumberFilter,
  QualityLevel,
  Hyperslab,
  NumericArray,
  ProductKindCount,
  EmptySelection,
  DatasetHoldings
} from '../core';
