import { statSync } from 'node:fs';
import { extname, join, resolve, sep } from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

export const contentTypeOf = (file: string) => CONTENT_TYPES[extname(file)] ?? 'application/octet-stream';

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/**
 * The file of the built renderer a URL path asks for: a file under `root`, or index.html for the app's own
 * routes (paths without a file extension). Null when there is none; never a file outside `root`.
 */
export function rendererFileFor(root: string, pathname: string): string | null {
  const base = resolve(root);
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  const candidate = resolve(join(base, decoded));
  if (candidate !== base && !candidate.startsWith(base + sep)) return null;
  if (isFile(candidate)) return candidate;
  const index = join(base, 'index.html');
  return extname(decoded) === '' && isFile(index) ? index : null;
}

/** Vite's hashed assets never change under their name; everything else is checked on every load. */
export function cacheControlFor(root: string, file: string): string {
  return file.startsWith(join(resolve(root), 'assets') + sep) ? 'public, max-age=31536000, immutable' : 'no-cache';
}
