import Ajv from 'ajv';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { BUILTIN_CATALOG } from './builtin';
import { filterCatalog, formatVolume, mergeCatalog, volumeBytes } from './catalog';
import { CatalogProduct } from './types';

const schema = JSON.parse(readFileSync(resolve(__dirname, '../../../schema/catalog.json'), 'utf8'));

function validator() {
  // The settings schema is the one schema of a product; JupyterLab validates user settings with it.
  const ajv = new Ajv({ allErrors: true, strict: false });
  ajv.addSchema({ ...schema, $id: 'catalog.json' });
  return {
    product: ajv.getSchema('catalog.json#/definitions/product')!,
    settings: ajv.getSchema('catalog.json')!
  };
}

describe('built-in CNES catalog', () => {
  it('has the seven products of the CNES offer, with their volumes and availability', () => {
    const rows = BUILTIN_CATALOG.map(p => [
      p.name,
      formatVolume(p.volumePerDay),
      formatVolume(p.volumePerYear),
      p.availability.join(' / ') + (p.onDemand ? ' (on demand)' : '')
    ]);
    expect(rows).toEqual([
      ['L1B_LR_INTF', '1 TB', '365 TB', 'HPC CNES (on demand)'],
      ['L2_LR_SSH Basic', '1 GB', '365 GB', 'HPC CNES / PODAAC / AVISO'],
      ['L2_LR_SSH WindWave', '1 GB', '365 GB', 'HPC CNES / PODAAC / AVISO'],
      ['L2_LR_SSH Expert', '3 GB', '1 TB', 'HPC CNES / PODAAC / AVISO'],
      ['L2_LR_SSH Unsmoothed', '40 GB', '15 TB', 'HPC CNES / PODAAC / AVISO'],
      ['L3 KaRIn', '200 MB', '73 GB', 'HPC CNES / AVISO'],
      ['L4 KaRIn', '< 100 MB', '< 36 GB', 'HPC CNES / AVISO']
    ]);
  });

  it('validates against the product schema of schema/catalog.json', () => {
    const { product } = validator();
    for (const entry of BUILTIN_CATALOG) {
      const ok = product(entry);
      expect({ id: entry.id, errors: ok ? null : product.errors }).toEqual({ id: entry.id, errors: null });
    }
  });

  it('has unique ids', () => {
    const ids = BUILTIN_CATALOG.map(p => p.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('settings schema', () => {
  it('accepts its own defaults and rejects a product without a grid', () => {
    const { settings } = validator();
    expect(settings({ products: [], locations: [], hideBuiltinCatalog: false })).toBe(true);
    const broken = { ...BUILTIN_CATALOG[0] } as Partial<CatalogProduct>;
    delete broken.grid;
    expect(settings({ products: [broken] })).toBe(false);
    expect(JSON.stringify(settings.errors)).toMatch(/grid/);
  });

  it('rejects unknown settings keys', () => {
    const { settings } = validator();
    expect(settings({ productz: [] })).toBe(false);
  });
});

describe('mergeCatalog', () => {
  const extra: CatalogProduct = {
    ...BUILTIN_CATALOG[5],
    id: 'L3_LR_SSH',
    locations: [{ label: 'My lab', format: 'netcdf', path: '/data/swot/l3' }]
  };
  const added: CatalogProduct = { ...BUILTIN_CATALOG[6], id: 'L4_MIOST', name: 'L4 MIOST' };

  it('replaces a built-in entry by id and appends new ones', () => {
    const merged = mergeCatalog(BUILTIN_CATALOG, { products: [extra, added] });
    expect(merged).toHaveLength(8);
    expect(merged[5].locations).toEqual([{ label: 'My lab', format: 'netcdf', path: '/data/swot/l3' }]);
    expect(merged[7].name).toBe('L4 MIOST');
  });

  it('can hide the built-in catalog', () => {
    expect(mergeCatalog(BUILTIN_CATALOG, { products: [added], hideBuiltinCatalog: true })).toEqual([added]);
  });

  it('returns the built-in catalog without settings', () => {
    expect(mergeCatalog(BUILTIN_CATALOG)).toEqual(BUILTIN_CATALOG);
  });
});

describe('filterCatalog', () => {
  it('matches every word, case-insensitively', () => {
    expect(filterCatalog(BUILTIN_CATALOG, 'l2 zarr').map(p => p.id)).toEqual([
      'L2_LR_SSH_Basic',
      'L2_LR_SSH_WindWave',
      'L2_LR_SSH_Expert'
    ]);
    expect(filterCatalog(BUILTIN_CATALOG, 'zcollection').map(p => p.id)).toEqual(['L3_LR_SSH']);
    expect(filterCatalog(BUILTIN_CATALOG, '  ')).toHaveLength(7);
    expect(filterCatalog(BUILTIN_CATALOG, 'sentinel')).toEqual([]);
  });
});

describe('volumes', () => {
  it('formats and converts decimal units', () => {
    expect(formatVolume({ value: 1.5, unit: 'TB' })).toBe('1.5 TB');
    expect(volumeBytes({ value: 200, unit: 'MB' })).toBe(2e8);
  });
});
