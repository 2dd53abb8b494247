import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, sep } from 'node:path';

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

/** One file of the built renderer, as it is sent. */
export interface RendererFile {
  body: Buffer;
  contentType: string;
  cacheControl: string;
  /** A strong validator (the body's hash), so that a reload revalidates index.html without sending it again. */
  etag: string;
}

/** The file a URL path asks for: a file of the build, or index.html for the app's own routes; null when there is none. */
export type RendererFiles = (pathname: string) => RendererFile | null;

const contentTypeOf = (path: string) => CONTENT_TYPES[extname(path)] ?? 'application/octet-stream';

/** Vite's hashed assets never change under their name; everything else is checked on every load. */
const cacheControlOf = (path: string) => (path.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');

function filesUnder(root: string): string[] {
  try {
    return readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((name) => statSync(join(root, name)).isFile());
  } catch (error) {
    // No build at all: every path is simply not found.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

/**
 * The built renderer, read once into memory (a few MB): each request is answered from memory in one write, never
 * waiting on the disk or on file reads queued behind other work. Only files under `root` exist for it, so no URL
 * reaches outside the build. A new build is served from the next start on.
 */
export function loadRendererFiles(root: string): RendererFiles {
  const files = new Map<string, RendererFile>();
  for (const name of filesUnder(root)) {
    const path = `/${name.split(sep).join('/')}`;
    const body = readFileSync(join(root, name));
    const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
    files.set(path, { body, contentType: contentTypeOf(path), cacheControl: cacheControlOf(path), etag });
  }
  const index = files.get('/index.html') ?? null;
  return (pathname) => {
    let decoded: string;
    try {
      decoded = decodeURIComponent(pathname);
    } catch {
      return null;
    }
    return files.get(decoded) ?? (extname(decoded) === '' ? index : null);
  };
}
