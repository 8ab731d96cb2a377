/**
 * Test helper (Node only): a real `jupyter server` from the
 * project's environment on one, with the lab's ServerConnection settings for it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { ServerConnection } from '@jupyterlab/services';
import { freePort } from './ports';

export { freePort };

export const JUPYTER = resolve(__dirname, '../../.venv/bin/jupyter');

export interface JupyterServer {
  baseUrl: string;
  settings: ServerConnection.ISettings;
  process: ChildProcess;
  /** Stop the server and wait for it to exit. */
  stop(): Promise<void>;
}

/**
 * `jupyter server` with `rootDir` as its root and `args` added (e.g. --Swot.data_roots=...),
 * answering /api/status within `timeoutMs`.
 */
export async function startJupyterServer(options: { rootDir: string; args?: string[]; env?: NodeJS.ProcessEnv; token?: string; timeoutMs?: number }): Promise<JupyterServer> {
  const token = options.token ?? 'swot-test-token';
  const port = await freePort();
  const child = spawn(
    JUPYTER,
    [
      'server',
      `--ServerApp.port=${port}`,
      '--ServerApp.ip=127.0.0.1',
      '--ServerApp.port_retries=0',
      `--ServerApp.token=${token}`,
      '--ServerApp.open_browser=False',
      '--ServerApp.allow_root=True',
      `--ServerApp.root_dir=${options.rootDir}`,
      ...(options.args ?? [])
    ],
    { stdio: 'ignore', env: options.env ?? process.env }
  );
  const baseUrl = `http://127.0.0.1:${port}/`;
  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise(done => child.once('exit', done));
      child.kill();
      await exited;
    }
  };
  const deadline = Date.now() + (options.timeoutMs ?? 30_000);
  for (;;) {
    const ok = await fetch(`${baseUrl}api/status?token=${token}`).then(
      r => r.ok,
      () => false
    );
    if (ok) break;
    if (child.exitCode !== null || Date.now() > deadline) {
      await stop();
      throw new Error(`jupyter server did not answer at ${baseUrl}${child.exitCode !== null ? ` (exited with ${child.exitCode})` : ''}`);
    }
    await new Promise(r => setTimeout(r, 200));
  }
  return { baseUrl, settings: ServerConnection.makeSettings({ baseUrl, wsUrl: `ws://127.0.0.1:${port}/`, token }), process: child, stop };
}
