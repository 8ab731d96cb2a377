/**
 * Colour maps as oceanographers draw SWOT data: anchor colours interpolated
 * linearly into a 256-entry RGBA lookup table.
 *
 * Sources of the anchors:
 * - `Spectral`, `RdBu`: the 11-class ColorBrewer schemes (Cynthia Brewer,
 *   Apache-2.0), which matplotlib interpolates the same way.
 * - `viridis`: 10 evenly spaced samples of the matplotlib map (CC0).
 * - `balance`, `speed`, `thermal`: 33 evenly spaced samples of the cmocean
 *   tables (Thyng et al. 2016, doi:10.5670/oceanog.2016.66, MIT licence).
 * - `gray`: black to white.
 * A `_r` suffix reverses any map (`Spectral_r`, `RdBu_r`, `gray_r`, ...).
 */

const ANCHORS: Record<string, string> = {
  Spectral: '9e0142 d53e4f f46d43 fdae61 fee08b ffffbf e6f598 abdda4 66c2a5 3288bd 5e4fa2',
  RdBu: '67001f b2182b d6604d f4a582 fddbc7 f7f7f7 d1e5f0 92c5de 4393c3 2166ac 053061',
  viridis: '440154 482878 3e4989 31688e 26828e 1f9e89 35b779 6ece58 b5de2b fde725',
  balance:
    '181c43 20275b 263276 293c93 2548b0 1059be 0f6abd 237aba 3888ba 4e95ba 65a2bc 7eaebf 98bac5 b0c5cd c7d2d7 dee0e1 ' +
    'f1eceb eadcd8 e3c9c1 ddb6aa d8a493 d2927c cd7f65 c76d50 c05a3c b9452c af3024 a11d25 901029 7b0e29 650f24 510d1c 3c0912',
  speed:
    'fffdcd f9f3bc f4eaab efe19a e9d889 e3cf77 dbc866 d3c155 c9ba45 beb436 b2af28 a5aa1c 98a512 8aa009 7c9c06 6e9707 ' +
    '5f920c 528d12 448818 36821e 287c23 1c7527 126e2a 0c672c 0b602d 0e582d 11512c 15492a 174127 193a23 19321e 192b19 172313',
  thermal:
    '042333 052943 082e54 0e3167 19337c 273491 39339e 49369f 563b9c 624198 6d4694 784b91 83508f 8e548c 995889 a55c86 ' +
    'b15f82 bb627d c76676 d36a6e de7065 e7765b ef7e52 f58749 f99242 fb9e3e fcaa3c fbb73d f9c441 f7d246 f3df4c eeed53 e8fa5b',
  gray: '000000 ffffff'
};

/** Names accepted by {@link colormap} (each also with `_r`). */
export const COLORMAP_NAMES: readonly string[] = Object.keys(ANCHORS).flatMap(n => [n, `${n}_r`]);

export interface Colormap {
  name: string;
  /** 256 x RGBA, alpha 255. */
  lut: Uint8Array;
  /** The anchors, as plotly colour-scale stops ([position, 'rgb(r,g,b)']). */
  stops: Array<[number, string]>;
}

const cache = new Map<string, Colormap>();

function parseAnchors(text: string): number[][] {
  return text.split(/\s+/).map(h => [0, 2, 4].map(i => parseInt(h.slice(i, i + 2), 16)));
}

/**
 * The colour map called `name` (`Spectral_r`, `balance`, `viridis_r`, ...).
 *
 * @example
 * const { lut } = colormap('Spectral_r'); // lut[4 * k .. 4 * k + 3] = RGBA of level k
 * @throws RangeError for an unknown name (the message lists the known ones)
 */
export function colormap(name: string): Colormap {
  const cached = cache.get(name);
  if (cached) {
    return cached;
  }
  const reversed = name.endsWith('_r');
  const base = reversed ? name.slice(0, -2) : name;
  const text = ANCHORS[base];
  if (text === undefined) {
    throw new RangeError(`unknown colour map "${name}" (known: ${COLORMAP_NAMES.join(', ')})`);
  }
  const anchors = parseAnchors(text);
  if (reversed) {
    anchors.reverse();
  }
  const n = anchors.length - 1;
  const lut = new Uint8Array(256 * 4);
  for (let k = 0; k < 256; k++) {
    const t = (k / 255) * n;
    const i = Math.min(n - 1, Math.floor(t));
    const f = t - i;
    for (let c = 0; c < 3; c++) {
      lut[4 * k + c] = Math.round(anchors[i][c] * (1 - f) + anchors[i + 1][c] * f);
    }
    lut[4 * k + 3] = 255;
  }
  const stops = anchors.map((rgb, i) => [i / n, `rgb(${rgb.join(',')})`] as [number, string]);
  const map = { name, lut, stops };
  cache.set(name, map);
  return map;
}

/**
 * The colour map users expect for a variable (the AVISO gallery's choices):
 * SSH anomalies `Spectral_r`, velocities and vorticity `balance`, speeds
 * `speed`, backscatter `gray_r`, everything else `viridis`.
 */
export function defaultColormap(variable: string, units?: string): string {
  const name = variable.toLowerCase();
  if (/sig(ma)?0|sig0/.test(name)) {
    return 'gray_r';
  }
  if (/speed|magnitude|eke|wind_speed|swh/.test(name)) {
    return 'speed';
  }
  if (/^(u|v)(gos|gosa|cur)|vort|ugos|vgos|ssha.*diff|_diff$|anomal/.test(name)) {
    return 'balance';
  }
  if (/ssh|sla|adt|mdt|height|ssha|tide|dac|calib/.test(name) || units === 'm') {
    return 'Spectral_r';
  }
  if (/sst|temp|thermal/.test(name)) {
    return 'thermal';
  }
  return 'viridis';
}
