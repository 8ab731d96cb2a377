/**
 * Say what happened: empty selections say why and what the data hold,
 * misspelt option keys are usage errors naming the valid key, and a folder
 * of several product kinds is never stacked blindly. On the real L3 file and
 * the generated sample data.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { MixedProductsError, UsageError } from '../../core';
import { SWATH_MIME } from '../../core/render';
import { REAL_L3, REAL_L4 } from '../../testing/shared-data';
import { diagnostics } from '../diagnostics';
import { meanMap } from '../maps';
import { open } from '../open';
import { save } from '../save';
import { show } from '../show';
import { spectrum } from '../spectrum';
import { stats } from '../stats';

const SAMPLE = resolve(__dirname, '../../../data/sample');
const L2_FOLDER = join(SAMPLE, 'netcdf/L2_LR_SSH');
const L3_FOLDER = join(SAMPLE, 'netcdf/L3_LR_SSH');

beforeAll(() => {
  if (!existsSync(join(SAMPLE, 'manifest.json'))) {
    throw new Error('data/sample is missing: run "npm run sample-data" (the README commands do)');
  }
});

async function failure(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a rejection');
}

describe('unknown option keys', () => {
  it('select() with a misspelt key is a UsageError naming the valid key (real L3)', async () => {
    const ds = await open(REAL_L3);
    const error = await failure(ds.select({ cycle: 25 } as never));
    expect(error).toBeInstanceOf(UsageError);
    expect(error.message).toBe("unknown option 'cycle' in select(): did you mean 'cycles'?");
    ds.close();
  });

  it('every entry point with an options object checks its keys', async () => {
    const ds = await open(REAL_L3);
    const cases: Array<[Promise<unknown>, string]> = [
      [open(REAL_L3, { subet: 'Expert' } as never), "unknown option 'subet' in open(): did you mean 'subset'?"],
      [stats(ds, 'ssha_filtered', { workrs: 2 } as never), "unknown option 'workrs' in stats(): did you mean 'workers'?"],
      [stats(ds, 'ssha_filtered', { query: { pass: 165 } } as never), "unknown option 'pass' in the query of stats(): did you mean 'passes'?"],
      [diagnostics(ds, { latmin: 5 } as never), "unknown option 'latmin' in diagnostics(): did you mean 'latMin'?"],
      [diagnostics(ds, { query: { box: [0, 0, 1, 1] } } as never), "unknown option 'box' in the query of diagnostics(): did you mean 'bbox'?"],
      [show(ds, 'ssha_filtered', { colormap: 'balance', display: false } as never), "unknown option 'colormap' in show()"],
      [show(ds, 'ssha_filtered', { clims: [0, 1], display: false } as never), "unknown option 'clims' in show(): did you mean 'clim'?"],
      [save(ds, join('/tmp/swot-scratch', 'never.nc'), { overwite: true } as never), "unknown option 'overwite' in save(): did you mean 'overwrite'?"],
      [
        meanMap(ds, 'ssha_filtered', { lonMin: 0, lonMax: 10, latMin: 0, latMax: 10, lonstep: 1 } as never),
        "unknown option 'lonstep' in the grid of meanMap(): did you mean 'lonStep'?"
      ],
      [
        meanMap(ds, 'ssha_filtered', { lonMin: 0, lonMax: 10, latMin: 0, latMax: 10, lonStep: 1 }, { query: { bbox: [0, 0, 1, 1] } } as never),
        "unknown option 'bbox' in the query of meanMap()"
      ],
      [spectrum(ds, 'ssha_filtered', { segment: 256 } as never), "unknown option 'segment' in spectrum(): did you mean 'segmentLength'?"]
    ];
    for (const [promise, message] of cases) {
      const error = await failure(promise);
      expect(error).toBeInstanceOf(UsageError);
      expect(error.message).toContain(message);
    }
    expect(existsSync('/tmp/swot-scratch/never.nc')).toBe(false);
    ds.close();
  });
});

describe('an empty selection says why and what the dataset holds', () => {
  it('on the real L3 file: cycles that do not exist', async () => {
    const ds = await open(REAL_L3);
    const sel = await ds.select({ variables: ['ssha_filtered'], cycles: 99 });
    expect(sel.dims.num_lines).toBe(0);
    expect(sel.empty!.reason).toBe('no line matches cycles 99');
    expect(sel.empty!.holds).toMatchObject({ lines: 9860, cycles: [26], passes: [165] });
    const [t0, t1] = sel.empty!.holds.time!;
    expect(t0.startsWith('2024-12-29T16:5')).toBe(true);
    expect(t1.startsWith('2024-12-29T17:4')).toBe(true);
    const text = sel.toString();
    expect(text).toContain('Empty:       no line matches cycles 99; the dataset holds 9,860 lines: cycle 26; pass 165; time 2024-12-29T16:5');
    ds.close();
  });

  it('on the real L3 file: the filter that left nothing is named after the ones that matched', async () => {
    const ds = await open(REAL_L3);
    const sel = await ds.select({ variables: ['ssha_filtered'], cycles: 26, time: ['2030-01-01', '2030-01-02'] });
    expect(sel.empty!.reason).toBe('no line of cycles 26 is in the interval 2030-01-01T00:00:00.000Z to 2030-01-02T00:00:00.000Z');
    const all = await ds.select({ variables: ['ssha_filtered'], cycles: 26 });
    expect(all.empty).toBeUndefined();
    expect(all.toString()).not.toContain('Empty:');
    ds.close();
  });

  it('on the real L3 file: a box the pass does not cross', async () => {
    const ds = await open(REAL_L3);
    const sel = await ds.select({ variables: ['ssha_filtered'], bbox: [0, 0, 1, 1] });
    expect(sel.empty!.reason).toBe('no line crosses the box [0, 0, 1, 1]');
    ds.close();
  });

  it('on the real L4 grid: a period or a box outside it, with the grid extent and time; show() says so', async () => {
    const ds = await open(REAL_L4);
    const late = await ds.select({ variables: ['adt'], time: ['2030-01-01', '2030-01-02'] });
    expect(late.dims.time).toBe(0);
    expect(late.empty!.reason).toBe('no time step in the interval 2030-01-01T00:00:00.000Z to 2030-01-02T00:00:00.000Z');
    expect(late.empty!.holds).toMatchObject({ cells: 720 * 1440, time: ['2019-01-01T00:00:00.000Z', '2019-01-01T00:00:00.000Z'] });
    expect(late.toString()).toContain('the dataset holds 1,036,800 grid cells: time 2019-01-01T00:00:00.000Z; lon 0.125 to 359.875, lat -89.875 to 89.875');
    const pole = await ds.select({ variables: ['adt'], bbox: [10, 89.99, 20, 90] });
    expect(pole.empty!.reason).toBe('no grid cell in the box [10, 89.99, 20, 90]');
    const bundle = (await show(late, 'adt', { display: false, png: false }))!;
    expect(bundle[SWATH_MIME].empty).toMatch(/^nothing to draw: the selection has 0 grid cells \(no time step in the interval 2030-01-01T00:00:00\.000Z/);
    expect(bundle[SWATH_MIME].clim).toBeNull();
    ds.close();
  });

  it('on a sample collection: lists the cycles and passes of every member', async () => {
    const ds = await open(L3_FOLDER);
    const cycles = [...new Set(ds.members!.map(m => m.product!.cycle!))].sort((a, b) => a - b);
    const passes = [...new Set(ds.members!.map(m => m.product!.pass!))].sort((a, b) => a - b);
    const sel = await ds.select({ variables: ['ssha_filtered'], passes: [1, 2], bbox: [0, 0, 1, 1] });
    expect(sel.dims.num_lines).toBe(0);
    expect(sel.empty!.reason).toBe('no line matches passes 1, 2');
    expect(sel.empty!.holds.cycles).toEqual(cycles);
    expect(sel.empty!.holds.passes).toEqual(passes);
    expect(sel.empty!.holds.lines).toBe(ds.dims.num_lines);
    ds.close();
  });
});

describe('a folder of several product kinds', () => {
  it('is refused with the kinds found, their file counts and how to choose', async () => {
    const error = await failure(open(L2_FOLDER));
    expect(error).toBeInstanceOf(MixedProductsError);
    expect(error.message).toMatch(
      /L2_LR_SSH: holds 3 kinds of product, which are not stacked together: L2_LR_SSH Basic \(\d+ files\), L2_LR_SSH Expert \(\d+ files\), L2_LR_SSH Unsmoothed \(1 file\); choose one with open\(path, \{ subset: "Basic" \}\)/
    );
    expect((error as MixedProductsError).kinds.map(k => k.id)).toEqual(['L2_LR_SSH_Basic', 'L2_LR_SSH_Expert', 'L2_LR_SSH_Unsmoothed']);
  });

  it('opens the kind chosen by subset or product id, and only it', async () => {
    const expert = await open(L2_FOLDER, { subset: 'Expert' });
    expect(expert.members!.length).toBeGreaterThan(1);
    expect(expert.members!.every(m => m.product!.subset === 'Expert')).toBe(true);
    expect(expert.variables.some(v => v.name === 'ssha_karin_2')).toBe(true);
    // One file of that kind (with /left and /right groups): opened as that file.
    const unsmoothed = await open(L2_FOLDER, { subset: 'L2_LR_SSH_Unsmoothed' });
    expect(unsmoothed.product!.subset).toBe('Unsmoothed');
    expect(unsmoothed.groups.map(g => g.path.replace(/^\//, '')).sort()).toEqual(['left', 'right']);
    // Worker threads reopen the chosen files, not the mixed folder.
    expect((expert as unknown as { target: string[] }).target).toEqual(expert.members!.map(m => m.source).sort());
    expert.close();
    unsmoothed.close();
  });

  it('a glob over the mixed folder is refused the same way; a kind absent is named', async () => {
    const error = await failure(open(join(L2_FOLDER, '**/*.nc')));
    expect(error).toBeInstanceOf(MixedProductsError);
    const missing = await failure(open(L2_FOLDER, { subset: 'WindWave' }));
    expect(missing.message).toContain('no product of kind "WindWave": it holds L2_LR_SSH Basic');
  });

  it('a single file asked to be another kind is refused (real L3)', async () => {
    const error = await failure(open(REAL_L3, { subset: 'Basic' }));
    expect(error).toBeInstanceOf(UsageError);
    expect(error.message).toBe(`${REAL_L3}: is L3_LR_SSH Expert, not "Basic"`);
    const ok = await open(REAL_L3, { subset: 'Expert' });
    expect(ok.dims.num_lines).toBe(9860);
    ok.close();
    // A store whose kind is not known from its name or attributes is opened as it is.
    const store = await open(join(SAMPLE, 'zarr/L3_LR_SSH_Expert.zarr'), { subset: 'Expert' });
    expect(store.dims.num_lines).toBeGreaterThan(0);
    store.close();
  });
});
