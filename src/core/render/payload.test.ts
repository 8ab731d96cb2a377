import { deflateSync, inflateSync } from 'node:zlib';
import { buildScene, decodePayload, encodePayload, LayerInput, payloadBytes } from './payload';
import { SwathLayer } from './scene';
import { syntheticPass } from './synthetic';

const deflate = (b: Uint8Array) => new Uint8Array(deflateSync(b));
const inflate = (b: Uint8Array) => new Uint8Array(inflateSync(b));

describe('payload', () => {
  const p = syntheticPass({ lines: 2000 });
  const input: LayerInput = { kind: 'swath', lines: p.lines, pixels: p.pixels, lon: p.lon, lat: p.lat, value: p.value, cycle: 26, pass: 165, line0: 100, u: p.u, v: p.v };
  const options = { variable: { name: 'ssha_filtered', units: 'm' } };

  it('round-trips a swath: metre-level coordinates, values within the int16 step', async () => {
    const payload = JSON.parse(JSON.stringify(encodePayload([input], options, deflate)));
    const scene = await decodePayload(payload, inflate);
    const layer = scene.layers[0] as SwathLayer;
    let lonErr = 0;
    let latErr = 0;
    let valErr = 0;
    for (let k = 0; k < p.value.length; k++) {
      const dl = Math.abs(((layer.lon[k] - p.lon[k] + 540) % 360) - 180);
      lonErr = Math.max(lonErr, dl);
      latErr = Math.max(latErr, Math.abs(layer.lat[k] - p.lat[k]));
      if (p.value[k] === p.value[k]) valErr = Math.max(valErr, Math.abs(layer.value[k] - p.value[k]));
      else expect(layer.value[k]).toBeNaN();
    }
    expect(lonErr).toBeLessThan(1e-4); // ~10 m
    expect(latErr).toBeLessThan(1e-4);
    expect(valErr).toBeLessThan(1e-5);
    expect(layer).toMatchObject({ cycle: 26, pass: 165, line0: 100, lineStep: 1 });
    expect(layer.vectors!.u.length).toBeGreaterThan(0);
  });

  it('is compact: base64 of typed arrays, under 4 bytes per point, no JSON number lists', () => {
    const payload = encodePayload([input], options, deflate);
    const text = JSON.stringify(payload);
    expect(text).not.toMatch(/\[(\s*-?[\d.e+-]+\s*,){20,}/);
    expect(payloadBytes(payload).perPoint).toBeLessThan(4);
    expect(payload.points).toBe(2000 * 69);
  });

  it('sends coarse levels of detail as int16 coordinates over the layer range', async () => {
    const coarse = syntheticPass({ lines: 300, lineKm: 30, crossTrackKm: [-60, -30, 30, 60], velocities: false });
    const payload = encodePayload([{ kind: 'swath', lines: 300, pixels: 4, lon: coarse.lon, lat: coarse.lat, value: coarse.value }], options);
    expect((payload.layers[0] as { coordinates: { kind: string } }).coordinates.kind).toBe('direct');
    const layer = (await decodePayload(payload)).layers[0] as SwathLayer;
    for (let k = 0; k < coarse.lat.length; k++) expect(Math.abs(layer.lat[k] - coarse.lat[k])).toBeLessThan(0.01);
  });

  it('sets percentile limits (symmetric for diverging maps), the extent around the values', () => {
    const payload = encodePayload([input], options);
    expect(payload.colormap).toBe('Spectral_r');
    expect(payload.clim[0]).toBeCloseTo(-payload.clim[1]);
    expect(payload.climSource).toBe('percentile 5-95, symmetric');
    const fixed = encodePayload([input], { ...options, clim: [-0.2, 0.3], cmap: 'viridis' });
    expect(fixed.clim).toEqual([-0.2, 0.3]);
    expect(fixed.climSource).toBe('fixed');
    expect(payload.extent.y1 - payload.extent.y0).toBeLessThan(80);
  });

  it('carries grids and several layers; buildScene gives the same scene without a payload', async () => {
    const grid: LayerInput = { kind: 'grid', lon: [0, 1, 2], lat: [10, 11], value: [1, 2, 3, 4, 5, NaN] };
    const payload = encodePayload([grid, input], options, deflate);
    const scene = await decodePayload(payload, inflate);
    expect(scene.layers.map(l => l.kind)).toEqual(['grid', 'swath']);
    expect(Array.from(scene.layers[0].value)).toEqual([1, 2, 3, 4, 5, NaN]);
    const direct = buildScene([grid, input], options);
    expect(direct.clim).toEqual(scene.clim);
    expect(direct.extent).toEqual(scene.extent);
  });

  it('rejects inconsistent inputs, unknown colour maps and foreign payloads', async () => {
    expect(() => encodePayload([{ ...input, value: [1, 2] }], options)).toThrow(/value has 2 values/);
    expect(() => encodePayload([input], { ...options, cmap: 'jet' })).toThrow(RangeError);
    await expect(decodePayload({ version: 99 } as never)).rejects.toThrow(/version/);
  });
});
