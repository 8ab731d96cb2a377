import { readFileSync } from 'node:fs';
import { colormap } from './colormaps';
import { drawText, textWidth } from './font';
import { createImage, landMask } from './draw';
import { renderFigure } from './figure';
import { buildScene } from './payload';
import { syntheticPass } from './synthetic';
import { decodeLand, Topology } from './topojson';

const land = decodeLand(JSON.parse(readFileSync(require.resolve('world-atlas/land-110m.json'), 'utf8')) as Topology);

describe('static figure', () => {
  const p = syntheticPass({ lines: 3000, velocities: false });
  const scene = buildScene([{ kind: 'swath', lines: p.lines, pixels: p.pixels, lon: p.lon, lat: p.lat, value: p.value }], {
    variable: { name: 'ssha_filtered', units: 'm' },
    title: 'ssha_filtered'
  });
  const image = renderFigure(scene, land);
  const has = (rgb: number[]) => {
    for (let p = 0; p < image.data.length; p += 4) {
      if (image.data[p] === rgb[0] && image.data[p + 1] === rgb[1] && image.data[p + 2] === rgb[2]) return true;
    }
    return false;
  };

  it('draws data, land, and the colour bar ends, on an opaque image', () => {
    expect(image.width).toBeGreaterThan(720);
    const lut = colormap('Spectral_r').lut;
    expect(has([lut[0], lut[1], lut[2]])).toBe(true);
    expect(has([lut[1020], lut[1021], lut[1022]])).toBe(true);
    expect(has([224, 224, 219])).toBe(true); // land
    let opaque = true;
    for (let q = 3; q < image.data.length; q += 4) opaque &&= image.data[q] === 255;
    expect(opaque).toBe(true);
  });

  it('masks land with an even-odd fill', () => {
    const mask = landMask(land, { x0: 10, x1: 30, y0: 0, y1: 10 }, 20, 10); // central Africa
    expect(mask.reduce((a, b) => a + b, 0)).toBe(200);
    const sea = landMask(land, { x0: -30, x1: -20, y0: -10, y1: 0 }, 10, 10); // South Atlantic
    expect(sea.reduce((a, b) => a + b, 0)).toBe(0);
  });

  it('writes text with the bitmap font, unknown characters as ?', () => {
    const img = createImage(40, 10);
    drawText(img, 'm/s', 0, 0, [0, 0, 0, 255]);
    expect(textWidth('m/s')).toBe(17);
    expect(img.data.some((v, i) => i % 4 === 3 && v > 0)).toBe(true);
  });
});
