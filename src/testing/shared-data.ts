/** Paths of the real reference data in ../shared/data (never copied into the repository). */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

export const SHARED_DATA = resolve(__dirname, '../../../shared/data');

export const REAL_L3 = resolve(
  SHARED_DATA,
  'real/l3/SWOT_L3_LR_SSH_Expert_026_165_20241229T165806_20241229T174933_v2.0.1.nc'
);

export const REAL_L4 = resolve(SHARED_DATA, 'real/l4_duacs/dt_global_allsat_phy_l4_20190101_20190515.nc');

if (!existsSync(REAL_L3)) {
  throw new Error(`reference data missing: ${REAL_L3} (the project expects ../shared beside it)`);
}
