import { colormap, COLORMAP_NAMES, defaultColormap } from './colormaps';

const rgb = (lut: Uint8Array, k: number) => Array.from(lut.subarray(4 * k, 4 * k + 3));

describe('colormap', () => {
  it('builds a 256-level opaque lookup table from the anchors', () => {
    const { lut } = colormap('Spectral');
    expect(lut).toHaveLength(1024);
    expect(rgb(lut, 0)).toEqual([0x9e, 0x01, 0x42]);
    expect(rgb(lut, 255)).toEqual([0x5e, 0x4f, 0xa2]);
    for (let k = 0; k < 256; k++) expect(lut[4 * k + 3]).toBe(255);
  });

  it('reverses a map with the _r suffix', () => {
    expect(rgb(colormap('Spectral_r').lut, 0)).toEqual(rgb(colormap('Spectral').lut, 255));
    expect(rgb(colormap('RdBu_r').lut, 255)).toEqual([0x67, 0x00, 0x1f]);
  });

  it('has the oceanographic maps: a balanced diverging one (white in the middle) and sequential ones', () => {
    const balance = colormap('balance').lut;
    const mid = rgb(balance, 128);
    expect(Math.min(...mid)).toBeGreaterThan(215);
    expect(rgb(balance, 0)[2]).toBeGreaterThan(rgb(balance, 0)[0]); // blue end
    expect(rgb(balance, 255)[0]).toBeGreaterThan(rgb(balance, 255)[2]); // red end
    for (const name of ['speed', 'thermal', 'viridis', 'gray_r']) {
      expect(COLORMAP_NAMES).toContain(name);
    }
    expect(rgb(colormap('gray_r').lut, 0)).toEqual([255, 255, 255]);
  });

  it('gives plotly colour-scale stops from 0 to 1', () => {
    const { stops } = colormap('viridis');
    expect(stops[0]).toEqual([0, 'rgb(68,1,84)']);
    expect(stops[stops.length - 1][0]).toBe(1);
  });

  it('rejects an unknown name with the list of known ones', () => {
    expect(() => colormap('jet')).toThrow(RangeError);
    expect(() => colormap('jet')).toThrow(/known: .*balance/);
  });

  it('chooses a map per variable as the AVISO gallery does', () => {
    expect(defaultColormap('ssha_filtered')).toBe('Spectral_r');
    expect(defaultColormap('ugosa_filtered')).toBe('balance');
    expect(defaultColormap('sig0_karin_2')).toBe('gray_r');
    expect(defaultColormap('sigma0')).toBe('gray_r');
    expect(defaultColormap('current_speed')).toBe('speed');
    expect(defaultColormap('quality_flag')).toBe('viridis');
  });
});
