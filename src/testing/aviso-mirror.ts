/**
 * AVISO's THREDDS server on loopback (Node only), for the download tests: a
 * folder published as one AVISO tree folder (e.g. the sample's L3_LR_SSH
 * folder as /swot_products/l3_karin_nadir/l3_lr_ssh/), its catalog.xml files
 * written from the folder as AVISO's TDS writes them (catalogRefs, datasets
 * with their size in Mbytes, no checksum) under /thredds/catalog/, the files
 * under /thredds/fileServer/ with Range, everything behind Basic auth.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { threddsPathOf } from '../core/download/thredds';
import { threddsCatalogXml } from './cmr-thredds-server';
import { Fault, GranuleServer, startGranuleServer } from './granule-server';

export interface AvisoMirrorOptions {
  /** The folder published. */
  folder: string;
  /** Its place in the AVISO tree, e.g. /swot_products/l3_karin_nadir/l3_lr_ssh. */
  treePath: string;
  /** The login the server wants (Basic auth on catalogs and files). */
  basic: { username: string; password: string };
  faults?: Record<string, Fault>;
}

export interface AvisoMirror {
  /** SWOT_AVISO_THREDDS_URL: http://127.0.0.1:PORT/thredds */
  threddsUrl: string;
  server: GranuleServer;
  close(): Promise<void>;
}

export async function startAvisoMirror(options: AvisoMirrorOptions): Promise<AvisoMirror> {
  const thredds = threddsPathOf(options.treePath);
  const catalogPrefix = `/thredds/catalog/${thredds}`;
  const catalog = (path: string, res: import('node:http').ServerResponse): void => {
    const m = path.startsWith(catalogPrefix) ? /^(.*)\/catalog\.xml$/.exec(path.slice(catalogPrefix.length)) : null;
    const rel = m?.[1].replace(/^\/+/, '') ?? '';
    const dir = join(options.folder, rel);
    if (!m || rel.split('/').includes('..') || !statSync(dir, { throwIfNoEntry: false })?.isDirectory()) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end(`not found: ${path}`);
      return;
    }
    const entries = readdirSync(dir, { withFileTypes: true })
      .sort((a, b) => a.name.localeCompare(b.name))
      .map(e => (e.isDirectory() ? { ref: e.name } : { file: e.name, mbytes: Math.round((statSync(join(dir, e.name)).size / 1e6) * 100) / 100 }));
    res.writeHead(200, { 'content-type': 'application/xml' }).end(threddsCatalogXml([thredds, rel].filter(Boolean).join('/'), entries));
  };
  const server = await startGranuleServer({
    root: options.folder,
    basic: options.basic,
    faults: options.faults,
    filesPrefix: `/thredds/fileServer/${thredds}/`,
    otherRoute: catalog
  });
  return { threddsUrl: `${server.url}/thredds`, server, close: () => server.close() };
}
