import type { ResolvedLocation } from '../../core/catalog';
import { UsageError } from '../../core/errors';
import {
  buildDownloadRequest,
  defaultOutFolder,
  DownloadFieldError,
  DownloadFormValues,
  downloadLocation,
  formValues,
  isDownloadable,
  MISSION_START
} from './download-request';

const loc = (over: Partial<ResolvedLocation>): ResolvedLocation => ({ id: 'x', label: 'X', format: 'netcdf', product: 'P', available: false, ...over });
const LOCATIONS = [
  loc({ id: 'sample', path: 'data', available: true }),
  loc({ id: 'hpc', provider: 'cnes-hpc', path: '/work/x', available: true }),
  loc({ id: 'aviso', provider: 'aviso', collection: '/swot_products/l3_karin_nadir/l3_lr_ssh/v2_0_1/Expert', phase: 'science' }),
  loc({ id: 'podaac', provider: 'podaac', collection: 'SWOT_L2_LR_SSH_BASIC_2.0' })
];

function values(over: Partial<DownloadFormValues> = {}): DownloadFormValues {
  return { ...formValues({}, LOCATIONS[3]), ...over };
}

function fieldOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(DownloadFieldError);
    expect(error).toBeInstanceOf(UsageError);
    return `${(error as DownloadFieldError).field}: ${(error as Error).message}`;
  }
  throw new Error('no error');
}

describe('the location downloaded from', () => {
  it('is a PO.DAAC or AVISO collection', () => {
    expect(LOCATIONS.map(isDownloadable)).toEqual([false, false, true, true]);
  });
  it('is the one asked when downloadable, else the product first such', () => {
    expect(downloadLocation(LOCATIONS, 'podaac')?.id).toBe('podaac');
    expect(downloadLocation(LOCATIONS, 'sample')?.id).toBe('aviso');
    expect(downloadLocation(LOCATIONS, 'hpc')?.id).toBe('aviso');
    expect(downloadLocation(LOCATIONS)?.id).toBe('aviso');
    expect(downloadLocation(LOCATIONS.slice(0, 2), 'sample')).toBeUndefined();
  });
});

describe('the dialog pre-filled', () => {
  it('defaults the out folder to swot-downloads/<last segment of the collection>', () => {
    expect(defaultOutFolder('/swot_products/l3_karin_nadir/l3_lr_ssh/v2_0_1/Expert/')).toBe('swot-downloads/Expert');
    expect(defaultOutFolder('SWOT_L2_LR_SSH_BASIC_2.0', '/work/me/')).toBe('work/me/swot-downloads/SWOT_L2_LR_SSH_BASIC_2.0');
    expect(defaultOutFolder('../..')).toBe('swot-downloads/download');
  });
  it('takes the pass finder result and the location', () => {
    const v = formValues({ product: 'P', location: 'aviso', passes: [3, 4, 5, 9], cycles: { from: 1, to: 3 }, bbox: [-70, 30, -60, 40], start: '2024-01-01' }, LOCATIONS[2]);
    expect(v).toEqual({
      provider: 'aviso',
      collection: '/swot_products/l3_karin_nadir/l3_lr_ssh/v2_0_1/Expert',
      version: '',
      cycles: '1-3',
      passes: '3-5,9',
      start: '2024-01-01',
      end: '',
      bbox: '-70, 30, -60, 40',
      phase: 'science',
      out: 'swot-downloads/Expert',
      jobs: '4',
      dryRun: false
    });
    expect(formValues({ out: 'mine', passes: '1-3' }, LOCATIONS[3]).out).toBe('mine');
  });
});

describe('the request sent', () => {
  it('has only what was given, lists normalised', () => {
    expect(buildDownloadRequest(values())).toEqual({ provider: 'podaac', collection: 'SWOT_L2_LR_SSH_BASIC_2.0', out: 'swot-downloads/SWOT_L2_LR_SSH_BASIC_2.0', jobs: 4 });
    expect(
      buildDownloadRequest(values({ cycles: ' 3, 1-2 ; 5', passes: '10..12', start: '2024-01-01', end: '2024-02-01T06:00', bbox: '170 -10 -170 10', phase: 'calval', jobs: '8', dryRun: true, version: 'v3_0' }))
    ).toEqual({
      provider: 'podaac',
      collection: 'SWOT_L2_LR_SSH_BASIC_2.0',
      out: 'swot-downloads/SWOT_L2_LR_SSH_BASIC_2.0',
      version: 'v3_0',
      cycles: '1-3,5',
      passes: '10-12',
      time: '2024-01-01/2024-02-01T06:00',
      bbox: [170, -10, -170, 10],
      phase: 'calval',
      jobs: 8,
      dryRun: true
    });
  });
  it('completes a half-open period', () => {
    expect(buildDownloadRequest(values({ end: '2023-05-01' })).time).toBe(`${MISSION_START}/2023-05-01`);
    expect(buildDownloadRequest(values({ start: '2023-05-01' })).time).toMatch(/^2023-05-01\/\d{4}-\d\d-\d\d$/);
  });
  it('names the field that cannot be read', () => {
    expect(fieldOf(() => buildDownloadRequest(values({ cycles: '1-x' })))).toMatch(/^cycles: cycles "1-x": "1-x" is not a number/);
    expect(fieldOf(() => buildDownloadRequest(values({ passes: '9-3' })))).toMatch(/^passes: .*reversed/);
    expect(fieldOf(() => buildDownloadRequest(values({ start: 'soon' })))).toMatch(/^start: from "soon" is not a date/);
    expect(fieldOf(() => buildDownloadRequest(values({ start: '2024-02-01', end: '2024-01-01' })))).toMatch(/^start: the period .* is reversed/);
    expect(fieldOf(() => buildDownloadRequest(values({ bbox: '1 2 3' })))).toMatch(/^bbox: .*four numbers/);
    expect(fieldOf(() => buildDownloadRequest(values({ bbox: '0 40 10 30' })))).toMatch(/^bbox: .*latitudes/);
    expect(fieldOf(() => buildDownloadRequest(values({ jobs: '0' })))).toMatch(/^jobs: .*1 to 16/);
    expect(fieldOf(() => buildDownloadRequest(values({ jobs: '2.5' })))).toMatch(/^jobs: /);
    expect(fieldOf(() => buildDownloadRequest(values({ out: ' ' })))).toMatch(/^out: /);
    expect(fieldOf(() => buildDownloadRequest(values({ provider: 'cnes-hpc' })))).toMatch(/^provider: provider must be podaac or aviso/);
    expect(fieldOf(() => buildDownloadRequest(values({ collection: '' })))).toMatch(/^collection: /);
    expect(fieldOf(() => buildDownloadRequest(values({ phase: 'both' })))).toMatch(/^phase: /);
  });
});
