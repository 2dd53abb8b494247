import { createReadStream } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { cacheControlFor, contentTypeOf, rendererFileFor } from './renderer-files';

/** Serves the built renderer over HTTP (browser mode). */
export function serveStatic(root: string, pathname: string, response: ServerResponse, headOnly: boolean): void {
  const file = rendererFileFor(root, pathname);
  if (file === null) {
    response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
    return;
  }
  response.writeHead(200, { 'content-type': contentTypeOf(file), 'cache-control': cacheControlFor(root, file) });
  if (headOnly) response.end();
  else createReadStream(file).pipe(response);
}
