declare const __SWOT_VERSION__: string;

/** Version of jupyterlab-swot (set at build time from package.json). */
export const version: string = typeof __SWOT_VERSION__ === 'string' ? __SWOT_VERSION__ : '0.0.0-dev';
