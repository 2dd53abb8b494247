import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { coreInThisThread, type CoreLink } from '../../src-main/api/core-link';
import type { IntakeRecord } from '../../shared/intake/schema';
import { filedRecord } from '../support/records';
import { request } from 'node:http';
import { join } from 'node:path';
import { onTestFinished, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { BROWSER_MODE_CSP } from '../../src-main/api/csp';
import { startHttpTransport, type HttpTransport } from '../../src-main/api/http-transport';
import { tempDir } from '../support/temp-store';
import { openApiHarness, type ApiHarness } from './support/api-harness';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** Raw HTTP, so tests can send the headers a browser (or an attacker's page) would. */
function send(server: HttpTransport, path: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Reply> {
  const { port } = new URL(server.origin);
  return new Promise((resolve, reject) => {
    const outgoing = request({ host: '127.0.0.1', port, path, method: options.method ?? 'GET', headers: options.headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    outgoing.on('error', reject);
    outgoing.end(options.body);
  });
}

async function serve(options: { records?: readonly IntakeRecord[]; core?: (link: CoreLink) => CoreLink } = {}): Promise<{ api: ApiHarness; server: HttpTransport; rendererDir: string }> {
  const api = await openApiHarness({ records: options.records });
  const parent = tempDir();
  const rendererDir = join(parent, 'renderer');
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Puzzelstuk</title>');
  writeFileSync(join(rendererDir, 'assets', 'app-1234.js'), 'console.log("app")');
  writeFileSync(join(parent, 'secret.txt'), 'not yours');
  const link = coreInThisThread(api.context);
  const server = await startHttpTransport({ core: options.core?.(link) ?? link, rendererDir });
  onTestFinished(() => server.close());
  return { api, server, rendererDir };
}

const call = (server: HttpTransport, body: unknown, headers: Record<string, string> = {}) =>
  send(server, '/api/call', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${server.token}`, origin: server.origin, ...headers },
    body: JSON.stringify(body),
  });

describe('browser mode over loopback HTTP', () => {
  it('answers report.get for a stored record an older version could have kept: lone surrogates, huge fields, deep nesting', async () => {
    const record = filedRecord();
    const { api, server } = await serve({ records: [record] });
    const odd = JSON.stringify({ ...record, incident: { ...record.incident, narrative: `kapot \ud800 en \udfff${'x'.repeat(2_000_000)}` } }).replace(
      /}$/,
      `, "portalTrace": ${'['.repeat(200_000)}${']'.repeat(200_000)}}`,
    );
    const stored = api.store.sqlite
      .prepare('UPDATE report_revisions SET raw = ?, packed = NULL, narrative_at = NULL WHERE report_id = (SELECT id FROM reports WHERE report_id = ?)')
      .run(odd, record.reportId);
    expect(stored.changes).toBe(1);
    const reply = await call(server, { method: 'report.get', params: { reportId: record.reportId, purpose: 'Beoordelen van de melding' } });
    expect(reply.status).toBe(200);
    const detail = JSON.parse(reply.body) as { ok: boolean; value: { record: { portalTrace: unknown } } };
    expect(detail.ok).toBe(true);
    expect(JSON.stringify(detail.value.record.portalTrace)).toMatch(/nested deeper than 32 levels; not shown/);
  });

  it('listens on 127.0.0.1 and prints a URL that carries the token', async () => {
    const { server } = await serve();
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]{43}$/);
    expect(server.url).toContain(server.token);
  });

  it('serves the built renderer with the strict CSP, and nothing outside it', async () => {
    const { server } = await serve();
    const index = await send(server, '/');
    expect(index.status).toBe(200);
    expect(index.body).toContain('<title>Puzzelstuk</title>');
    expect(index.headers['content-security-policy']).toBe(BROWSER_MODE_CSP);
    expect(BROWSER_MODE_CSP).toContain("script-src 'self'");
    expect(BROWSER_MODE_CSP).toContain("frame-ancestors 'none'");
    expect(index.headers['referrer-policy']).toBe('no-referrer');
    const asset = await send(server, '/assets/app-1234.js');
    expect(asset).toMatchObject({ status: 200, body: 'console.log("app")' });
    expect(asset.headers['content-type']).toContain('text/javascript');
    expect((await send(server, '/reports/IA-2026-0000001')).body).toContain('<title>Puzzelstuk</title>');
    expect((await send(server, '/../secret.txt')).status).toBe(404);
    expect((await send(server, '/%2e%2e/secret.txt')).status).toBe(404);
    expect((await send(server, '/assets/missing.js')).status).toBe(404);
  });

  it('serves the build as it was at start, from memory: a file removed since is still whole, one added since is not there', async () => {
    const { server, rendererDir } = await serve();
    rmSync(join(rendererDir, 'assets', 'app-1234.js'));
    writeFileSync(join(rendererDir, 'assets', 'later-5678.js'), 'console.log("later")');
    const asset = await send(server, '/assets/app-1234.js');
    expect(asset).toMatchObject({ status: 200, body: 'console.log("app")' });
    expect(asset.headers['content-length']).toBe(String('console.log("app")'.length));
    expect((await send(server, '/assets/later-5678.js')).status).toBe(404);
    const head = await send(server, '/assets/app-1234.js', { method: 'HEAD' });
    expect(head).toMatchObject({ status: 200, body: '' });
    expect(head.headers['content-length']).toBe(asset.headers['content-length']);
  });

  it('lets the browser keep hashed assets and revalidate the page: 304 only for the copy it holds', async () => {
    const { server } = await serve();
    const asset = await send(server, '/assets/app-1234.js');
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const index = await send(server, '/');
    expect(index.headers['cache-control']).toBe('no-cache');
    const etag = index.headers.etag as string;
    expect(etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
    expect(asset.headers.etag).not.toBe(etag);

    const held = await send(server, '/', { headers: { 'if-none-match': `"other", ${etag}` } });
    expect(held).toMatchObject({ status: 304, body: '' });
    expect(held.headers).toMatchObject({ etag, 'cache-control': 'no-cache', 'content-security-policy': BROWSER_MODE_CSP });
    // Another file's validator, or a made-up one, gets the whole file.
    expect(await send(server, '/', { headers: { 'if-none-match': asset.headers.etag as string } })).toMatchObject({ status: 200, body: index.body });
    expect(await send(server, '/', { headers: { 'if-none-match': '"made-up"' } })).toMatchObject({ status: 200, body: index.body });
    // The validator opens nothing outside the build.
    expect((await send(server, '/../secret.txt', { headers: { 'if-none-match': etag } })).status).toBe(404);
  });

  it('answers calls that carry the token, from its own origin', async () => {
    const { api, server } = await serve();
    const reply = await call(server, { method: 'session.get', params: {} });
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toEqual({ ok: true, value: { officer: api.context.officer, demo: false, offline: false, locked: false, idleLockMinutes: 15, offlineCode: null } });
    expect(reply.headers['cache-control']).toBe('no-store');
    const refused = JSON.parse((await call(server, { method: 'nope', params: {} })).body) as { ok: boolean; error: { code: string } };
    expect(refused).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
  });

  it('refuses calls without the token (401) or from another origin or host name (403)', async () => {
    const { server } = await serve();
    const body = { method: 'session.get', params: {} };
    expect((await call(server, body, { authorization: '' })).status).toBe(401);
    expect((await call(server, body, { authorization: 'Bearer wrong' })).status).toBe(401);
    const foreign = await call(server, body, { origin: 'https://evil.example' });
    expect(foreign.status).toBe(403);
    expect(JSON.parse(foreign.body)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect((await call(server, body, { 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    expect((await call(server, body, { host: `evil.example:${new URL(server.origin).port}` })).status).toBe(403);
    expect((await send(server, '/', { headers: { host: 'rebound.example' } })).status).toBe(403);
  });

  it('refuses malformed requests with a clear envelope', async () => {
    const { server } = await serve();
    const headers = { authorization: `Bearer ${server.token}`, origin: server.origin };
    expect((await send(server, '/api/call', { headers })).status).toBe(405);
    const notJson = await send(server, '/api/call', { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: '{oops' });
    expect(notJson.status).toBe(400);
    expect(JSON.parse(notJson.body)).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    expect((await send(server, '/api/call', { method: 'POST', headers: { ...headers, 'content-type': 'text/plain' }, body: '{}' })).status).toBe(415);
  });
});

function openSocket(server: HttpTransport, options: { token?: string; origin?: string } = {}): Promise<{ socket: WebSocket; messages: unknown[] }> {
  const url = new URL('/api/events', server.origin.replace('http', 'ws'));
  if (options.token !== undefined) url.searchParams.set('token', options.token);
  const socket = new WebSocket(url, { origin: options.origin ?? server.origin });
  const messages: unknown[] = [];
  socket.on('message', (data: Buffer) => messages.push(JSON.parse(data.toString('utf8'))));
  onTestFinished(() => socket.close());
  return new Promise((resolve, reject) => {
    socket.once('open', () => resolve({ socket, messages }));
    socket.once('unexpected-response', (_request, response) => reject(new Error(`refused with ${response.statusCode}`)));
    socket.once('error', reject);
  });
}

const until = async (check: () => boolean) => {
  for (let attempt = 0; attempt < 100 && !check(); attempt++) await new Promise((resolve) => setTimeout(resolve, 20));
  return check();
};

describe('browser mode events over WebSocket', () => {
  it('pushes ApiEvents to a socket that shows the token in its URL', async () => {
    const { api, server } = await serve();
    const { messages } = await openSocket(server, { token: server.token });
    api.context.events.emit('reports.changed', { count: 3 });
    expect(await until(() => messages.length === 1)).toBe(true);
    expect(messages).toEqual([{ event: 'reports.changed', payload: { count: 3 } }]);
  });

  it('accepts the token as the first message instead, and sends nothing before it', async () => {
    const { api, server } = await serve();
    const { socket, messages } = await openSocket(server);
    api.context.events.emit('reports.changed', { count: 1 });
    socket.send(JSON.stringify({ token: server.token }));
    await new Promise((resolve) => setTimeout(resolve, 50));
    api.context.events.emit('work.changed', { entities: ['case'] });
    expect(await until(() => messages.length === 1)).toBe(true);
    expect(messages).toEqual([{ event: 'work.changed', payload: { entities: ['case'] } }]);
  });

  it('refuses a wrong token, a wrong first message, and a foreign origin', async () => {
    const { server } = await serve();
    await expect(openSocket(server, { token: 'wrong' })).rejects.toThrow('refused with 401');
    await expect(openSocket(server, { token: server.token, origin: 'https://evil.example' })).rejects.toThrow('refused with 403');
    const { socket } = await openSocket(server);
    const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
    socket.send(JSON.stringify({ token: 'wrong' }));
    expect(await closed).toBe(4401);
  });
});
