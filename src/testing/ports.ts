/** Test helpers (Node only): a free loopback port, a server listening on one. */
import { createServer, type AddressInfo, type Server } from 'node:net';

/** A TCP port nothing listens on (now) on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => done(port));
    });
    probe.on('error', fail);
  });
}

/** Listen on loopback (a free port unless `port` is given); resolves to http://127.0.0.1:PORT (no trailing slash). */
export function listenOnLoopback(server: Server, port = 0): Promise<string> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`));
  });
}
