import type { Protocol } from 'electron';
import { DESKTOP_CSP } from '../api/csp';
import { loadRendererFiles } from '../api/renderer-files';
import { APP_HOST, APP_SCHEME } from './app-url';

/**
 * Before `ready`: the scheme behaves like https (standard URLs, secure context, fetch). Code cache: from the second
 * start on, the renderer's compiled script comes from the user-data folder instead of being compiled again, which
 * is most of the work before the first queue is drawn.
 */
export function registerAppScheme(protocol: Protocol): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } }]);
}

/** Serves the built renderer on `puzzelstuk://app/` from memory (read once), each response with the desktop CSP. */
export function serveRenderer(protocol: Protocol, rendererDir: string): void {
  const files = loadRendererFiles(rendererDir);
  protocol.handle(APP_SCHEME, (request) => {
    const url = new URL(request.url);
    const file = url.host === APP_HOST ? files(url.pathname) : null;
    if (file === null) return new Response('Not found', { status: 404 });
    return new Response(new Uint8Array(file.body), {
      headers: { 'content-type': file.contentType, 'cache-control': file.cacheControl, 'content-security-policy': DESKTOP_CSP },
    });
  });
}
