import { detectProduct, parseProductFileName } from './product';

describe('parseProductFileName', () => {
  it('parses an L3 KaRIn file name (cycle, pass, times, version)', () => {
    expect(
      parseProductFileName('/data/SWOT_L3_LR_SSH_Expert_026_165_20241229T165806_20241229T174933_v2.0.1.nc')
    ).toEqual({
      level: 'L3',
      product: 'L3_LR_SSH',
      subset: 'Expert',
      cycle: 26,
      pass: 165,
      timeStart: '2024-12-29T16:58:06Z',
      timeEnd: '2024-12-29T17:49:33Z',
      version: '2.0.1'
    });
  });

  it('parses an L2 file name with its CRID', () => {
    const id = parseProductFileName('SWOT_L2_LR_SSH_Unsmoothed_010_331_20240115T010203_20240115T015310_PIC0_01.nc');
    expect(id).toMatchObject({ level: 'L2', subset: 'Unsmoothed', cycle: 10, pass: 331, version: 'PIC0' });
  });

  it('parses a DUACS L4 map name', () => {
    expect(parseProductFileName('dt_global_allsat_phy_l4_20190101_20190515.nc')).toMatchObject({
      level: 'L4',
      subset: 'allsat',
      timeStart: '2019-01-01T00:00:00Z'
    });
  });

  it('returns undefined for other names', () => {
    expect(parseProductFileName('notes.nc')).toBeUndefined();
    expect(parseProductFileName('SWOT_L3_LR_SSH_Expert_26_165.nc')).toBeUndefined();
  });
});

describe('detectProduct', () => {
  it('takes cycle and pass from the global attributes over the file name', () => {
    const id = detectProduct('SWOT_L2_LR_SSH_Expert_001_002_20230801T000000_20230801T005000_PIC0_01.nc', {
      cycle_number: 7,
      pass_number: 8
    });
    expect(id).toMatchObject({ cycle: 7, pass: 8, subset: 'Expert' });
  });

  it('identifies a renamed L2 file from its attributes', () => {
    expect(
      detectProduct('renamed.nc', { short_name: 'L2_LR_SSH', cycle_number: 3, pass_number: 11, time_coverage_start: 't0' })
    ).toMatchObject({ level: 'L2', product: 'L2_LR_SSH', cycle: 3, pass: 11, timeStart: 't0' });
  });

  it('returns undefined for an unknown file', () => {
    expect(detectProduct('x.nc', { title: 'something else' })).toBeUndefined();
  });
});
