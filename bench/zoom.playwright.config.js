/**
 * The zoom-to-native-frame benchmark (bench/zoom.spec.ts) in the galata set-up
 * of the UI tests: the real JupyterLab server from the .venv, the tslab kernel,
 * Debian's Chromium. Run by bench/zoom.mjs, never by the test command.
 */
const path = require('path');
const ui = require('../ui-tests/playwright.config.js');

module.exports = {
  ...ui,
  testDir: __dirname,
  testMatch: 'zoom.spec.ts',
  outputDir: path.join(__dirname, '..', 'build', 'bench-zoom', 'results'),
  retries: 0,
  timeout: 300000,
  reporter: [['list']],
  use: { ...ui.use, trace: 'off' },
  // Only the Jupyter server: the downloads mirror serves nothing here.
  webServer: ui.webServer.filter(server => /jupyter/.test(server.command)).map(server => ({ ...server, cwd: path.join(__dirname, '..', 'ui-tests') }))
};
