/** Expand directories and glob patterns (*, ?, **) into sorted product file lists. */
import { readdir, stat } from 'node:fs/promises';
import { isAbsolute, join, resolve, sep } from 'node:path';

export function isGlob(pattern: string): boolean {
  return /[*?[]/.test(pattern);
}

function globToRegExp(pattern: string): RegExp {
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '*' && pattern[i + 1] === '*') {
      out += '.*';
      i++;
      if (pattern[i + 1] === '/') {
        i++;
        out += '/?';
      }
    } else if (c === '*') {
      out += '[^/]*';
    } else if (c === '?') {
      out += '[^/]';
    } else if (c === '[') {
      const end = pattern.indexOf(']', i);
      out += end > i ? pattern.slice(i, end + 1) : '\\[';
      i = end > i ? end : i;
    } else {
      out += c.replace(/[.+^${}()|\\]/g, '\\$&');
    }
  }
  return new RegExp(`^${out}$`);
}

async function walk(dir: string, out: string[], accept: (path: string) => boolean): Promise<void> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      // A Zarr store is a product, not a folder of products.
      if (entry.name.endsWith('.zarr')) {
        if (accept(path)) {
          out.push(path);
        }
      } else if (!entry.name.startsWith('.')) {
        await walk(path, out, accept);
      }
    } else if (accept(path)) {
      out.push(path);
    }
  }
}

/** Files matching a glob pattern (relative patterns resolve from the working directory). */
export async function expandGlob(pattern: string): Promise<string[]> {
  const absolute = isAbsolute(pattern) ? pattern : resolve(pattern);
  const parts = absolute.split(sep);
  const firstGlob = parts.findIndex(isGlob);
  const base = parts.slice(0, firstGlob).join(sep) || sep;
  const re = globToRegExp(parts.join('/'));
  const out: string[] = [];
  try {
    await stat(base);
  } catch {
    return [];
  }
  await walk(base, out, path => re.test(path.split(sep).join('/')));
  // Report paths as the user wrote them (relative stays relative).
  const prefix = isAbsolute(pattern) ? '' : resolve('.') + sep;
  return out.sort().map(p => (prefix && p.startsWith(prefix) ? p.slice(prefix.length) : p));
}

/** netCDF products under a directory, recursively (AVISO tree: cycle_CCC/...). */
export async function netcdfFilesUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  await walk(dir, out, path => path.endsWith('.nc'));
  return out.sort();
}
