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
const fs = require('fs');
const serverRoot = path.join(__dirname, '.jupyter-test', 'root');
fs.rmSync(serverRoot, { recursive: true, force: true });
fs.mkdirSync(serverRoot, { recursive: true });
process.env.SWOT_UI_ROOT = serverRoot;

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
  webServer: {
    command: `"${jupyter}" lab --config jupyter_server_test_config.py --port ${PORT}`,
    cwd: __dirname,
    url: `http://localhost:${PORT}/lab`,
    timeout: 180000,
    reuseExistingServer: false,
    env: { ...process.env, JUPYTERLAB_GALATA_ROOT_DIR: serverRoot }
  }
};
