import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RendererFiles } from './renderer-files';

/** Serves the built renderer over HTTP (browser mode), from memory; a copy the browser still holds is confirmed with 304. */
export function serveStatic(files: RendererFiles, pathname: string, request: IncomingMessage, response: ServerResponse): void {
  const file = files(pathname);
  if (file === null) {
    response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
    return;
  }
  const validators = { etag: file.etag, 'cache-control': file.cacheControl };
  if (request.headers['if-none-match']?.split(/\s*,\s*/).includes(file.etag)) {
    response.writeHead(304, validators).end();
    return;
  }
  response.writeHead(200, { ...validators, 'content-type': file.contentType, 'content-length': file.body.length });
  response.end(request.method === 'HEAD' ? undefined : file.body);
}
