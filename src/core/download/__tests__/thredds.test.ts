import { LoopbackServer, startLoopbackServer, threddsCatalogXml, threddsHandler } from '../../../testing/cmr-thredds-server';
import { DownloadError } from '../errors';
import { searchGranules } from '../search';
import { avisoCollectionPath, keepHighestCounter, parseThreddsCatalog, searchThredds, threddsPathOf, treePathOf } from '../thredds';
import type { Granule, SearchQuery } from '../types';

/** A top catalog as the AVISO TDS writes it, with prefixes, nesting and the odd entry. */
const TOP = `<?xml version="1.0" encoding="UTF-8"?>
<thredds:catalog xmlns:thredds="http://www.unidata.ucar.edu/namespaces/thredds/InvCatalog/v1.0" xmlns:xlink="http://www.w3.org/1999/xlink" name="THREDDS Server Catalog" version="1.0.1">
  <thredds:service name="all" serviceType="Compound" base="">
    <thredds:service name="odap" serviceType="OpenDAP" base="/thredds/dodsC/" />
    <thredds:service name="http" serviceType="HTTPServer" base="/thredds/fileServer/" />
    <thredds:service name="wms" serviceType="WMS" base="/thredds/wms/" />
  </thredds:service>
  <thredds:dataset name="Expert" ID="dataset-l3-swot-karin-nadir-validated/l3_lr_ssh/v2_0_1/Expert">
    <thredds:metadata inherited="true">
      <thredds:serviceName>all</thredds:serviceName>
    </thredds:metadata>
    <thredds:catalogRef xlink:href="cycle_001/catalog.xml" xlink:title="cycle_001" ID="x/cycle_001" name="" />
    <thredds:catalogRef xlink:href="cycle_002/catalog.xml" name="" />
    <thredds:dataset name="nested">
      <thredds:dataset name="SWOT_L3_LR_SSH_Expert_001_010_20230726T090000_20230726T095100_v2.0.1.nc" ID="a"
          urlPath="dataset-l3-swot-karin-nadir-validated/l3_lr_ssh/v2_0_1/Expert/cycle_001/SWOT_L3_LR_SSH_Expert_001_010_20230726T090000_20230726T095100_v2.0.1.nc">
        <thredds:dataSize units="Mbytes">98.5</thredds:dataSize>
        <thredds:date type="modified">2024-10-01T12:00:00Z</thredds:date>
      </thredds:dataset>
      <thredds:dataset name="readme.txt" ID="b">
        <thredds:access serviceName="http" urlPath="dataset-l3-swot-karin-nadir-validated/readme.txt" />
        <thredds:dataSize units="Kbytes">2.5</thredds:dataSize>
      </thredds:dataset>
      <thredds:dataset name="big.nc" ID="c" urlPath="x/big.nc"><thredds:dataSize units="Gbytes">1.2</thredds:dataSize></thredds:dataset>
      <thredds:dataset name="bytes.nc" ID="d" urlPath="x/bytes.nc"><thredds:dataSize units="bytes">1234</thredds:dataSize></thredds:dataset>
    </thredds:dataset>
  </thredds:dataset>
</thredds:catalog>`;

describe('parseThreddsCatalog', () => {
  const url = 'https://tds.example/thredds/catalog/dataset-l3-swot-karin-nadir-validated/l3_lr_ssh/v2_0_1/Expert/catalog.xml';

  it('reads services, nested datasets with sizes, and catalogRefs resolved against the catalog', () => {
    const c = parseThreddsCatalog(TOP, url);
    expect(c.services.map(s => s.serviceType)).toEqual(['Compound', 'OpenDAP', 'HTTPServer', 'WMS']);
    expect(c.fileServer).toBe('https://tds.example/thredds/fileServer/');
    expect(c.catalogRefs).toEqual([
      { title: 'cycle_001', href: 'https://tds.example/thredds/catalog/dataset-l3-swot-karin-nadir-validated/l3_lr_ssh/v2_0_1/Expert/cycle_001/catalog.xml' },
      { title: 'cycle_002', href: 'https://tds.example/thredds/catalog/dataset-l3-swot-karin-nadir-validated/l3_lr_ssh/v2_0_1/Expert/cycle_002/catalog.xml' }
    ]);
    expect(c.datasets).toEqual([
      {
        name: 'SWOT_L3_LR_SSH_Expert_001_010_20230726T090000_20230726T095100_v2.0.1.nc',
        urlPath: 'dataset-l3-swot-karin-nadir-validated/l3_lr_ssh/v2_0_1/Expert/cycle_001/SWOT_L3_LR_SSH_Expert_001_010_20230726T090000_20230726T095100_v2.0.1.nc',
        size: 98_500_000,
        modified: '2024-10-01T12:00:00Z'
      },
      { name: 'readme.txt', urlPath: 'dataset-l3-swot-karin-nadir-validated/readme.txt', size: 2500 },
      { name: 'big.nc', urlPath: 'x/big.nc', size: 1_200_000_000 },
      { name: 'bytes.nc', urlPath: 'x/bytes.nc', size: 1234 }
    ]);
  });

  it('refuses bad XML and XML that is no catalog with BAD_RESPONSE naming the URL', () => {
    for (const [xml, why] of [
      ['<catalog><dataset name="a"></catalog>', /not a THREDDS catalog \(.*line 1/],
      ['<html><body>Login</body></html>', /no <catalog> element/]
    ] as const) {
      let e: unknown;
      try {
        parseThreddsCatalog(xml, url);
      } catch (error) {
        e = error;
      }
      expect(e).toBeInstanceOf(DownloadError);
      expect(e).toMatchObject({ code: 'BAD_RESPONSE', provider: 'aviso' });
      expect((e as Error).message).toContain(url);
      expect((e as Error).message).toMatch(why);
    }
  });
});

describe('AVISO tree <-> THREDDS', () => {
  it('maps the collections of the catalog both ways, with a version put in', () => {
    expect(threddsPathOf('/swot_products/l3_karin_nadir/l3_lr_ssh/v2_0_1/Expert')).toBe('dataset-l3-swot-karin-nadir-validated/l3_lr_ssh/v2_0_1/Expert');
    expect(threddsPathOf('/swot_products/l2_karin/l2_lr_ssh/PIC2/Basic')).toBe('dataset-l2-swot-karin-lr-ssh-validated/PIC2/Basic');
    expect(treePathOf('dataset-l2-swot-karin-lr-ssh-validated/PIC2/Basic/cycle_026/F.nc')).toBe('/swot_products/l2_karin/l2_lr_ssh/PIC2/Basic/cycle_026/F.nc');
    expect(avisoCollectionPath('/swot_products/l3_karin_nadir/l3_lr_ssh/v2_0_1/Expert', '3.0')).toBe('/swot_products/l3_karin_nadir/l3_lr_ssh/v3_0/Expert');
    expect(avisoCollectionPath('/swot_products/l2_karin/l2_lr_ssh/', 'PIC2')).toBe('/swot_products/l2_karin/l2_lr_ssh/PIC2');
    expect(() => threddsPathOf('/swot_products/l4/x')).toThrow(/not under/);
  });

  it('keeps the highest product counter or version of a half-orbit', () => {
    const g = (name: string): Granule => ({ provider: 'aviso', collection: 'c', name, url: `u/${name}` });
    const kept = keepHighestCounter([
      g('SWOT_L2_LR_SSH_Basic_026_165_20241229T165806_20241229T174933_PIC2_01.nc'),
      g('SWOT_L2_LR_SSH_Basic_026_165_20241229T165806_20241229T174933_PIC2_02.nc'),
      g('SWOT_L2_LR_SSH_Basic_026_166_20241229T174933_20241229T184100_PIC2_01.nc'),
      g('SWOT_L3_LR_SSH_Expert_026_165_20241229T165806_20241229T174933_v2.0.10.nc'),
      g('SWOT_L3_LR_SSH_Expert_026_165_20241229T165806_20241229T174933_v2.0.9.nc'),
      g('notes.nc')
    ]).map(x => x.name);
    expect(kept.sort()).toEqual(
      [
        'SWOT_L2_LR_SSH_Basic_026_165_20241229T165806_20241229T174933_PIC2_02.nc',
        'SWOT_L2_LR_SSH_Basic_026_166_20241229T174933_20241229T184100_PIC2_01.nc',
        'SWOT_L3_LR_SSH_Expert_026_165_20241229T165806_20241229T174933_v2.0.10.nc',
        'notes.nc'
      ].sort()
    );
  });
});

const L2 = 'dataset-l2-swot-karin-lr-ssh-validated/PIC2/Basic';
const L3V3 = 'dataset-l3-swot-karin-nadir-validated/l3_lr_ssh/v3_0/Expert';
const l2name = (cycle: number, pass: number, counter: string, t0: string, t1: string) =>
  `SWOT_L2_LR_SSH_Basic_${String(cycle).padStart(3, '0')}_${String(pass).padStart(3, '0')}_${t0}_${t1}_PIC2_${counter}.nc`;

/** The L2 PIC2 Basic tree: cycles 1, 2 and 26, pass 165 of cycle 26 twice (counters 01 and 02); and an L3 v3_0 tree with reproc/forward. */
function tree(): Record<string, string> {
  const t: Record<string, string> = {};
  const cat = (dir: string, entries: Parameters<typeof threddsCatalogXml>[1]) => (t[`/thredds/catalog/${dir}/catalog.xml`] = threddsCatalogXml(dir, entries));
  cat(L2, [{ ref: 'cycle_001' }, { ref: 'cycle_002' }, { ref: 'cycle_026' }]);
  cat(`${L2}/cycle_001`, [{ file: l2name(1, 10, '01', '20230726T090000', '20230726T095100'), mbytes: 45 }]);
  cat(`${L2}/cycle_002`, [{ file: l2name(2, 10, '01', '20230816T060000', '20230816T065100'), mbytes: 45 }]);
  cat(`${L2}/cycle_026`, [
    { file: l2name(26, 164, '01', '20241229T160640', '20241229T165806'), mbytes: 44.1 },
    { file: l2name(26, 165, '01', '20241229T165806', '20241229T174933'), mbytes: 45.2 },
    { file: l2name(26, 165, '02', '20241229T165806', '20241229T174933'), mbytes: 45.3 },
    { file: l2name(26, 166, '01', '20241229T174933', '20241229T184100'), mbytes: 45.4 }
  ]);
  cat(L3V3, [{ ref: 'forward' }, { ref: 'reproc' }]);
  cat(`${L3V3}/reproc`, [{ ref: 'cycle_001' }]);
  cat(`${L3V3}/forward`, [{ ref: 'cycle_030' }]);
  cat(`${L3V3}/reproc/cycle_001`, [{ file: 'SWOT_L3_LR_SSH_Expert_001_010_20230726T090000_20230726T095100_v3.0.nc' }]);
  cat(`${L3V3}/forward/cycle_030`, [{ file: 'SWOT_L3_LR_SSH_Expert_030_010_20250305T090000_20250305T095100_v3.0.nc' }]);
  return t;
}

describe('searchThredds against a loopback THREDDS', () => {
  let server: LoopbackServer;
  beforeAll(async () => {
    server = await startLoopbackServer(threddsHandler(tree(), { basic: 'alice:s3cret' }));
  });
  afterAll(() => server.close());
  beforeEach(() => server.requests.splice(0));

  const authFetch = (creds: string): typeof fetch => (url, init) =>
    fetch(url, { ...init, headers: { ...(init?.headers as Record<string, string>), Authorization: `Basic ${Buffer.from(creds).toString('base64')}` } });
  const ctx = () => ({ fetch: authFetch('alice:s3cret'), threddsUrl: `${server.url}/thredds` });
  const Q: SearchQuery = { provider: 'aviso', collection: '/swot_products/l2_karin/l2_lr_ssh/PIC2/Basic' };
  const fetched = () => server.requests.map(r => r.path.replace(`/thredds/catalog/${L2}`, '').replace(/\/catalog\.xml$/, '') || '/');

  it('walks the folders asked, never the pruned cycles, and keeps the highest counter', async () => {
    const found = await searchGranules({ ...Q, cycles: [2, 26] }, ctx());
    expect(fetched().sort()).toEqual(['/', '/cycle_002', '/cycle_026']);
    expect(found.map(g => g.name)).toEqual([
      l2name(2, 10, '01', '20230816T060000', '20230816T065100'),
      l2name(26, 164, '01', '20241229T160640', '20241229T165806'),
      l2name(26, 165, '02', '20241229T165806', '20241229T174933'),
      l2name(26, 166, '01', '20241229T174933', '20241229T184100')
    ]);
    const g = found[2];
    expect(g).toEqual({
      provider: 'aviso',
      collection: Q.collection,
      name: g.name,
      url: `${server.url}/thredds/fileServer/${L2}/cycle_026/${g.name}`,
      path: `/swot_products/l2_karin/l2_lr_ssh/PIC2/Basic/cycle_026/${g.name}`,
      dir: 'cycle_026',
      approxSize: 45_300_000,
      cycle: 26,
      pass: 165,
      start: '2024-12-29T16:58:06Z',
      end: '2024-12-29T17:49:33Z'
    });
    expect(g.size).toBeUndefined();
  });

  it('prunes cycle folders by the period, then filters passes and times by name', async () => {
    const found = await searchThredds({ ...Q, passes: [165, 166], time: { start: '2024-12-29T17:00:00Z', end: '2024-12-29T17:30:00Z' } }, ctx());
    expect(fetched().sort()).toEqual(['/', '/cycle_026']);
    expect(found.map(g => [g.cycle, g.pass, g.name.slice(-6)])).toEqual([[26, 165, '_02.nc']]);
  });

  it('descends forward/ and reproc/ folders', async () => {
    const found = await searchThredds({ ...Q, collection: '/swot_products/l3_karin_nadir/l3_lr_ssh/v2_0_1/Expert', version: 'v3_0', cycles: [30] }, ctx());
    expect(found.map(g => [g.dir, g.path])).toEqual([
      ['cycle_030', '/swot_products/l3_karin_nadir/l3_lr_ssh/v3_0/Expert/forward/cycle_030/SWOT_L3_LR_SSH_Expert_030_010_20250305T090000_20250305T095100_v3.0.nc']
    ]);
    expect(server.requests.some(r => r.path.includes('reproc/cycle_001'))).toBe(false);
  });

  it('fetches at most 4 catalogs at once', async () => {
    let inFlight = 0;
    let most = 0;
    const slow: typeof fetch = async (url, init) => {
      most = Math.max(most, ++inFlight);
      await new Promise(r => setTimeout(r, 20));
      try {
        return await authFetch('alice:s3cret')(url, init);
      } finally {
        inFlight--;
      }
    };
    const wide = await startLoopbackServer(
      threddsHandler(
        Object.fromEntries([
          [`/thredds/catalog/${L2}/catalog.xml`, threddsCatalogXml(L2, Array.from({ length: 12 }, (_, i) => ({ ref: `cycle_${String(i + 1).padStart(3, '0')}` })))],
          ...Array.from({ length: 12 }, (_, i) => {
            const dir = `${L2}/cycle_${String(i + 1).padStart(3, '0')}`;
            return [`/thredds/catalog/${dir}/catalog.xml`, threddsCatalogXml(dir, [])];
          })
        ])
      )
    );
    try {
      await searchThredds(Q, { fetch: slow, threddsUrl: `${wide.url}/thredds` });
      expect(wide.requests).toHaveLength(13);
      expect(most).toBe(4);
    } finally {
      await wide.close();
    }
  });

  it('a wrong password is AUTH naming the catalog; a missing folder NOT_FOUND; bad XML BAD_RESPONSE', async () => {
    const e = (await searchThredds(Q, { fetch: authFetch('alice:wrong'), threddsUrl: `${server.url}/thredds` }).catch(x => x)) as DownloadError;
    expect(e).toMatchObject({ code: 'AUTH', provider: 'aviso', status: 401 });
    expect(e.message).toContain(`AVISO THREDDS catalog: HTTP 401`);
    expect(e.message).toContain(`${server.url}/thredds/catalog/${L2}/catalog.xml`);
    expect(e.message).not.toContain('wrong');
    const missing = (await searchThredds({ ...Q, collection: '/swot_products/l2_karin/l2_lr_ssh/PIC9/Basic' }, ctx()).catch(x => x)) as DownloadError;
    expect(missing.code).toBe('NOT_FOUND');
    const bad = await startLoopbackServer((_q, res) => res.writeHead(200).end('<catalog><dataset></catalog>'));
    try {
      const b = (await searchThredds(Q, { fetch, threddsUrl: `${bad.url}/thredds` }).catch(x => x)) as DownloadError;
      expect(b.code).toBe('BAD_RESPONSE');
      expect(b.message).toContain(`${bad.url}/thredds/catalog/${L2}/catalog.xml`);
    } finally {
      await bad.close();
    }
  });
});
