import { inflateSync } from 'node:zlib';
import { colormap } from './colormaps';
import { emptyMessage, hasFiniteValue } from './empty';
import { renderFigure } from './figure';
import { wrapText, textWidth } from './text';
import { buildScene, decodePayload, encodePayload, LayerInput } from './payload';
import { syntheticPass } from './synthetic';

const inflate = (b: Uint8Array) => new Uint8Array(inflateSync(b));
const p = syntheticPass({ lines: 400, velocities: false });
const valid: LayerInput = { kind: 'swath', lines: p.lines, pixels: p.pixels, lon: p.lon, lat: p.lat, value: p.value };
const missing: LayerInput = { ...valid, value: new Float32Array(p.value.length).fill(NaN) };
const none: LayerInput = { kind: 'swath', lines: 0, pixels: p.pixels, lon: [], lat: [], value: [] };
const options = { variable: { name: 'ssha_filtered', units: 'm' }, title: 'ssha_filtered' };

describe('emptyMessage', () => {
  it('says that a selection of 0 lines (or no layer) has nothing to draw', () => {
    expect(emptyMessage([none], 'ssha_filtered')).toBe('nothing to draw: the selection has 0 lines');
    expect(emptyMessage([], 'ssha_filtered')).toBe('nothing to draw: the selection has 0 lines');
    expect(emptyMessage([{ kind: 'grid', value: [] }], 'adt')).toBe('nothing to draw: the selection has 0 grid cells');
  });

  it('counts the missing values (before any level of detail) and adds the detail given', () => {
    expect(emptyMessage([missing], 'ssha_filtered')).toBe(`all ${p.value.length.toLocaleString('en-US')} values of ssha_filtered are missing (fill or NaN)`);
    expect(emptyMessage([missing], 'mdt', 680340)).toBe('all 680,340 values of mdt are missing (fill or NaN)');
    expect(emptyMessage([none], 'x', undefined, 'no line matches cycles 99')).toBe(
      'nothing to draw: the selection has 0 lines (no line matches cycles 99)'
    );
  });

  it('is undefined as soon as one value is finite (infinities are not)', () => {
    expect(emptyMessage([valid], 'ssha_filtered')).toBeUndefined();
    expect(hasFiniteValue([{ kind: 'swath', value: [NaN, Infinity, -Infinity] }])).toBe(false);
    expect(hasFiniteValue([{ kind: 'swath', value: [NaN, 0] }])).toBe(true);
  });
});

describe('a payload and a scene with nothing to draw', () => {
  it('carry the message and no limits; the scene decoded from the payload too', async () => {
    const payload = encodePayload([missing], options, undefined, 680340);
    expect(payload.clim).toBeNull();
    expect(payload.climSource).toBe('none');
    expect(payload.empty).toBe('all 680,340 values of ssha_filtered are missing (fill or NaN)');
    const scene = await decodePayload(JSON.parse(JSON.stringify(payload)), inflate);
    expect(scene.clim).toBeNull();
    expect(scene.empty).toBe(payload.empty);
    // The view opens on where the swath is, even without values.
    expect(scene.extent.y1 - scene.extent.y0).toBeLessThan(180);
    const direct = buildScene([none], { ...options, clim: [-1, 1], emptyDetail: 'no line matches cycles 99' });
    expect(direct.clim).toBeNull();
    expect(direct.empty).toBe('nothing to draw: the selection has 0 lines (no line matches cycles 99)');
  });

  it('a drawable payload has limits and no message', () => {
    const payload = encodePayload([valid], options);
    expect(payload.empty).toBeUndefined();
    expect(payload.clim![0]).toBeLessThan(payload.clim![1]);
  });
});

describe('the static figure with nothing to draw', () => {
  const emptyFigure = renderFigure(buildScene([missing], options), undefined);
  const empty = emptyFigure.image;
  const drawn = renderFigure(buildScene([valid], options), undefined).image;
  const noBar = renderFigure(buildScene([valid], { ...options, colorbar: false }), undefined).image;
  const pixel = (img: typeof empty, x: number, y: number) => Array.from(img.data.subarray(4 * (y * img.width + x), 4 * (y * img.width + x) + 3));

  it('has no colour bar: the width of a figure drawn without one', () => {
    expect(empty.width).toBe(noBar.width);
    expect(drawn.width).toBeGreaterThan(noBar.width + 40);
  });

  it('shows no colour of the map anywhere and writes the message in a box at the centre of the map', () => {
    const lut = colormap('Spectral_r').lut;
    const colours = new Set<string>();
    for (let k = 0; k < 256; k++) colours.add(`${lut[4 * k]},${lut[4 * k + 1]},${lut[4 * k + 2]}`);
    let coloured = 0;
    for (let q = 0; q < empty.data.length; q += 4) {
      if (colours.has(`${empty.data[q]},${empty.data[q + 1]},${empty.data[q + 2]}`)) coloured++;
    }
    expect(coloured).toBe(0);
    // Ink on white in a band across the middle of the image (the message), none on the drawn figure's ocean there.
    const band = (img: typeof empty) => {
      const y = Math.floor(img.height / 2);
      let ink = 0;
      let white = 0;
      for (let dy = -12; dy <= 12; dy++) {
        for (let x = 0; x < img.width; x++) {
          const [r, g, b] = pixel(img, x, y + dy);
          if (r === 40 && g === 40 && b === 40) ink++;
          if (r === 255 && g === 255 && b === 255) white++;
        }
      }
      return { ink, white };
    };
    const message = band(empty);
    const map = band(noBar);
    expect(message.white).toBeGreaterThan(empty.width * 4);
    expect(map.white).toBeLessThan(empty.width * 4);
    // The message's lines (drawn in the font by resvg, kernel side) sit inside that box.
    const lines = emptyFigure.texts.filter(t => t.anchor === 'start' && t.y > empty.height / 4 && t.y < (3 * empty.height) / 4);
    expect(lines.map(t => t.text).join(' ')).toBe(`all ${p.value.length.toLocaleString('en-US')} values of ssha_filtered are missing (fill or NaN)`);
  });
});

describe('wrapText', () => {
  it('breaks at spaces within the width, cuts what does not fit in the lines allowed', () => {
    const text = 'nothing to draw: the selection has 0 lines (no line matches cycles 99)';
    const lines = wrapText(text, 200, 13);
    expect(lines.join(' ')).toBe(text);
    expect(lines.every(l => textWidth(l, 13) <= 200)).toBe(true);
    const two = wrapText(text, 120, 13, 2);
    expect(two).toHaveLength(2);
    expect(two[1].endsWith('...')).toBe(true);
  });
});
