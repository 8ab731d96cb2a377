/**
 * Which kinds of product a list of files holds (from their names, by
 * parseProductFileName), and the files of the one kind asked for: products
 * of different kinds (L2 Basic, Expert, Unsmoothed) are never stacked together.
 */

import { MixedProductsError, ProductKindCount, UsageError } from './errors';
import { parseProductFileName, ProductId } from './product';

/** The part of a product id that says its kind. */
type KindOf = Pick<ProductId, 'product' | 'subset'>;

/** What may be stacked with what: the product and its subset, e.g. "L2_LR_SSH Expert". */
export function productKind(id: KindOf): string {
  return id.subset ? `${id.product} ${id.subset}` : id.product;
}

/** The id that chooses a kind, e.g. "L2_LR_SSH_Expert" (the catalog's product ids). */
export function productKindId(id: KindOf): string {
  return id.subset ? `${id.product.replace(/\s+/g, '_')}_${id.subset}` : id.product.replace(/\s+/g, '_');
}

/**
 * Whether `choice` names the kind of `id`: its subset ("Expert"), its product
 * id ("L2_LR_SSH_Expert"), its kind ("L2_LR_SSH Expert") or its product alone
 * ("L3_LR_SSH"); case is ignored.
 */
export function matchesKind(id: KindOf, choice: string): boolean {
  const c = choice.trim().toLowerCase();
  return [id.subset, productKindId(id), productKind(id), id.product].some(name => name !== undefined && name.toLowerCase() === c);
}

/** The kinds of product among `paths` (files whose names are not SWOT/DUACS names are not counted), by name. */
export function productKinds(paths: readonly string[]): ProductKindCount[] {
  const kinds = new Map<string, ProductKindCount>();
  for (const path of paths) {
    const id = parseProductFileName(path);
    if (id === undefined) {
      continue;
    }
    const kind = productKind(id);
    const entry = kinds.get(kind);
    if (entry) {
      entry.files++;
    } else {
      kinds.set(kind, { kind, id: productKindId(id), product: id.product, ...(id.subset ? { subset: id.subset } : {}), files: 1 });
    }
  }
  return [...kinds.values()].sort((a, b) => a.kind.localeCompare(b.kind));
}

function listKinds(kinds: readonly ProductKindCount[]): string {
  return kinds.map(k => `${k.kind} (${k.files} file${k.files === 1 ? '' : 's'})`).join(', ');
}

/** How to choose, for the library and the command line, with the first kind as the example. */
function howToChoose(kinds: readonly ProductKindCount[], byId: boolean): string {
  const k = kinds[0];
  const name = byId || k.subset === undefined ? k.id : k.subset;
  return `choose one with open(path, { subset: "${name}" }) or, on the command line, --subset ${name}`;
}

/**
 * The files of one product kind among `paths`.
 *
 * Without `choice`, all of `paths` when they hold at most one kind. With
 * `choice` (a subset or a product id, see matchesKind), the files of that
 * kind only.
 *
 * @example
 * chooseProductKind(files, 'data/sample/netcdf/L2_LR_SSH', 'Expert'); // the Expert files
 * @throws MixedProductsError (several kinds and no choice, a choice that matches none or several), UsageError
 */
export function chooseProductKind(paths: readonly string[], source: string, choice?: string): string[] {
  const kinds = productKinds(paths);
  if (choice === undefined) {
    if (kinds.length > 1) {
      throw new MixedProductsError(
        source,
        `holds ${kinds.length} kinds of product, which are not stacked together: ${listKinds(kinds)}; ${howToChoose(kinds, false)}`,
        kinds
      );
    }
    return [...paths];
  }
  if (typeof choice !== 'string' || choice.trim().length === 0) {
    throw new UsageError(`subset must be a subset ("Expert") or a product id ("L2_LR_SSH_Expert"), got ${JSON.stringify(choice)}`);
  }
  const ids = paths.map(p => parseProductFileName(p));
  const chosen = kinds.filter(k => matchesKind(k, choice));
  if (chosen.length === 0) {
    const found = kinds.length > 0 ? `it holds ${listKinds(kinds)}; ${howToChoose(kinds, false)}` : 'no file here has a SWOT or DUACS product name';
    throw new MixedProductsError(source, `no product of kind "${choice}": ${found}`, kinds);
  }
  if (chosen.length > 1) {
    throw new MixedProductsError(
      source,
      `"${choice}" matches ${chosen.length} kinds of product: ${listKinds(chosen)}; give the product id: ${howToChoose(chosen, true)}`,
      kinds
    );
  }
  const kind = chosen[0].kind;
  return paths.filter((_, i) => ids[i] !== undefined && productKind(ids[i]!) === kind);
}
