/**
 * Galata UI tests in Debian's Chromium (Playwright cannot download browsers
 * here). The Jupyter server is the real one from the project's .venv, with the
 * extension installed by scripts/setup.sh.
 */
const path = require('path');
const baseConfig = require('@jupyterlab/galata/lib/playwright-config');

const PORT = Number(process.env.SWOT_UI_PORT || 8899);
const ROOT = path.resolve(__dirname, '..');
const jupyter = path.join(process.env.SWOT_VENV || path.join(ROOT, '.venv'), 'bin', 'jupyter');

// The server's root folder, known to the tests so that they can place real files in it
// (the contents API refuses Zarr's dot-files, as users' servers do).
// Beside it, outside the server root: a data root declared to the server (c.Swot.data_roots, as a
// hub administrator would for a shared archive linked into home) and a folder no root covers.
const fs = require('fs');
// SWOT_UI_TEST_DIR: another folder (bench/zoom.playwright.config.js), so that a benchmark never wipes a UI test run's.
const testDir = process.env.SWOT_UI_TEST_DIR || path.join(__dirname, '.jupyter-test');
const serverRoot = path.join(testDir, 'root');
const dataRoot = path.join(testDir, 'datalake');
const privateDir = path.join(testDir, 'private');
for (const dir of [serverRoot, dataRoot, privateDir]) {
  if (fs.existsSync(dir)) {
    fs.chmodSync(dir, 0o755);
    for (const entry of fs.readdirSync(dir, { recursive: true })) {
      const p = path.join(dir, entry);
      if (!fs.lstatSync(p).isSymbolicLink()) {
        fs.chmodSync(p, 0o755); // the tests leave read-only folders behind
      }
    }
  }
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
}
process.env.SWOT_UI_ROOT = serverRoot;
process.env.SWOT_UI_DATA_ROOT = dataRoot;
process.env.SWOT_UI_PRIVATE = privateDir;
process.env.SWOT_UI_SAMPLE = path.join(ROOT, 'data', 'sample');
const CMR_PORT = Number(process.env.SWOT_UI_CMR_PORT || 8897);
const MIRROR_TOKEN = 'ui-test-earthdata-token';
const MIRRORED = path.join(ROOT, 'data', 'sample', 'netcdf', 'L2_LR_SSH', 'Basic', 'cycle_026');
process.env.SWOT_UI_MIRRORED = MIRRORED;

module.exports = {
  ...baseConfig,
  testDir: './tests',
  outputDir: './test-results',
  retries: process.env.CI ? 1 : 0,
  workers: 1,
  timeout: 120000,
  reporter: [['list'], ['html', { open: 'never', outputFolder: 'playwright-report' }]],
  use: {
    ...baseConfig.use,
    baseURL: `http://localhost:${PORT}`,
    video: 'off',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run'
      ]
    }
  },
  webServer: [
    {
      // PO.DAAC on loopback for the downloads flow: the sample's L2 Basic cycle 26 published as
      // the catalog's collection, behind an Earthdata token, at about 2 MB/s per file (progress shows).
      command: `node ../scripts/podaac-mirror.mjs --folder "${MIRRORED}" --collection SWOT_L2_LR_SSH_BASIC_2.0 --token ${MIRROR_TOKEN} --port ${CMR_PORT} --rate 2000000`,
      cwd: __dirname,
      url: `http://127.0.0.1:${CMR_PORT}/search/granules.umm_json?short_name=none`,
      timeout: 60000,
      reuseExistingServer: false
    },
    {
      command: `"${jupyter}" lab --config jupyter_server_test_config.py --port ${PORT}`,
      cwd: __dirname,
      url: `http://localhost:${PORT}/lab`,
      timeout: 180000,
      reuseExistingServer: false,
      // The server's downloads reach the mirror with the token from the environment, as on a hub.
      env: {
        ...process.env,
        JUPYTERLAB_GALATA_ROOT_DIR: serverRoot,
        SWOT_CMR_URL: `http://127.0.0.1:${CMR_PORT}`,
        EARTHDATA_TOKEN: MIRROR_TOKEN,
        NETRC: path.join(testDir, 'no-netrc')
      }
    }
  ]
};
