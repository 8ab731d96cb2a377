/** CF metadata of the diagnostics (names from the CF standard name table where one exists). */

import { Attributes } from '../dataset';

/** Fields `computeDiagnostics` can produce. */
export const DIAGNOSTIC_NAMES = [
  'u',
  'v',
  'speed',
  'vorticity',
  'normal_strain',
  'shear_strain',
  'strain',
  'okubo_weiss',
  'ke'
] as const;

export type DiagnosticName = (typeof DIAGNOSTIC_NAMES)[number];

/**
 * Which height the velocities come from: 'anomaly' (SSHA: ugosa/vgosa) or
 * 'absolute' (SSHA + MDT, or SSH - geoid: ugos/vgos).
 */
export type HeightKind = 'anomaly' | 'absolute';

interface FieldMeta {
  name: (height: HeightKind) => string;
  attrs: (height: HeightKind) => Attributes;
}

const OF_VELOCITY = (height: HeightKind) => (height === 'anomaly' ? 'geostrophic velocity anomaly' : 'absolute geostrophic velocity');

// CF: the anomaly velocities' canonical name is "..._assuming_mean_sea_level_for_geoid";
// SWOT L3 files use its alias "..._assuming_sea_level_for_geoid".
const VELOCITY = (component: 'eastward' | 'northward', short: 'u' | 'v'): FieldMeta => ({
  name: height => `${short}gos${height === 'anomaly' ? 'a' : ''}`,
  attrs: height => ({
    standard_name:
      `surface_geostrophic_${component}_sea_water_velocity` +
      (height === 'anomaly' ? '_assuming_mean_sea_level_for_geoid' : ''),
    long_name: `${height === 'anomaly' ? 'Geostrophic velocity anomaly' : 'Absolute geostrophic velocity'}: ${component} component`,
    units: 'm s-1'
  })
});

const NORMALISED = (what: string): FieldMeta['attrs'] => height => ({
  long_name: `${what} of the ${OF_VELOCITY(height)}, normalised by the local Coriolis parameter f`,
  units: '1'
});

const FIELDS: Record<DiagnosticName, FieldMeta> = {
  u: VELOCITY('eastward', 'u'),
  v: VELOCITY('northward', 'v'),
  speed: {
    name: () => 'speed',
    attrs: height => ({ long_name: `speed of the ${OF_VELOCITY(height)}`, units: 'm s-1' })
  },
  vorticity: { name: () => 'vorticity', attrs: NORMALISED('relative vorticity (dv/de - du/dn)') },
  normal_strain: { name: () => 'normal_strain', attrs: NORMALISED('normal strain (du/de - dv/dn)') },
  shear_strain: { name: () => 'shear_strain', attrs: NORMALISED('shear strain (dv/de + du/dn)') },
  strain: { name: () => 'strain', attrs: NORMALISED('total strain sqrt(Sn^2 + Ss^2)') },
  okubo_weiss: {
    name: () => 'okubo_weiss',
    attrs: height => ({ long_name: `Okubo-Weiss parameter Sn^2 + Ss^2 - zeta^2 of the ${OF_VELOCITY(height)}`, units: 's-2' })
  },
  ke: {
    name: () => 'ke',
    attrs: height => ({ long_name: `kinetic energy per unit mass (u^2 + v^2)/2 of the ${OF_VELOCITY(height)}`, units: 'm2 s-2' })
  }
};

/**
 * Variable name of a diagnostic (ugosa/vgosa or ugos/vgos for u and v).
 *
 * @example
 * ```ts
 * diagnosticVariableName('u', 'absolute'); // 'ugos'
 * ```
 */
export function diagnosticVariableName(what: DiagnosticName, height: HeightKind): string {
  return FIELDS[what].name(height);
}

/**
 * CF attributes of a diagnostic, plus how it was computed.
 *
 * @example
 * ```ts
 * diagnosticAttributes('vorticity', 'anomaly', {}).units; // '1'
 * ```
 */
export function diagnosticAttributes(what: DiagnosticName, height: HeightKind, method: Attributes): Attributes {
  return { ...FIELDS[what].attrs(height), ...method };
}
