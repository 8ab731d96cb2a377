/**
 * Geostrophic diagnostics of a sea surface height field on a swath or a
 * regular grid, in one call: velocities, vorticity, strain, Okubo-Weiss,
 * kinetic energy, with CF metadata. The method is the one of the
 * diagnostics notes (9-point index derivatives, local Jacobian on the
 * sphere, u = -g/f dh/dn, v = g/f dh/de); the kernels are in this folder.
 */

import { Attributes } from '../dataset';
import { DecodedVariable } from '../decoded';
import { DEFAULT_LAT_MIN, EQUATORIAL_BETA, EARTH_RADIUS, EARTH_ROTATION, GRAVITY, LAGERLOEF_WIDTH } from './constants';
import { divideByCoriolis } from './coriolis';
import { eastNorthGradient, velocityGradient } from './east-north';
import { geostrophicVelocity, Velocity } from './geostrophy';
import { allocate, scratchArena, withArena } from './arena';
import { asFloat64 } from './index-derivative';
import { expandGrid, inverseJacobian } from './jacobian';
import { kineticEnergy } from './kinetic-energy';
import { lagerloefVelocity } from './lagerloef';
import { DIAGNOSTIC_NAMES, diagnosticAttributes, DiagnosticName, diagnosticVariableName, HeightKind } from './metadata';
import { okuboWeiss } from './okubo-weiss';
import { normalStrain, shearStrain, totalStrain } from './strain';
import { relativeVorticity } from './vorticity';

/** How the equatorial band is treated. */
export type EquatorMethod = 'nan' | 'lagerloef';

export interface DiagnosticsInput<W extends DiagnosticName = DiagnosticName> {
  /** Latitudes in degrees: 2-D like `h` (swath), or 1-D of length shape[0] (regular grid). */
  lat: ArrayLike<number>;
  /** Longitudes in degrees, any convention: 2-D like `h`, or 1-D of length shape[1]. */
  lon: ArrayLike<number>;
  /** Sea surface height in metres, C order, NaN where missing. */
  h: ArrayLike<number>;
  /** [num_lines, num_pixels] (swath) or [num_lat, num_lon] (grid). */
  shape: readonly [number, number] | readonly number[];
  /** Fields to compute (default ['u', 'v']). */
  what?: readonly W[];
  /** |lat| (degrees) below which velocities ('nan') and the /f fields (both methods) are NaN; default 5. */
  latMin?: number;
  /** 'nan' (default): NaN below latMin; 'lagerloef': Lagerloef et al. (1999) blend across the equator. */
  equator?: EquatorMethod;
  /** 'anomaly' (default, h = SSHA) or 'absolute' (h = SSHA + MDT or SSH - geoid). */
  height?: HeightKind;
  /** Recorded in the attributes, e.g. 'ssha_filtered + mdt'. */
  heightSource?: string;
  /** Dimension names of the outputs (default num_lines/num_pixels, or latitude/longitude for 1-D coordinates). */
  dims?: [string, string];
}

/** One output: a decoded variable (ready to add to a DecodedDataset and save) holding float64 data. */
export interface DiagnosticVariable extends DecodedVariable {
  data: Float64Array;
}

/** The fields asked for, each a float64 variable with CF attributes. */
export type Diagnostics<W extends DiagnosticName = DiagnosticName> = Record<W, DiagnosticVariable>;

function checkInput(input: DiagnosticsInput): { grid: boolean; n: number } {
  const { lat, lon, h, shape } = input;
  for (const [name, value] of [
    ['latitude (lat)', lat],
    ['longitude (lon)', lon],
    ['height (h)', h]
  ] as const) {
    if (value === undefined || value === null || typeof (value as ArrayLike<number>).length !== 'number') {
      throw new RangeError(`computeDiagnostics: ${name} is missing`);
    }
  }
  if (!shape || shape.length !== 2 || !shape.every(s => Number.isInteger(s) && s >= 0)) {
    throw new RangeError(`computeDiagnostics: shape must be [num_lines, num_pixels], got ${JSON.stringify(shape)}`);
  }
  const n = shape[0] * shape[1];
  if (h.length !== n) {
    throw new RangeError(`computeDiagnostics: h has ${h.length} values, shape [${shape.join(', ')}] needs ${n}`);
  }
  const swath = lat.length === n && lon.length === n;
  const grid = lat.length === shape[0] && lon.length === shape[1];
  if (!swath && !grid) {
    throw new RangeError(
      `computeDiagnostics: latitude has ${lat.length} values and longitude ${lon.length}; shape [${shape.join(', ')}] ` +
        `needs ${n} each (2-D swath) or ${shape[0]} latitudes and ${shape[1]} longitudes (1-D grid)`
    );
  }
  for (const w of input.what ?? []) {
    if (!(DIAGNOSTIC_NAMES as readonly string[]).includes(w)) {
      throw new RangeError(`computeDiagnostics: unknown diagnostic '${w}' (known: ${DIAGNOSTIC_NAMES.join(', ')})`);
    }
  }
  const latMin = input.latMin ?? DEFAULT_LAT_MIN;
  if (!(latMin > 0)) {
    throw new RangeError(`computeDiagnostics: latMin must be a positive number of degrees, got ${latMin}`);
  }
  if (input.equator !== undefined && input.equator !== 'nan' && input.equator !== 'lagerloef') {
    throw new RangeError(`computeDiagnostics: equator must be 'nan' or 'lagerloef', got '${input.equator}'`);
  }
  if (input.height !== undefined && input.height !== 'anomaly' && input.height !== 'absolute') {
    throw new RangeError(`computeDiagnostics: height must be 'anomaly' or 'absolute', got '${input.height}'`);
  }
  return { grid: !swath, n };
}

/** values / f in place, NaN where |lat| < latMin (the local Rossby number of a field). */
function perCoriolis(values: Float64Array, lat: ArrayLike<number>, latMin: number): Float64Array {
  divideByCoriolis(values, lat, values);
  for (let p = 0; p < values.length; p++) {
    if (!(Math.abs(lat[p]) >= latMin)) values[p] = NaN;
  }
  return values;
}

/**
 * Compute geostrophic diagnostics of `h` on a swath (2-D lat/lon) or a
 * regular grid (1-D lat and lon).
 *
 * - u, v (m s-1): named ugosa/vgosa (height 'anomaly') or ugos/vgos ('absolute').
 * - vorticity, normal_strain, shear_strain, strain: divided by the local f
 *   (units "1"), NaN where |lat| < latMin whatever the equator method.
 * - okubo_weiss (s-2), ke ((u^2 + v^2)/2, m2 s-2), speed (m s-1).
 *
 * NaN and edge cases: missing heights stay NaN and only shorten the stencils
 * of their neighbours (see indexDerivative); all-NaN input gives all-NaN
 * outputs; a swath of one line (or a grid of one row or column) has no
 * derivative along that axis, so every output is NaN; an empty swath gives
 * empty outputs. Longitudes may cross the 0/360 seam or the dateline.
 *
 * @throws RangeError when lat, lon or h is missing, lengths do not match
 * `shape`, a name in `what` is unknown, or an option is out of range.
 *
 * @example
 * ```ts
 * const d = computeDiagnostics({
 *   lat: latitude, lon: longitude, h: ssha, shape: [9860, 69],
 *   what: ['u', 'v', 'vorticity', 'okubo_weiss']
 * });
 * d.u.name; // 'ugosa'
 * d.vorticity.attrs.units; // '1'
 * ```
 */
/** Lines per block and halo (rows each side: three derivative stages of 4 rows in the Lagerloef path). */
const BLOCK_LINES = 512;
const HALO = 12;

interface FieldOptions {
  what: Set<DiagnosticName>;
  latMin: number;
  equator: EquatorMethod;
}

type Outputs = Partial<Record<DiagnosticName, Float64Array>>;

/**
 * Every asked field on lat/lon/h of one block (2-D of `shape`), written for its lines
 * [core[0], core[1]) only into `out` (one array per asked field, of those lines): the
 * block's other lines are its halo, needed by the stencils but computed by its neighbours.
 */
function fields(lat: Float64Array, lon: Float64Array, h: Float64Array, shape: [number, number], o: FieldOptions, core: [number, number], out: Outputs): void {
  const latMin = o.latMin;
  const pixels = shape[1];
  const cut = (x: Float64Array) => x.subarray(core[0] * pixels, core[1] * pixels);
  // The Jacobian only where there is a height: every output elsewhere is NaN.
  const jac = inverseJacobian(lat, lon, shape, h);
  const g1 = eastNorthGradient(h, jac);
  let velocity: Velocity;
  if (o.equator === 'lagerloef') {
    const g2 = eastNorthGradient(g1.dN, jac);
    velocity = lagerloefVelocity(g1.dE, g1.dN, g2.dN, g2.dE, lat);
  } else {
    velocity = geostrophicVelocity(g1.dE, g1.dN, lat, latMin);
  }
  const [u, v] = [cut(velocity.u), cut(velocity.v)];
  const latCore = cut(lat);
  out.u?.set(u);
  out.v?.set(v);
  if (out.ke || out.speed) {
    const ke = kineticEnergy(u, v, out.ke ?? allocate(u.length));
    if (out.speed) for (let p = 0; p < ke.length; p++) out.speed[p] = Math.sqrt(2 * ke[p]);
  }
  if (out.vorticity || out.normal_strain || out.shear_strain || out.strain || out.okubo_weiss) {
    const full = velocityGradient(velocity.u, velocity.v, jac);
    const grad = { dudE: cut(full.dudE), dudN: cut(full.dudN), dvdE: cut(full.dvdE), dvdN: cut(full.dvdN) };
    if (out.vorticity) perCoriolis(relativeVorticity(grad, out.vorticity), latCore, latMin);
    if (out.normal_strain) perCoriolis(normalStrain(grad, out.normal_strain), latCore, latMin);
    if (out.shear_strain) perCoriolis(shearStrain(grad, out.shear_strain), latCore, latMin);
    if (out.strain) {
      const strain = perCoriolis(totalStrain(grad, out.strain), latCore, latMin);
      for (let p = 0; p < strain.length; p++) strain[p] = Math.abs(strain[p]);
    }
    if (out.okubo_weiss) okuboWeiss(grad, out.okubo_weiss);
  }
}

/**
 * The fields block of lines by block of lines, each block with HALO lines of
 * its neighbours (a value depends on the lines within 12 of it only), so the
 * temporaries of a block (Jacobian, gradients) stay small and are reused
 * block after block (arena.ts): a full 2 km pass computed whole took fresh
 * 5 MB arrays from the system page by page, and a 250 m pass no longer needs
 * a dozen arrays of its whole size. Each block writes its own lines of the
 * outputs in place (no copy, nothing computed twice but the temporaries of the halo).
 */
function blockedFields(lat: Float64Array, lon: Float64Array, h: Float64Array, shape: [number, number], grid: boolean, o: FieldOptions): Outputs {
  const [lines, pixels] = shape;
  const out: Outputs = {};
  for (const w of o.what) out[w] = new Float64Array(lines * pixels);
  const coords = (a: number, b: number) =>
    grid ? expandGrid(sliceOf(lat, a, b), lon) : { lat: lat.subarray(a * pixels, b * pixels), lon: lon.subarray(a * pixels, b * pixels) };
  const slab = (a: number, b: number): Outputs => Object.fromEntries(Object.entries(out).map(([w, x]) => [w, x!.subarray(a * pixels, b * pixels)]));
  if (lines <= BLOCK_LINES + 2 * HALO) {
    const c = coords(0, lines);
    fields(c.lat, c.lon, h, shape, o, [0, lines], out);
    return out;
  }
  const arena = scratchArena((BLOCK_LINES + 2 * HALO) * pixels);
  for (let a = 0; a < lines; a += BLOCK_LINES) {
    const b = Math.min(lines, a + BLOCK_LINES);
    const [ra, rb] = [Math.max(0, a - HALO), Math.min(lines, b + HALO)];
    withArena(arena, () => {
      const c = coords(ra, rb);
      fields(c.lat, c.lon, h.subarray(ra * pixels, rb * pixels), [rb - ra, pixels], o, [a - ra, b - ra], slab(a, b));
    });
  }
  return out;
}

/** Values [a, b) of an array: a view of a typed array, a copy of anything else. */
function sliceOf(values: ArrayLike<number>, a: number, b: number): ArrayLike<number> {
  if (ArrayBuffer.isView(values)) return (values as unknown as Float64Array).subarray(a, b);
  return Array.prototype.slice.call(values, a, b) as number[];
}

export function computeDiagnostics<W extends DiagnosticName = 'u' | 'v'>(input: DiagnosticsInput<W>): Diagnostics<W> {
  const { grid } = checkInput(input);
  const shape: [number, number] = [input.shape[0], input.shape[1]];
  const what = new Set<DiagnosticName>(input.what ?? ['u', 'v']);
  const latMin = input.latMin ?? DEFAULT_LAT_MIN;
  const equator = input.equator ?? 'nan';
  const height = input.height ?? 'anomaly';
  const dims = input.dims ?? (grid ? ['latitude', 'longitude'] : ['num_lines', 'num_pixels']);
  const data = blockedFields(asFloat64(input.lat), asFloat64(input.lon), asFloat64(input.h), shape, grid, { what, latMin, equator });

  const method: Attributes = {
    height_kind: height,
    ...(input.heightSource ? { height_source: input.heightSource } : {}),
    equator_method:
      equator === 'lagerloef'
        ? `Lagerloef et al. (1999) blend, w = exp(-(lat/${LAGERLOEF_WIDTH} deg)^2), beta = ${EQUATORIAL_BETA} m-1 s-1`
        : `NaN where |lat| < ${latMin} deg`,
    comment:
      '9-point centred index derivatives (Arbic et al. 2012) falling back to 7/5/3 points and one-sided ' +
      `differences at gaps, local Jacobian of the lat/lon grid on a sphere of radius ${EARTH_RADIUS} m; ` +
      `u = -g/f dh/dn, v = g/f dh/de, g = ${GRAVITY} m s-2, f = 2 Omega sin(lat), Omega = ${EARTH_ROTATION} s-1`
  };
  const out = {} as Record<DiagnosticName, DiagnosticVariable>;
  for (const w of what) {
    out[w] = {
      name: diagnosticVariableName(w, height),
      dims: [...dims],
      shape: [...shape],
      data: data[w]!,
      attrs: diagnosticAttributes(w, height, method),
      encoding: { dtype: 'float64' }
    };
  }
  return out as Diagnostics<W>;
}

/**
 * Geostrophic velocities only: `computeDiagnostics` with what = ['u', 'v'].
 *
 * @throws RangeError as computeDiagnostics.
 *
 * @example
 * ```ts
 * const { u, v } = geostrophy({ lat, lon, h: ssha, shape: [lines, 69] });
 * ```
 */
export function geostrophy(input: Omit<DiagnosticsInput<'u' | 'v'>, 'what'>): Diagnostics<'u' | 'v'> {
  return computeDiagnostics({ ...input, what: ['u', 'v'] });
}
