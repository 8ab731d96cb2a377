import { readFileSync } from 'node:fs';
import { colormap } from './colormaps';
import { figureSvg } from './figure-svg';
import { fitText, textWidth, wrapText } from './text';
import { landMask } from './draw';
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
  const { image, texts } = renderFigure(scene, land);
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

  it('lays out its text in DejaVu Sans metrics: title, ticks, colour bar labels and units', () => {
    expect(texts.find(t => t.text === 'ssha_filtered')).toMatchObject({ x: 12, anchor: 'start', size: 15 });
    expect(texts.some(t => t.text === 'm')).toBe(true);
    expect(texts.filter(t => /°[NS]$/.test(t.text)).every(t => t.anchor === 'end')).toBe(true);
    expect(texts.filter(t => /°[EW]$/.test(t.text)).length).toBeGreaterThan(2);
    for (const t of texts) {
      expect(t.x).toBeGreaterThanOrEqual(0);
      expect(t.x).toBeLessThanOrEqual(image.width);
      expect(t.y + t.size).toBeLessThanOrEqual(image.height);
    }
    // Widths from the font's own advances (scripts/font-widths.py): "m/s" at 13 px.
    expect(textWidth('m/s', 13)).toBeCloseTo((0.9741 + 0.3369 + 0.5210) * 13, 2);
    expect(fitText('sea surface height anomaly', 80, 13)).toMatch(/^sea surf.*\.\.\.$/);
    expect(wrapText('all 680,340 values of mdt are missing', 120, 13).length).toBeGreaterThan(1);
  });

  it('composes an SVG: the pixels as one image, every text escaped over it', () => {
    const svg = figureSvg({ image, texts: [...texts, { text: 'a < b & "c"', x: 5, y: 5, size: 13, anchor: 'start', color: [0, 0, 0, 255] }] }, 'data:image/png;base64,AAAA');
    expect(svg).toContain(`width="${image.width}" height="${image.height}"`);
    expect(svg.match(/<image /g)).toHaveLength(1);
    expect(svg.match(/<text /g)).toHaveLength(texts.length + 1);
    expect(svg).toContain('>a &lt; b &amp; &quot;c&quot;</text>');
    expect(svg).toContain('font-family="DejaVu Sans"');
  });
});
