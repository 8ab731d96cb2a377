import { cmrHandler, CmrRecord, LoopbackServer, startLoopbackServer } from '../../../testing/cmr-thredds-server';
import { cmrBoundingBox, cmrGranuleParams, cmrRequests, parseUmmGranules, searchCmr } from '../cmr';
import { DownloadError, isDownloadError, redactUrl } from '../errors';
import { searchGranules } from '../search';
import type { SearchContext, SearchQuery } from '../types';
import { COLLECTION, ummGranule } from './fixtures';

const Q: SearchQuery = { provider: 'podaac', collection: COLLECTION };

describe('CMR parameters', () => {
  it('sends short name, period, box, one cycle with its passes, page size and sort', () => {
    const p = cmrGranuleParams({ ...Q, cycles: [26], passes: [165, 242], time: { start: '2024-12-29T00:00:00Z', end: '2024-12-30T00:00:00Z' }, bbox: [-70, 35, -65, 40] });
    expect([...p.entries()]).toEqual([
      ['short_name', COLLECTION],
      ['temporal', '2024-12-29T00:00:00Z,2024-12-30T00:00:00Z'],
      ['bounding_box', '-70,35,-65,40'],
      ['cycle[]', '26'],
      ['passes[0][pass]', '165'],
      ['passes[1][pass]', '242'],
      ['page_size', '2000'],
      ['sort_key', 'start_date']
    ]);
  });

  it('splits several cycles with passes into one request per cycle (CMR wants one cycle beside passes)', () => {
    const reqs = cmrRequests({ ...Q, cycles: [27, 26], passes: [165] });
    expect(reqs.map(p => [p.getAll('cycle[]'), p.get('passes[0][pass]')])).toEqual([
      [['26'], '165'],
      [['27'], '165']
    ]);
    const noPass = cmrRequests({ ...Q, cycles: [26, 27] });
    expect(noPass).toHaveLength(1);
    expect(noPass[0].getAll('cycle[]')).toEqual(['26', '27']);
  });

  it('passes without a cycle become granule-name patterns; limit lowers the page size; concept ids', () => {
    const p = cmrGranuleParams({ ...Q, passes: [7], limit: 5 });
    expect(p.getAll('readable_granule_name[]')).toEqual(['*_???_007_????????T??????_*']);
    expect(p.get('options[readable_granule_name][pattern]')).toBe('true');
    expect(p.has('passes[0][pass]')).toBe(false);
    expect(p.get('page_size')).toBe('5');
    expect(cmrGranuleParams({ ...Q, time: { start: '2024-12-29', end: '2024-12-30T12:00' } }).get('temporal')).toBe('2024-12-29T00:00:00Z,2024-12-30T12:00:00Z');
    expect(cmrGranuleParams({ ...Q, collection: 'C2799438303-POCLOUD' }).get('collection_concept_id')).toBe('C2799438303-POCLOUD');
  });

  it('writes boxes in [-180, 180], across the dateline W > E', () => {
    expect(cmrBoundingBox([170, 30, -170, 45])).toBe('170,30,-170,45');
    expect(cmrBoundingBox([350, -5, 10, 5])).toBe('-10,-5,10,5');
    expect(cmrBoundingBox([0, -5, 360, 5])).toBe('-180,-5,180,5');
  });
});

describe('UMM-G parsing', () => {
  it('takes the https GET DATA file, its exact size and checksum, cycle, pass and times', () => {
    const umm = ummGranule(26, 165);
    const [g, ...rest] = parseUmmGranules({ hits: 1, items: [{ meta: {}, umm }] }, COLLECTION);
    expect(rest).toEqual([]);
    const name = 'SWOT_L2_LR_SSH_Basic_026_165_20241229T165806_20241229T174933_PIC2_01.nc';
    expect(g).toEqual({
      provider: 'podaac',
      collection: COLLECTION,
      name,
      url: `https://archive.podaac.earthdata.nasa.gov/podaac-ops-cumulus-protected/SWOT_L2_LR_SSH_BASIC_2.0/${name}`,
      dir: '',
      size: 47205456 + 165,
      checksum: { algorithm: 'MD5', value: (26165).toString(16).padStart(32, '0') },
      cycle: 26,
      pass: 165,
      start: '2024-12-29T16:58:06.000Z',
      end: '2024-12-29T17:49:33.000Z'
    });
  });

  it('without SizeInBytes gives an approximate size; without Track reads cycle and pass from the name', () => {
    const [g] = parseUmmGranules({ items: [{ umm: ummGranule(30, 7, { sizeInBytes: null, track: false }) }] }, COLLECTION);
    expect(g.size).toBeUndefined();
    expect(g.approxSize).toBe(Math.round(45.0193 * 1024 * 1024));
    expect([g.cycle, g.pass]).toEqual([30, 7]);
  });

  it('drops checksums it cannot use and granules without an https file', () => {
    const umm = ummGranule(26, 1, { md5: 'not-hex' });
    expect(parseUmmGranules({ items: [{ umm }] }, COLLECTION)[0].checksum).toBeUndefined();
    const s3only = { ...umm, RelatedUrls: umm.RelatedUrls.filter(u => u.URL.startsWith('s3://')) };
    expect(parseUmmGranules({ items: [{ umm: s3only }] }, COLLECTION)).toEqual([]);
    expect(() => parseUmmGranules({ feed: {} }, COLLECTION)).toThrow(/items/);
  });
});

describe('searchCmr against a loopback CMR', () => {
  let server: LoopbackServer;
  const records: CmrRecord[] = [];
  for (let pass = 1; pass <= 25; pass++) records.push({ shortName: COLLECTION, umm: ummGranule(26, pass) });
  for (let pass = 1; pass <= 3; pass++) records.push({ shortName: COLLECTION, umm: ummGranule(27, pass) });
  records.push({ shortName: 'OTHER', umm: ummGranule(26, 99) });

  beforeAll(async () => {
    server = await startLoopbackServer(cmrHandler(records));
  });
  afterAll(() => server.close());
  beforeEach(() => server.requests.splice(0));

  const ctx = (extra: Partial<SearchContext> = {}): SearchContext => ({ fetch, cmrUrl: server.url, ...extra });

  it('pages with CMR-Search-After until a short page (3 pages of 10)', async () => {
    const pages: number[] = [];
    const found = await searchCmr({ ...Q, cycles: [26] }, ctx({ onPage: n => pages.push(n) }), { pageSize: 10 });
    expect(found).toHaveLength(25);
    expect(found.map(g => g.pass)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
    expect(pages).toEqual([10, 20, 25]);
    expect(server.requests).toHaveLength(3);
    expect(server.requests.map(r => r.query.get('page_size'))).toEqual(['10', '10', '10']);
    expect(server.requests[0].headers['cmr-search-after']).toBeUndefined();
    expect(server.requests[1].headers['cmr-search-after']).toBe(JSON.stringify(['after', 10]));
    expect(server.requests[2].headers['cmr-search-after']).toBe(JSON.stringify(['after', 20]));
  });

  it('stops on a full last page when CMR sends no more CMR-Search-After', async () => {
    const found = await searchCmr({ ...Q, cycles: [27] }, ctx(), { pageSize: 3 });
    expect(found).toHaveLength(3);
    expect(server.requests).toHaveLength(2); // the second, empty page carries no header
  });

  it('honours limit', async () => {
    const found = await searchCmr({ ...Q, cycles: [26], limit: 4 }, ctx());
    expect(found.map(g => g.pass)).toEqual([1, 2, 3, 4]);
    expect(server.requests[0].query.get('page_size')).toBe('4');
  });

  it('sends passes with each cycle, and finds them', async () => {
    const found = await searchGranules({ ...Q, cycles: [26, 27], passes: [2, 3, 20] }, ctx());
    expect(found.map(g => `${g.cycle}_${g.pass}`)).toEqual(['26_2', '26_3', '26_20', '27_2', '27_3']);
    expect(server.requests.map(r => r.query.getAll('cycle[]'))).toEqual([['26'], ['27']]);
  });

  it('finds passes without a cycle through name patterns', async () => {
    const found = await searchCmr({ ...Q, passes: [3] }, ctx());
    expect(found.map(g => `${g.cycle}_${g.pass}`)).toEqual(['26_3', '27_3']);
  });

  it('turns HTTP failures into DownloadErrors naming the URL (no secrets) and status', async () => {
    const failing = await startLoopbackServer(cmrHandler(records, { status: 503 }));
    const auth = await startLoopbackServer(cmrHandler(records, { token: 'right' }));
    try {
      const e1 = await searchCmr(Q, { fetch, cmrUrl: failing.url }).catch(e => e);
      expect(isDownloadError(e1)).toBe(true);
      expect(e1).toMatchObject({ code: 'HTTP', provider: 'podaac', status: 503 });
      expect(e1.message).toContain(`HTTP 503`);
      expect(e1.message).toContain(`${failing.url}/search/granules.umm_json?short_name=${COLLECTION}`);
      expect(e1.message).toContain('test server answers 503');
      const withToken: typeof fetch = (url, init) => fetch(url, { ...init, headers: { ...(init?.headers as Record<string, string>), Authorization: 'Bearer wrong-secret' } });
      const e2 = (await searchCmr(Q, { fetch: withToken, cmrUrl: auth.url }).catch(e => e)) as DownloadError;
      expect(e2.code).toBe('AUTH');
      expect(e2.message).toMatch(/PO\.DAAC granule search: HTTP 401/);
      expect(e2.message).not.toMatch(/wrong-secret/);
      expect(e2.message).toMatch(/check the credentials/);
      // fetch itself refuses user:password@ URLs; the message still hides them.
      const e4 = (await searchCmr(Q, { fetch, cmrUrl: `http://user:pw@127.0.0.1:${new URL(auth.url).port}` }).catch(e => e)) as DownloadError;
      expect(e4.message).not.toMatch(/user|pw@/);
      expect(redactUrl('https://u:p@h/x?short_name=A&token=abc&X-Amz-Signature=zz')).toBe('https://h/x?short_name=A&token=***&X-Amz-Signature=***');
      const e3 = (await searchCmr(Q, { fetch, cmrUrl: 'http://127.0.0.1:1' }).catch(e => e)) as DownloadError;
      expect(e3.code).toBe('HTTP');
      expect(e3.message).toMatch(/cannot reach http:\/\/127\.0\.0\.1:1\//);
    } finally {
      await failing.close();
      await auth.close();
    }
  });

  it('a bad body is BAD_RESPONSE; an aborted signal is ABORTED', async () => {
    const html = await startLoopbackServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<html>login</html>'));
    try {
      const e = (await searchCmr(Q, { fetch, cmrUrl: html.url }).catch(e => e)) as DownloadError;
      expect(e.code).toBe('BAD_RESPONSE');
      expect(e.message).toContain(html.url);
    } finally {
      await html.close();
    }
    const controller = new AbortController();
    controller.abort();
    const e = (await searchCmr(Q, ctx({ signal: controller.signal })).catch(e => e)) as DownloadError;
    expect(e.code).toBe('ABORTED');
    expect(server.requests).toHaveLength(0);
  });
});

