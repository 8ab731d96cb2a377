/** One entry point for every provider: the query's provider chooses the module. */
import { UsageError } from '../errors';
import { searchCmr } from './cmr';
import { validateQuery } from './query';
import { searchThredds } from './thredds';
import type { Granule, SearchContext, SearchQuery } from './types';

/**
 * Search a provider for granules: PO.DAAC through CMR, AVISO through THREDDS.
 *
 * @throws UsageError for a bad query; DownloadError for what the provider answers
 */
export async function searchGranules(query: SearchQuery, ctx: SearchContext): Promise<Granule[]> {
  validateQuery(query);
  switch (query.provider) {
    case 'podaac':
      return searchCmr(query, ctx);
    case 'aviso':
      return searchThredds(query, ctx);
    default:
      throw new UsageError(`search(): unknown provider ${JSON.stringify((query as { provider: unknown }).provider)}`);
  }
}
