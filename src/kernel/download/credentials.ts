/**
 * Where the download engine finds credentials: environment variables and a
 * .netrc file ($NETRC, else ~/.netrc), in the order earthaccess and the AVISO
 * tools use. Every credential carries a `source` that is safe to print (which
 * variable or which .netrc machine), never the secret itself, and every secret
 * read is registered in a Secrets registry so messages can be scrubbed.
 *
 * The .netrc parser is our own small one: no maintained netrc parser is among
 * the installed dependencies (and adding one needs the lead), and the format is
 * a handful of whitespace-separated tokens (machine/default/login/password/
 * account, macdef bodies skipped, "quoted" values, # comments).
 */
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { ProviderName } from '../../core/download/types';

export const DEFAULT_URS_URL = 'https://urs.earthdata.nasa.gov';
export const DEFAULT_THREDDS_HOST = 'tds-odatis.aviso.altimetry.fr';
export const DEFAULT_SFTP = 'ftp-access.aviso.altimetry.fr:2221';

export interface NetrcEntry {
  /** The machine name; undefined for the `default` entry. */
  machine?: string;
  login?: string;
  password?: string;
  account?: string;
}

export type Credentials =
  | { kind: 'bearer'; token: string; /** host[:port] the header may be sent to */ host: string; source: string }
  | { kind: 'basic'; username: string; password: string; /** host[:port] (or hostname) Basic auth may be sent to */ host: string; source: string };

export interface CredentialOptions {
  /** Environment to read (default process.env). */
  env?: Record<string, string | undefined>;
  /** A .netrc path (default $NETRC, else ~/.netrc). */
  netrc?: string;
  /** Where to register the secrets read (default the process-wide `secrets`). */
  secrets?: Secrets;
}

/** Known secrets, to scrub any text before it is shown or logged. */
export class Secrets {
  private readonly values = new Set<string>();

  add(...secrets: (string | undefined)[]): this {
    for (const secret of secrets) {
      if (!secret) continue;
      this.values.add(secret);
      // The forms a secret can take in a URL or a header.
      const encoded = encodeURIComponent(secret);
      if (encoded !== secret) this.values.add(encoded);
    }
    return this;
  }

  /** Register a user:password pair, including its Basic-auth (base64) form. */
  addBasic(username: string, password: string): this {
    this.add(password);
    if (password) this.values.add(Buffer.from(`${username}:${password}`).toString('base64'));
    return this;
  }

  redact(text: string): string {
    return redact(text, this.values);
  }

  get size(): number {
    return this.values.size;
  }
}

/** The process-wide registry credentialsFor fills by default. */
export const secrets = new Secrets();

/** Replace every occurrence of every secret (longest first) by '***'. */
export function redact(text: string, secretValues: Iterable<string>): string {
  const sorted = [...secretValues].filter(s => s.length > 0).sort((a, b) => b.length - a.length);
  let out = text;
  for (const secret of sorted) {
    out = out.split(secret).join('***');
  }
  return out;
}

/** Parse .netrc text. Unknown keywords are skipped, as curl does. */
export function parseNetrc(text: string): NetrcEntry[] {
  const entries: NetrcEntry[] = [];
  let current: NetrcEntry | undefined;
  let i = 0;
  const n = text.length;

  const skipSpace = (): void => {
    while (i < n) {
      const c = text[i];
      if (c === '#' && (i === 0 || text[i - 1] === '\n' || /\s/.test(text[i - 1]))) {
        while (i < n && text[i] !== '\n') i++;
      } else if (/\s/.test(c)) {
        i++;
      } else {
        break;
      }
    }
  };
  const token = (): string | undefined => {
    skipSpace();
    if (i >= n) return undefined;
    let out = '';
    if (text[i] === '"') {
      i++;
      while (i < n && text[i] !== '"') {
        if (text[i] === '\\' && i + 1 < n) i++;
        out += text[i++];
      }
      i++;
      return out;
    }
    while (i < n && !/\s/.test(text[i])) out += text[i++];
    return out;
  };

  for (let word = token(); word !== undefined; word = token()) {
    switch (word) {
      case 'machine':
        current = { machine: token() };
        entries.push(current);
        break;
      case 'default':
        current = {};
        entries.push(current);
        break;
      case 'login':
      case 'password':
      case 'account': {
        const value = token();
        if (current && value !== undefined) current[word] = value;
        break;
      }
      case 'macdef': {
        // A macro body runs to the first empty line.
        token();
        const end = text.indexOf('\n\n', i);
        i = end < 0 ? n : end + 2;
        break;
      }
      default:
        break;
    }
  }
  return entries;
}

/** The .netrc path: $NETRC, else ~/.netrc. */
export function netrcPath(env: Record<string, string | undefined> = process.env): string {
  return env.NETRC && env.NETRC.length > 0 ? env.NETRC : join(env.HOME || homedir(), '.netrc');
}

/** The entry for a machine (by hostname, no port), else the default entry. */
export function netrcLookup(entries: NetrcEntry[], hostname: string): NetrcEntry | undefined {
  return entries.find(e => e.machine === hostname) ?? entries.find(e => e.machine === undefined);
}

/** host[:port] of a URL or of a "host:port" string. */
export function hostOf(urlOrHost: string): string {
  try {
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(urlOrHost)) return new URL(urlOrHost).host;
  } catch {
    /* fall through */
  }
  return urlOrHost;
}

function hostnameOf(host: string): string {
  try {
    return new URL(`http://${host}`).hostname;
  } catch {
    return host.replace(/:\d+$/, '');
  }
}

/** host[:port] of the Earthdata login (URS) server: $SWOT_EARTHDATA_URS_URL (tests), else urs.earthdata.nasa.gov. */
export function ursHost(env: Record<string, string | undefined> = process.env): string {
  return hostOf(env.SWOT_EARTHDATA_URS_URL || DEFAULT_URS_URL);
}

function fromNetrc(path: string, host: string, registry: Secrets): Credentials | undefined {
  if (!existsSync(path)) return undefined;
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
  const hostname = hostnameOf(host);
  const entry = netrcLookup(parseNetrc(text), hostname);
  if (!entry || entry.login === undefined || entry.password === undefined) return undefined;
  registry.addBasic(entry.login, entry.password);
  const which = entry.machine === undefined ? 'default' : `machine ${entry.machine}`;
  return { kind: 'basic', username: entry.login, password: entry.password, host, source: `${path} (${which})` };
}

function fromEnv(env: Record<string, string | undefined>, user: string, pass: string, host: string, registry: Secrets): Credentials | undefined {
  const username = env[user];
  const password = env[pass];
  if (!username || !password) return undefined;
  registry.addBasic(username, password);
  return { kind: 'basic', username, password, host, source: `${user}/${pass}` };
}

/**
 * The credentials for a provider.
 * - podaac: EARTHDATA_TOKEN (bearer, for `host`, the download host), then
 *   EARTHDATA_USERNAME/EARTHDATA_PASSWORD, then .netrc machine
 *   urs.earthdata.nasa.gov (Basic, for the URS host only: the login flow).
 * - aviso: AVISO_USERNAME/AVISO_PASSWORD, then the .netrc machine for `host`
 *   (the THREDDS host or the SFTP host), Basic for that host.
 * Undefined when none is found.
 */
export function credentialsFor(provider: ProviderName, host: string, options: CredentialOptions = {}): Credentials | undefined {
  const env = options.env ?? process.env;
  const registry = options.secrets ?? secrets;
  const path = options.netrc ?? netrcPath(env);
  if (provider === 'podaac') {
    const token = env.EARTHDATA_TOKEN;
    if (token) {
      registry.add(token);
      return { kind: 'bearer', token, host: hostOf(host), source: 'EARTHDATA_TOKEN' };
    }
    const urs = ursHost(env);
    return fromEnv(env, 'EARTHDATA_USERNAME', 'EARTHDATA_PASSWORD', urs, registry) ?? fromNetrc(path, urs, registry);
  }
  const target = hostOf(host);
  return fromEnv(env, 'AVISO_USERNAME', 'AVISO_PASSWORD', target, registry) ?? fromNetrc(path, target, registry);
}

/** Whether credentials bound to `credentialHost` (host[:port], or a hostname for the default port) may go to `url`. */
export function hostMatches(credentialHost: string, url: URL): boolean {
  return credentialHost === url.host || (!credentialHost.includes(':') && credentialHost === url.hostname && url.port === '');
}

/** The Authorization header for a request to `url`: undefined unless the credentials are bound to its host. */
export function authorizationFor(credentials: Credentials | undefined, url: URL): string | undefined {
  if (!credentials || !hostMatches(credentials.host, url)) return undefined;
  return credentials.kind === 'bearer' ? `Bearer ${credentials.token}` : `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64')}`;
}

/** What to tell the user when no credentials are found (no secret in it, by construction). */
export function missingCredentialsHint(provider: ProviderName, host: string, env: Record<string, string | undefined> = process.env): string {
  const path = netrcPath(env);
  if (provider === 'podaac') {
    return `set EARTHDATA_TOKEN, or EARTHDATA_USERNAME and EARTHDATA_PASSWORD, or add "machine ${hostnameOf(ursHost(env))} login ... password ..." to ${path}`;
  }
  return `set AVISO_USERNAME and AVISO_PASSWORD, or add "machine ${hostnameOf(hostOf(host))} login ... password ..." to ${path}`;
}
