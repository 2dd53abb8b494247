import { readFile } from 'node:fs/promises';
import type { Protocol } from 'electron';
import { DESKTOP_CSP } from '../api/csp';
import { cacheControlFor, contentTypeOf, rendererFileFor } from '../api/renderer-files';
import { APP_HOST, APP_SCHEME } from './app-url';

/**
 * Before `ready`: the scheme behaves like https (standard URLs, secure context, fetch). Code cache: from the second
 * start on, the renderer's compiled script comes from the user-data folder instead of being compiled again, which
 * is most of the work before the first queue is drawn.
 */
export function registerAppScheme(protocol: Protocol): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } }]);
}

/** Serves the built renderer on `puzzelstuk://app/`, each response with the desktop CSP. */
export function serveRenderer(protocol: Protocol, rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    const file = url.host === APP_HOST ? rendererFileFor(rendererDir, url.pathname) : null;
    if (file === null) return new Response('Not found', { status: 404 });
    return new Response(await readFile(file), {
      headers: { 'content-type': contentTypeOf(file), 'cache-control': cacheControlFor(rendererDir, file), 'content-security-policy': DESKTOP_CSP },
    });
  });
}
