/**
 * A loopback file server for the download tests and benchmarks: serves the
 * files of a folder with Range (206, Content-Range, ETag, If-Range), HEAD,
 * Basic or Bearer auth, an Earthdata-like login host (URS) with a session
 * cookie, a redirect to a second "signed URL" host on another port, fault
 * injection per file, and a log of every request.
 *
 * Three node:http servers on 127.0.0.1: `url` (the provider), `signedUrl`
 * (where a signed redirect goes; answers 400 to any Authorization header) and
 * `ursUrl` (the login host).
 */
import { createReadStream, statSync } from 'node:fs';
import * as http from 'node:http';
import { join, normalize, sep } from 'node:path';
import { listenOnLoopback } from './ports';

export interface Fault {
  /** On the first GET only: send this many body bytes, then destroy the connection. */
  dropAfter?: number;
  /** On every GET: flip the byte at this offset of the file (default: the middle). */
  corrupt?: boolean | number;
  /** Answer the first N GETs with `failStatus` (default 500). */
  failTimes?: number;
  failStatus?: number;
  /** Retry-After header (seconds) on those failures. */
  retryAfter?: number;
  /** Answer 200 with the whole file whatever the Range. */
  ignoreRange?: boolean;
  /** On the first GET only: send this many body bytes, then go silent (connection left open). */
  stallAfter?: number;
  /** Send the body at about this many bytes per second (every GET). */
  bytesPerSecond?: number;
}

export interface GranuleServerOptions {
  /** The folder served under /files/. */
  root: string;
  /** Require Basic auth on the provider host (the THREDDS case). */
  basic?: { username: string; password: string };
  /** Require this bearer token on the provider host (EARTHDATA_TOKEN case). */
  bearer?: string;
  /** Earthdata-like login: without the session cookie the provider host redirects to the URS host, which checks Basic auth. */
  urs?: { username: string; password: string };
  /** The provider host answers file GETs with a 302 to the signed host (Authorization must not follow). */
  signedRedirect?: boolean;
  /** Faults by file name (path under root). */
  faults?: Record<string, Fault>;
  /** URL path the files of root are served under (default '/files/'). */
  filesPrefix?: string;
  /** Answers the provider host's other paths (after its auth check), e.g. THREDDS catalogs; 404 otherwise. */
  otherRoute?: (path: string, res: http.ServerResponse) => void;
}

export interface LoggedRequest {
  server: 'provider' | 'signed' | 'urs';
  method: string;
  /** Path and query. */
  path: string;
  range?: string;
  ifRange?: string;
  /** The Authorization header as received (tests assert where it went). */
  authorization?: string;
  cookie?: string;
  status: number;
}

export interface GranuleServer {
  /** Base URL of the provider host; files are at `${url}${filesPrefix}NAME`. */
  url: string;
  signedUrl: string;
  ursUrl: string;
  log: LoggedRequest[];
  faults: Record<string, Fault>;
  /** URL of a file (NAME relative to root, '/' separated). */
  fileUrl(name: string): string;
  /** Requests to one file's path on any host. */
  requestsFor(name: string, method?: string): LoggedRequest[];
  close(): Promise<void>;
}

const SESSION = 'urs_session=granted';

function basicOk(header: string | undefined, user: { username: string; password: string }): boolean {
  return header === `Basic ${Buffer.from(`${user.username}:${user.password}`).toString('base64')}`;
}

export async function startGranuleServer(options: GranuleServerOptions): Promise<GranuleServer> {
  const log: LoggedRequest[] = [];
  const faults: Record<string, Fault> = { ...(options.faults ?? {}) };
  const gets = new Map<string, number>();
  const sockets = new Set<import('node:net').Socket>();
  const codes = new Set<string>();
  const prefix = options.filesPrefix ?? '/files/';
  let providerUrl = '';
  let signedUrl = '';
  let ursUrl = '';

  const record = (server: LoggedRequest['server'], req: http.IncomingMessage, res: http.ServerResponse): void => {
    const entry: LoggedRequest = {
      server,
      method: req.method ?? 'GET',
      path: req.url ?? '/',
      range: req.headers.range,
      ifRange: req.headers['if-range'] as string | undefined,
      authorization: req.headers.authorization,
      cookie: req.headers.cookie,
      status: 0
    };
    log.push(entry);
    res.on('finish', () => (entry.status = res.statusCode));
    res.on('close', () => (entry.status ||= res.statusCode));
  };

  const fileOf = (prefix: string, path: string): string | undefined => {
    const rel = decodeURIComponent(path.split('?')[0].slice(prefix.length));
    const full = normalize(join(options.root, rel));
    return full.startsWith(normalize(options.root) + sep) ? rel : undefined;
  };

  /** Serve a file with Range, HEAD and the faults. */
  const serve = (rel: string, req: http.IncomingMessage, res: http.ServerResponse): void => {
    const full = join(options.root, rel);
    let size: number;
    let mtime: number;
    try {
      const s = statSync(full);
      if (!s.isFile()) throw new Error('not a file');
      size = s.size;
      mtime = s.mtimeMs;
    } catch {
      res.writeHead(404).end('not found');
      return;
    }
    const fault = faults[rel] ?? {};
    const etag = `"${size.toString(16)}-${Math.floor(mtime).toString(16)}"`;
    const lastModified = new Date(mtime).toUTCString();
    const head = req.method === 'HEAD';
    let nth = 0;
    if (!head) {
      nth = (gets.get(rel) ?? 0) + 1;
      gets.set(rel, nth);
      if (fault.failTimes && nth <= fault.failTimes) {
        const headers: Record<string, string> = fault.retryAfter !== undefined ? { 'retry-after': String(fault.retryAfter) } : {};
        res.writeHead(fault.failStatus ?? 500, headers).end('injected failure');
        return;
      }
    }
    let start = 0;
    let end = size - 1;
    let status = 200;
    const range = req.headers.range;
    const ifRange = req.headers['if-range'] as string | undefined;
    const rangeApplies = range && !fault.ignoreRange && (!ifRange || ifRange === etag || ifRange === lastModified);
    if (rangeApplies) {
      const m = /^bytes=(\d*)-(\d*)$/.exec(range!);
      if (m && m[1] !== '') {
        start = Number(m[1]);
        end = m[2] !== '' ? Math.min(Number(m[2]), size - 1) : size - 1;
        if (start >= size) {
          res.writeHead(416, { 'content-range': `bytes */${size}` }).end();
          return;
        }
        status = 206;
      }
    }
    const headers: Record<string, string | number> = {
      'content-length': end - start + 1,
      'accept-ranges': 'bytes',
      etag,
      'last-modified': lastModified,
      'content-type': 'application/x-netcdf'
    };
    if (status === 206) headers['content-range'] = `bytes ${start}-${end}/${size}`;
    res.writeHead(status, headers);
    if (head) {
      res.end();
      return;
    }
    const corruptAt = fault.corrupt === true ? Math.floor(size / 2) : typeof fault.corrupt === 'number' ? fault.corrupt : -1;
    const dropAfter = nth === 1 ? fault.dropAfter : undefined;
    const stallAfter = nth === 1 ? fault.stallAfter : undefined;
    const cut = dropAfter ?? stallAfter;
    void (async () => {
      let sent = 0;
      let position = start;
      let gone = false;
      res.on('close', () => (gone = true));
      const chunkSize = fault.bytesPerSecond ? Math.max(1024, Math.min(16 * 1024, Math.floor(fault.bytesPerSecond / 20))) : 64 * 1024;
      try {
        for await (const chunk of createReadStream(full, { start, end, highWaterMark: chunkSize })) {
          if (gone) return;
          let buffer = chunk as Buffer;
          if (corruptAt >= position && corruptAt < position + buffer.length) {
            buffer = Buffer.from(buffer);
            buffer[corruptAt - position] ^= 0xff;
          }
          position += buffer.length;
          if (cut !== undefined && sent + buffer.length >= cut) {
            res.write(buffer.subarray(0, cut - sent));
            // Drop: let the bytes leave, then cut the connection. Stall: say nothing more.
            if (dropAfter !== undefined) setTimeout(() => res.socket?.destroy(), 20);
            return;
          }
          sent += buffer.length;
          if (!res.write(buffer)) await new Promise(resolve => res.once('drain', resolve));
          if (fault.bytesPerSecond) await new Promise(resolve => setTimeout(resolve, (buffer.length / fault.bytesPerSecond!) * 1000));
        }
        res.end();
      } catch {
        res.destroy();
      }
    })();
  };

  const provider = http.createServer((req, res) => {
    record('provider', req, res);
    const path = req.url ?? '/';
    if (path.startsWith('/redirect')) {
      // The end of the login flow: URS sends the browser back with a code.
      const u = new URL(path, providerUrl);
      const code = u.searchParams.get('code') ?? '';
      if (!codes.has(code)) {
        res.writeHead(401).end('bad code');
        return;
      }
      res.writeHead(302, { 'set-cookie': `${SESSION}; Path=/; HttpOnly`, location: u.searchParams.get('state') ?? '/' }).end();
      return;
    }
    const underFiles = path.startsWith(prefix);
    if (!underFiles && !options.otherRoute) {
      res.writeHead(404).end();
      return;
    }
    if (options.bearer !== undefined && req.headers.authorization !== `Bearer ${options.bearer}`) {
      res.writeHead(401, { 'www-authenticate': 'Bearer' }).end('bad token');
      return;
    }
    if (options.basic && !basicOk(req.headers.authorization, options.basic)) {
      res.writeHead(401, { 'www-authenticate': 'Basic realm="THREDDS"' }).end('login required');
      return;
    }
    if (options.urs && !(req.headers.cookie ?? '').includes(SESSION)) {
      const back = new URL('/redirect', providerUrl).href;
      const location = `${ursUrl}/oauth/authorize?client_id=test&response_type=code&redirect_uri=${encodeURIComponent(back)}&state=${encodeURIComponent(path)}`;
      res.writeHead(302, { location }).end();
      return;
    }
    if (!underFiles) {
      options.otherRoute!(decodeURIComponent(path.split('?')[0]), res);
      return;
    }
    const rel = fileOf(prefix, path);
    if (rel === undefined) {
      res.writeHead(404).end();
      return;
    }
    if (options.signedRedirect) {
      res.writeHead(302, { location: `${signedUrl}/signed/${encodeURIComponent(rel).replace(/%2F/g, '/')}?X-Amz-Signature=abc123` }).end();
      return;
    }
    serve(rel, req, res);
  });

  const signed = http.createServer((req, res) => {
    record('signed', req, res);
    if (req.headers.authorization) {
      res.writeHead(400).end('Authorization must not reach the signed host');
      return;
    }
    const rel = fileOf('/signed/', req.url ?? '/');
    if (rel === undefined) {
      res.writeHead(404).end();
      return;
    }
    serve(rel, req, res);
  });

  const urs = http.createServer((req, res) => {
    record('urs', req, res);
    const u = new URL(req.url ?? '/', ursUrl);
    if (u.pathname !== '/oauth/authorize') {
      res.writeHead(404).end();
      return;
    }
    if (!options.urs || !basicOk(req.headers.authorization, options.urs)) {
      res.writeHead(401, { 'www-authenticate': 'Basic realm="Earthdata Login"' }).end('bad login');
      return;
    }
    const code = `code${codes.size + 1}`;
    codes.add(code);
    const back = new URL(u.searchParams.get('redirect_uri') ?? '/');
    back.searchParams.set('code', code);
    back.searchParams.set('state', u.searchParams.get('state') ?? '/');
    res.writeHead(302, { location: back.href }).end();
  });

  for (const s of [provider, signed, urs]) s.on('connection', socket => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  providerUrl = await listenOnLoopback(provider);
  signedUrl = await listenOnLoopback(signed);
  ursUrl = await listenOnLoopback(urs);

  return {
    url: providerUrl,
    signedUrl,
    ursUrl,
    log,
    faults,
    fileUrl: name => `${providerUrl}${prefix}${name.split('/').map(encodeURIComponent).join('/')}`,
    requestsFor: (name, method) =>
      log.filter(r => (decodeURIComponent(r.path.split('?')[0]) === `${prefix}${name}` || r.path.split('?')[0] === `/signed/${name}`) && (!method || r.method === method)),
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await Promise.all([provider, signed, urs].map(s => new Promise<void>(resolve => s.close(() => resolve()))));
    }
  };
}
