/** The kernel library's Dataset: structure + lazy reads + selection, over any reader. */
import {
  CollectionReader,
  DatasetInfo,
  DatasetReader,
  DecodedDataset,
  DecodedVariable,
  decodeVariable,
  describeDataset,
  Hyperslab,
  ProductId,
  requireVariable,
  select as selectCore,
  SelectQuery
} from '../core';
import { describeSelection } from './describe-selection';

/** What {@link open} returns: the structure, the product(s), and lazy access to the values. */
export interface Dataset extends DatasetInfo {
  product?: ProductId;
  /** For a collection (several passes): each member's source and product. */
  members?: Array<{ source: string; product?: ProductId; lines: number }>;
  /** Decoded values of one variable (whole, or a hyperslab: [start, stop) per dimension). */
  read(variable: string, slab?: Hyperslab): Promise<DecodedVariable>;
  /** Extract by variables, bbox, time, cycles, passes and quality; decoded, in memory. */
  select(query?: SelectQuery): Promise<Selection>;
  /** The reader underneath (for other library functions). */
  readonly reader: DatasetReader;
  close(): void;
  toString(): string;
}

/** An extraction: decoded variables in memory. */
export interface Selection extends DecodedDataset {
  /** A variable by name (throws MissingVariableError). */
  get(name: string): DecodedVariable;
  toString(): string;
}

const INSPECT = Symbol.for('nodejs.util.inspect.custom');

/** A lazy Dataset (from open()), as opposed to a Selection or other in-memory data. */
export function isDataset(data: unknown): data is Dataset {
  return typeof (data as Dataset).select === 'function' && (data as Dataset).reader !== undefined;
}

function hide(target: object, key: string | symbol, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: false, configurable: true });
}

export function asSelection(decoded: DecodedDataset): Selection {
  const selection = decoded as Selection;
  hide(selection, 'get', (name: string) => {
    const v = selection.variables.find(x => x.name === name);
    if (!v) {
      const names = selection.variables.map(x => x.name);
      throw new RangeError(`${selection.source}: the selection has no "${name}" (it has ${names.join(', ')})`);
    }
    return v;
  });
  hide(selection, 'toString', () => describeSelection(selection));
  hide(selection, INSPECT, () => describeSelection(selection));
  return selection;
}

export function asDataset(reader: DatasetReader, product?: ProductId): Dataset {
  const info = reader.info;
  const collection = 'members' in reader ? (reader as CollectionReader) : undefined;
  // Key order is the order of `swot info --json`: what it is first, then what it holds.
  const dataset = {
    source: info.source,
    format: info.format,
    ...(product ? { product } : {}),
    ...(collection
      ? {
          members: collection.members.map((m, i) => ({
            source: m.reader.info.source,
            ...(m.product ? { product: m.product } : {}),
            lines: collection.offsets[i + 1] - collection.offsets[i]
          }))
        }
      : {}),
    path: info.path,
    dims: info.dims,
    variables: info.variables,
    attrs: info.attrs,
    groups: info.groups
  } as Dataset;
  hide(dataset, 'reader', reader);
  hide(dataset, 'read', async (name: string, slab?: Hyperslab) => {
    const variable = requireVariable(info, name);
    const raw = await reader.readRaw(name, slab);
    const decoded = decodeVariable(variable, raw.data, info.source);
    decoded.shape = raw.shape;
    return decoded;
  });
  hide(dataset, 'select', async (query: SelectQuery = {}) => asSelection(await selectCore(reader, query, product)));
  hide(dataset, 'close', () => reader.close());
  hide(dataset, 'toString', () => describeDataset(dataset));
  hide(dataset, INSPECT, () => describeDataset(dataset));
  return dataset;
}
