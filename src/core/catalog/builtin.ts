import products from './cnes-products.json';
import { CatalogProduct } from './types';

/** The CNES-hosted products (../shared/notes/swot-products.md), as shipped. */
export const BUILTIN_CATALOG: readonly CatalogProduct[] = products as CatalogProduct[];
