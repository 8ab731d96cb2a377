import { MixedProductsError, UsageError } from './errors';
import { chooseProductKind, matchesKind, productKinds } from './product-kinds';
import { parseProductFileName } from './product';

const basic = (pass: string) => `d/Basic/cycle_025/SWOT_L2_LR_SSH_Basic_025_${pass}_20241211T141426_20241211T150555_PIC0_01.nc`;
const expert = (pass: string) => `d/Expert/cycle_025/SWOT_L2_LR_SSH_Expert_025_${pass}_20241211T141426_20241211T150555_PIC0_01.nc`;
const unsmoothed = 'd/Unsmoothed/cycle_025/SWOT_L2_LR_SSH_Unsmoothed_025_242_20241211T141426_20241211T150555_PIC0_01.nc';
const l3 = 'SWOT_L3_LR_SSH_Expert_026_165_20241229T165806_20241229T174933_v2.0.1.nc';
const mixed = [basic('165'), basic('242'), expert('165'), expert('242'), unsmoothed];

describe('productKinds', () => {
  it('counts the files of each kind, from their names', () => {
    expect(productKinds([...mixed, 'notes.nc'])).toEqual([
      { kind: 'L2_LR_SSH Basic', id: 'L2_LR_SSH_Basic', product: 'L2_LR_SSH', subset: 'Basic', files: 2 },
      { kind: 'L2_LR_SSH Expert', id: 'L2_LR_SSH_Expert', product: 'L2_LR_SSH', subset: 'Expert', files: 2 },
      { kind: 'L2_LR_SSH Unsmoothed', id: 'L2_LR_SSH_Unsmoothed', product: 'L2_LR_SSH', subset: 'Unsmoothed', files: 1 }
    ]);
  });
});

describe('chooseProductKind', () => {
  it('refuses several kinds without a choice, listing them with file counts and how to choose', () => {
    let error: unknown;
    try {
      chooseProductKind(mixed, 'd', undefined);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(MixedProductsError);
    expect(error).toBeInstanceOf(UsageError);
    const e = error as MixedProductsError;
    expect(e.code).toBe('USAGE');
    expect(e.message).toBe(
      'd: holds 3 kinds of product, which are not stacked together: L2_LR_SSH Basic (2 files), L2_LR_SSH Expert (2 files), ' +
        'L2_LR_SSH Unsmoothed (1 file); choose one with open(path, { subset: "Basic" }) or, on the command line, --subset Basic'
    );
    expect(e.kinds.map(k => k.files)).toEqual([2, 2, 1]);
  });

  it('keeps the files of the kind chosen by subset or by product id, any case', () => {
    expect(chooseProductKind(mixed, 'd', 'Expert')).toEqual([expert('165'), expert('242')]);
    expect(chooseProductKind(mixed, 'd', 'l2_lr_ssh_unsmoothed')).toEqual([unsmoothed]);
    expect(chooseProductKind(mixed, 'd', 'L2_LR_SSH Basic')).toEqual([basic('165'), basic('242')]);
  });

  it('passes one kind (and names it does not know) through unchanged', () => {
    expect(chooseProductKind([expert('165'), 'x.nc'], 'd', undefined)).toEqual([expert('165'), 'x.nc']);
  });

  it('says what exists when the choice matches no kind, or several', () => {
    expect(() => chooseProductKind(mixed, 'd', 'WindWave')).toThrow(
      'd: no product of kind "WindWave": it holds L2_LR_SSH Basic (2 files), L2_LR_SSH Expert (2 files), L2_LR_SSH Unsmoothed (1 file)'
    );
    expect(() => chooseProductKind([expert('165'), l3], 'd', 'Expert')).toThrow(
      'd: "Expert" matches 2 kinds of product: L2_LR_SSH Expert (1 file), L3_LR_SSH Expert (1 file); give the product id: ' +
        'choose one with open(path, { subset: "L2_LR_SSH_Expert" })'
    );
    expect(() => chooseProductKind(mixed, 'd', '  ')).toThrow(UsageError);
  });
});

describe('matchesKind', () => {
  it('matches a subset, a product id, a kind or a product', () => {
    const id = parseProductFileName(l3)!;
    expect(['Expert', 'L3_LR_SSH_Expert', 'L3_LR_SSH Expert', 'L3_LR_SSH', 'expert'].every(c => matchesKind(id, c))).toBe(true);
    expect(matchesKind(id, 'Basic')).toBe(false);
  });
});
