/**
 * The box filter is the swath-aware pass finder's: for a box that only the
 * swath of pass 165 covers (20+ km off nadir, on the real granule 026_165),
 * the passes sent to CMR and kept from THREDDS are those passesCrossing names.
 */
import { join } from 'node:path';
import { open } from '../../../kernel/open';
import { passesCrossing } from '../../../kernel/passes';
import { cmrHandler, LoopbackServer, startLoopbackServer, threddsCatalogXml, threddsHandler } from '../../../testing/cmr-thredds-server';
import { REAL_L3, SHARED_DATA } from '../../../testing/shared-data';
import { searchCmr } from '../cmr';
import { searchThredds } from '../thredds';
import type { SearchContext } from '../types';
import { COLLECTION, ummGranule } from './fixtures';

const EPHEMERIDES = join(SHARED_DATA, 'real', 'orbit');
const PIXELS = 69;
type Box = [number, number, number, number];

const passesInBox: SearchContext['passesInBox'] = async (bbox, phase) => (await passesCrossing({ bbox }, { ephemerides: EPHEMERIDES, phase })).map(r => r.pass);

describe('box -> passes through the real pass finder', () => {
  let box: Box;
  let named: number[];
  let servers: LoopbackServer[] = [];

  beforeAll(async () => {
    const ds = await open(REAL_L3);
    try {
      const [lon, lat] = await Promise.all(['longitude', 'latitude'].map(n => ds.read(n)));
      const i = 1500 * PIXELS + 8; // a left-swath pixel, far from nadir
      const [x, y] = [(lon.data as Float64Array)[i], (lat.data as Float64Array)[i]];
      box = [x - 0.03, y - 0.03, x + 0.03, y + 0.03];
    } finally {
      ds.close();
    }
    const rows = await passesCrossing({ bbox: box }, { ephemerides: EPHEMERIDES });
    const p165 = rows.find(r => r.pass === 165);
    expect(p165).toBeDefined();
    expect(p165!.nadir).toBe(false); // only the swath covers it: a nadir-only finder misses pass 165
    named = rows.map(r => r.pass).sort((a, b) => a - b);
  });
  afterAll(async () => {
    await Promise.all(servers.map(s => s.close()));
    servers = [];
  });

  it('CMR: the pass filter sent is what the pass finder names, and pass 165 is found', async () => {
    const passes = [...new Set([...named, 164, 166])];
    const server = await startLoopbackServer(cmrHandler(passes.map(p => ({ shortName: COLLECTION, umm: ummGranule(26, p) }))));
    servers.push(server);
    const found = await searchCmr({ provider: 'podaac', collection: COLLECTION, cycles: [26], bbox: box }, { fetch, cmrUrl: server.url, passesInBox });
    const q = server.requests[0].query;
    const sent = [...q.keys()].filter(k => /^passes\[\d+\]\[pass\]$/.test(k)).map(k => Number(q.get(k)));
    expect(sent).toEqual(named);
    expect(q.get('bounding_box')).toBe(box.join(','));
    expect(found.map(g => g.pass)).toEqual(named);
    expect(found.map(g => g.pass)).toContain(165);
  });

  it('CMR: a box crossed by none of the passes asked sends no request', async () => {
    const server = await startLoopbackServer(cmrHandler([]));
    servers.push(server);
    const other = [1, 2, 3].find(p => !named.includes(p))!;
    expect(await searchCmr({ provider: 'podaac', collection: COLLECTION, passes: [other], bbox: box }, { fetch, cmrUrl: server.url, passesInBox })).toEqual([]);
    expect(server.requests).toHaveLength(0);
  });

  it('THREDDS: the files kept are the passes the pass finder names', async () => {
    const dir = 'dataset-l3-swot-karin-nadir-validated/l3_lr_ssh/v2_0_1/Expert';
    const file = (p: number) => `SWOT_L3_LR_SSH_Expert_026_${String(p).padStart(3, '0')}_20241229T165806_20241229T174933_v2.0.1.nc`;
    const passes = [...new Set([...named, 164, 166, 300])].sort((a, b) => a - b);
    const server = await startLoopbackServer(
      threddsHandler({
        [`/thredds/catalog/${dir}/catalog.xml`]: threddsCatalogXml(dir, [{ ref: 'cycle_026' }]),
        [`/thredds/catalog/${dir}/cycle_026/catalog.xml`]: threddsCatalogXml(`${dir}/cycle_026`, passes.map(p => ({ file: file(p) })))
      })
    );
    servers.push(server);
    const found = await searchThredds(
      { provider: 'aviso', collection: '/swot_products/l3_karin_nadir/l3_lr_ssh/v2_0_1/Expert', bbox: box },
      { fetch, threddsUrl: `${server.url}/thredds`, passesInBox }
    );
    expect(found.map(g => g.pass)).toEqual(named);
    expect(found.map(g => g.name)).toContain(file(165));
  });
});
