/** Physical constants of the diagnostics (values as in the DUACS / SWOT L3 processing notes). */

/** Mean Earth radius R (IUGG), metres. */
export const EARTH_RADIUS = 6371008.8;

/** Gravity g, m s-2. */
export const GRAVITY = 9.81;

/** Earth's rotation rate Omega, rad s-1 (sidereal day). */
export const EARTH_ROTATION = 7.2921159e-5;

/** beta = df/dy at the equator used by Lagerloef et al. (1999), m-1 s-1. */
export const EQUATORIAL_BETA = 2.3e-11;

/** e-folding width of the Lagerloef et al. (1999) equatorial blend, degrees of latitude. */
export const LAGERLOEF_WIDTH = 2.2;

/** Default |latitude| below which geostrophic diagnostics are NaN, degrees. */
export const DEFAULT_LAT_MIN = 5;

export const DEG = Math.PI / 180;
