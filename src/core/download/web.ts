/**
 * URL and URLSearchParams, globals in browsers and Node >= 18, reached
 * through globalThis with the members the search uses: src/core is compiled
 * without the DOM and Node type libraries, and src/core/platform.d.ts does
 * not declare them (declaring them here would clash with those libraries in
 * the kernel and lab builds).
 */

export interface UrlLike {
  href: string;
  origin: string;
  pathname: string;
  username: string;
  password: string;
  readonly searchParams: SearchParamsLike;
  toString(): string;
}

export interface SearchParamsLike {
  append(name: string, value: string): void;
  set(name: string, value: string): void;
  get(name: string): string | null;
  getAll(name: string): string[];
  has(name: string): boolean;
  keys(): IterableIterator<string>;
  entries(): IterableIterator<[string, string]>;
  toString(): string;
}

const web = globalThis as unknown as {
  URL: new (url: string, base?: string) => UrlLike;
  URLSearchParams: new (init?: string) => SearchParamsLike;
};

/** new URL(url, base). @throws TypeError for an invalid URL */
export function makeUrl(url: string, base?: string): UrlLike {
  return new web.URL(url, base);
}

export function makeSearchParams(init?: string): SearchParamsLike {
  return new web.URLSearchParams(init);
}
