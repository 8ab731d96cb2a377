import Ajv from 'ajv';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { BUILTIN_CATALOG } from './builtin';
import { mergeCatalog } from './catalog';
import { locationId, productLocations, validateLocation } from './locations';
import { CatalogProduct, CatalogSettings } from './types';

const ROOT = resolve(__dirname, '../../..');
const SAMPLE = resolve(ROOT, 'data/sample');
const schema = JSON.parse(readFileSync(resolve(ROOT, 'schema/catalog.json'), 'utf8'));

function locationsOf(settings: Partial<CatalogSettings>, sample: string | null = 'data/sample') {
  return productLocations(mergeCatalog(BUILTIN_CATALOG, settings), settings, { sample });
}

describe('validateLocation', () => {
  it('accepts the old { label, path } shape, inferring the format from the path', () => {
    expect(validateLocation({ label: 'My lab', path: '/data/swot/l3' })).toEqual({
      location: { label: 'My lab', path: '/data/swot/l3', format: 'netcdf' }
    });
    expect(validateLocation({ label: 'Store', path: 'data/x/L3.zarr/' }).location?.format).toBe('zarr');
  });

  it('keeps every known field and derives a label when there is none', () => {
    const { location } = validateLocation({ format: 'zcollection', path: '/hpc/zc', version: '3.0', phase: 'calval', provider: 'cnes-hpc' });
    expect(location).toEqual({
      label: 'zcollection 3.0 cal/val: /hpc/zc',
      format: 'zcollection',
      path: '/hpc/zc',
      version: '3.0',
      phase: 'calval',
      provider: 'cnes-hpc'
    });
  });

  it('accepts a remote collection without a path', () => {
    const { location, reason } = validateLocation({ label: 'PO.DAAC', format: 'netcdf', provider: 'podaac', collection: 'SWOT_L2_LR_SSH_EXPERT_2.0' });
    expect(reason).toBeUndefined();
    expect(location?.collection).toBe('SWOT_L2_LR_SSH_EXPERT_2.0');
  });

  it.each([
    [null, /must be an object/],
    ['data/x', /must be an object/],
    [{ label: 'x', format: 'hdf', path: 'a' }, /format "hdf" is not one of "netcdf", "zarr", "zcollection"/],
    [{ label: 'x' }, /needs a path .* or a provider and a collection .*has neither/],
    [{ label: 'x', provider: 'podaac' }, /a provider without a collection/],
    [{ label: 'x', collection: 'C' }, /a collection without a provider/],
    [{ label: 'x', path: 'a', phase: 'cal/val' }, /phase "cal\/val" is not one of "science", "calval"/],
    [{ label: 'x', path: 'a', provider: 'nasa' }, /provider "nasa" is not one of "cnes-hpc", "aviso", "podaac"/],
    [{ label: 'x', path: 42 }, /"path" must be a non-empty string, got 42/],
    [{ label: '', path: 'a' }, /"label" must be a non-empty string/],
    [{ label: 'x', path: 'data/../../etc' }, /path "data\/..\/..\/etc" has a ".." component/],
    [{ label: 'x', fromat: 'zarr', path: 'a' }, /unknown key "fromat": did you mean "format"\?/]
  ])('rejects %j with a reason', (entry, reason) => {
    const out = validateLocation(entry);
    expect(out.location).toBeUndefined();
    expect(out.reason).toMatch(reason);
  });
});

describe('locationId', () => {
  it('joins format, version, subset and phase (and the provider of a remote one)', () => {
    expect(locationId({ format: 'netcdf', path: 'a', version: '2.0.1', subset: 'Expert' })).toBe('netcdf-2.0.1-Expert');
    expect(locationId({ format: 'zcollection', path: 'a', phase: 'calval' })).toBe('zcollection-calval');
    expect(locationId({ format: 'netcdf', provider: 'podaac', collection: 'C' })).toBe('netcdf-podaac');
  });
});

describe('built-in locations', () => {
  it('has the CNES HPC L3 zcollection, the remote collections and the sample dataset', () => {
    const { locations, issues } = locationsOf({});
    expect(issues).toEqual([]);
    const l3 = locations.filter(l => l.product === 'L3_LR_SSH');
    expect(l3.find(l => l.provider === 'cnes-hpc')).toMatchObject({
      format: 'zcollection',
      phase: 'calval',
      path: '/work/HELPDESK_SWOTLR/commun/data/swot/L3_LR_SSH/zcollections/V3.0_CALVAL',
      resolvedPath: '/work/HELPDESK_SWOTLR/commun/data/swot/L3_LR_SSH/zcollections/V3.0_CALVAL',
      available: true
    });
    expect(l3.find(l => l.provider === 'aviso' && l.subset === 'Expert')).toMatchObject({
      collection: '/swot_products/l3_karin_nadir/l3_lr_ssh/v2_0_1/Expert',
      available: false,
      reason: expect.stringMatching(/^remote: aviso/)
    });
    expect(locations.find(l => l.product === 'L2_LR_SSH_Expert' && l.provider === 'podaac')?.collection).toBe('SWOT_L2_LR_SSH_EXPERT_2.0');
    expect(l3.filter(l => l.path?.startsWith('{sample}/')).map(l => [l.id, l.format, l.resolvedPath])).toEqual([
      ['sample-netcdf', 'netcdf', 'data/sample/netcdf/L3_LR_SSH/v2_0_1/Expert'],
      ['sample-zarr', 'zarr', 'data/sample/zarr/L3_LR_SSH_Expert.zarr'],
      ['sample-zarr-v3', 'zarr', 'data/sample/zarr-v3/L3_LR_SSH_Expert.zarr'],
      ['sample-zcollection', 'zcollection', 'data/sample/zcollection/L3_LR_SSH_Expert']
    ]);
  });

  it('points at folders the sample generator really writes', () => {
    if (!existsSync(SAMPLE)) {
      throw new Error(`${SAMPLE} is missing: run tools/generate_sample_data.py`);
    }
    const sample = locationsOf({}, SAMPLE).locations.filter(l => l.path?.startsWith('{sample}/'));
    expect(sample.length).toBe(9);
    for (const location of sample) {
      expect({ id: `${location.product}/${location.id}`, exists: existsSync(location.resolvedPath!) }).toEqual({
        id: `${location.product}/${location.id}`,
        exists: true
      });
    }
  });

  it('leaves the sample locations unavailable, with the reason, when no sample dataset is configured', () => {
    const { locations, issues } = locationsOf({}, null);
    expect(issues).toEqual([]);
    const zarr = locations.find(l => l.product === 'L3_LR_SSH' && l.id === 'sample-zarr')!;
    expect(zarr.available).toBe(false);
    expect(zarr.resolvedPath).toBeUndefined();
    expect(zarr.reason).toMatch(/sample dataset is not configured/);
  });

  it('validate against the settings schema', () => {
    const ajv = new Ajv({ allErrors: true, strict: false });
    const validate = ajv.compile(schema);
    expect(validate({ products: BUILTIN_CATALOG })).toBe(true);
  });
});

describe('productLocations with settings', () => {
  it('replaces a built-in location of the same product and id, in place, and appends the others', () => {
    const settings: Partial<CatalogSettings> = {
      locations: [
        { product: 'L3_LR_SSH', id: 'cnes-hpc-zcollection-calval', label: 'Moved', format: 'zcollection', path: '/scratch/zc', phase: 'calval' },
        { product: 'L3_LR_SSH', label: 'My lab', format: 'zarr', path: '/data/lab/l3.zarr' }
      ]
    };
    const l3 = locationsOf(settings).locations.filter(l => l.product === 'L3_LR_SSH');
    const builtin = locationsOf({}).locations.filter(l => l.product === 'L3_LR_SSH');
    expect(l3).toHaveLength(builtin.length + 1);
    expect(l3[0]).toMatchObject({ id: 'cnes-hpc-zcollection-calval', label: 'Moved', resolvedPath: '/scratch/zc', available: true });
    expect(l3[0].provider).toBeUndefined();
    expect(l3[l3.length - 1]).toMatchObject({ id: 'zarr', label: 'My lab', format: 'zarr', resolvedPath: '/data/lab/l3.zarr', product: 'L3_LR_SSH' });
  });

  it('reports invalid entries with their reason and keeps the valid ones', () => {
    const settings = {
      locations: [
        { product: 'L3_LR_SSHH', label: 'typo', path: 'a' },
        { product: 'L3_LR_SSH', label: 'bad format', format: 'grib', path: 'b' },
        { label: 'no product', path: 'c' },
        { product: 'L4_KaRIn', label: 'good', path: 'maps/l4' },
        { product: 'L4_KaRIn', label: 'sample L4', path: '{sample}/l4' }
      ]
    } as unknown as Partial<CatalogSettings>;
    const { locations, issues } = locationsOf(settings, null);
    expect(issues.map(i => [i.product, i.index, i.reason])).toEqual([
      ['L3_LR_SSHH', 0, expect.stringMatching(/^unknown product "L3_LR_SSHH": did you mean "L3_LR_SSH"\?/)],
      ['L3_LR_SSH', 1, 'format "grib" is not one of "netcdf", "zarr", "zcollection"'],
      ['undefined', 2, expect.stringMatching(/needs "product"/)]
    ]);
    expect(issues[1].entry).toBe(settings.locations![1]);
    const l4 = locations.filter(l => l.product === 'L4_KaRIn');
    expect(l4.map(l => [l.label, l.available, l.resolvedPath])).toEqual([
      ['good', true, 'maps/l4'],
      ['sample L4', false, undefined]
    ]);
    expect(l4[1].reason).toMatch(/sample dataset is not configured/);
  });

  it('reads old-shape locations of products from the settings, and reports their bad entries by index', () => {
    const mine: CatalogProduct = {
      id: 'MY_L3',
      name: 'My L3',
      level: 'L3',
      grid: '2 km',
      availability: ['here'],
      description: '',
      formats: ['netCDF4'],
      locations: [
        { label: 'files', path: 'data/l3' },
        { label: 'store', path: 'data/l3.zarr' },
        { label: 'web', path: 'https://example.org/l3' },
        { label: 'broken' }
      ] as unknown as CatalogProduct['locations']
    };
    const settings: Partial<CatalogSettings> = { products: [mine] };
    const { locations, issues } = locationsOf(settings);
    expect(locations.filter(l => l.product === 'MY_L3').map(l => [l.id, l.format, l.available])).toEqual([
      ['netcdf', 'netcdf', true],
      ['zarr', 'zarr', true],
      ['netcdf-2', 'netcdf', false]
    ]);
    expect(locations.find(l => l.id === 'netcdf-2')?.reason).toMatch(/a URL, not a path on this server/);
    expect(issues).toEqual([{ product: 'MY_L3', index: 3, reason: expect.stringMatching(/has neither/), entry: { label: 'broken' } }]);
  });

  it('refuses two explicit locations with one id in a product', () => {
    const mine = {
      ...BUILTIN_CATALOG[6],
      locations: [
        { id: 'a', label: 'one', format: 'netcdf', path: 'x' },
        { id: 'a', label: 'two', format: 'netcdf', path: 'y' }
      ]
    } as CatalogProduct;
    const { locations, issues } = locationsOf({ products: [mine] });
    expect(locations.filter(l => l.product === mine.id).map(l => l.label)).toEqual(['one']);
    expect(issues.map(i => i.reason)).toEqual([`a second location with id "a" in product ${mine.id}`]);
  });
});
