/**
 * The hub under hostile clients: guessing tokens until the address is turned away, one token flooding the hub,
 * one token holding more long-polls than a workstation does, a body sent too slowly. Each gets a clear 429 or
 * 408 with a HubErrorBody (and Retry-After where waiting helps), while the honest twin is served.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import type { HubErrorBody } from '../../shared/hub/protocol';
import type { AnyMutation } from '../../shared/mutations/kinds';
import { TOKEN_PREFIX } from '../../src-hub/auth/tokens';
import type { HubLimits } from '../../src-hub/http/limits';
import { filedRecord } from '../support/records';
import { BACKENDS, startTestHub, type TestHub } from '../hub/harness';

const guess = () => TOKEN_PREFIX + randomBytes(32).toString('base64url');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Sends the headers and the first bytes of a body announced as longer, then nothing: answers status and body. */
function slowBody(url: string, token: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      `${url}/v1/mutations`,
      { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'content-length': '1000' } },
      (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (body += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
      },
    );
    request.on('error', reject);
    request.write('{"mutations": [');
  });
}

describe.each(BACKENDS)('the hub under hostile clients (%s)', (backend) => {
  let hub: TestHub | null = null;
  const start = async (limits: Partial<HubLimits>, trustProxy?: string) => (hub = await startTestHub(backend, { recheckMs: 5000, limits, trustProxy }));
  afterEach(async () => {
    await hub?.close();
    hub = null;
  });

  it('turns an address away with 429 after too many failed tokens, before it looks at the next guess', async () => {
    const running = await start({ failedAuthPerWindow: 5, windowMs: 1500 });
    expect((await running.request('/v1/whoami', { token: running.workstationToken })).status).toBe(200);
    for (let attempt = 0; attempt < 5; attempt += 1) expect((await running.request('/v1/whoami', { token: guess() })).status).toBe(401);

    const refused = await running.request<HubErrorBody>('/v1/whoami', { token: guess() });
    expect(refused.status).toBe(429);
    expect(refused.body.error.code).toBe('RATE_LIMITED');
    expect(refused.body.error.message).toMatch(/too many failed sign-ins from this address/);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    // Even a right guess is not told apart from a wrong one now.
    expect((await running.request('/v1/whoami', { token: running.workstationToken })).status).toBe(429);

    await sleep(1600);
    expect((await running.request('/v1/whoami', { token: running.workstationToken })).status).toBe(200);
  });

  it('behind its TLS proxy, turns away the guessing client’s address and serves the others', async () => {
    const running = await start({ failedAuthPerWindow: 3, windowMs: 60_000 }, '127.0.0.1');
    const from = (address: string) => ({ 'x-forwarded-for': address });
    for (let attempt = 0; attempt < 3; attempt += 1) expect((await running.request('/v1/whoami', { token: guess(), headers: from('10.0.0.66') })).status).toBe(401);
    expect((await running.request('/v1/whoami', { token: guess(), headers: from('10.0.0.66') })).status).toBe(429);
    expect((await running.request('/v1/whoami', { token: running.workstationToken, headers: from('10.0.0.7') })).status).toBe(200);
  });

  it('answers a token that floods the hub 429, and serves another token meanwhile', async () => {
    const running = await start({ requestsPerMinute: 10 });
    const other = await running.token('workstation', 'other-station');
    for (let call = 0; call < 10; call += 1) expect((await running.request('/v1/officers', { token: running.workstationToken })).status).toBe(200);
    const flooded = await running.request<HubErrorBody>('/v1/officers', { token: running.workstationToken });
    expect(flooded.status).toBe(429);
    expect(flooded.body.error.code).toBe('RATE_LIMITED');
    expect(Number(flooded.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await running.request('/v1/officers', { token: other })).status).toBe(200);
  });

  it('holds a token’s long-polls up to its share; one more is 429, another token still waits', async () => {
    const running = await start({ longPollsPerToken: 2 });
    const other = await running.token('workstation', 'other-station');
    const cursor = (await running.readFeed('limit=1000')).cursor;
    const poll = (token: string) => running.request<HubErrorBody>(`/v1/feed?after=${cursor}&wait=20`, { token });
    const held = [poll(running.workstationToken), poll(running.workstationToken)];
    await sleep(400);
    const third = await poll(running.workstationToken);
    expect(third.status).toBe(429);
    expect(third.body.error.message).toMatch(/holds 2 long-polls already/);
    const othersPoll = poll(other);
    await sleep(400);
    await running.postNdjson([filedRecord()]);
    expect((await Promise.all([...held, othersPoll])).map((answer) => answer.status)).toEqual([200, 200, 200]);
    // Answered long-polls free their places.
    expect((await running.request(`/v1/feed?after=${cursor}&wait=1`, { token: running.workstationToken })).status).toBe(200);
  });

  it('answers a body that does not arrive in time 408, and a push sent at once is stored', async () => {
    const running = await start({ bodyTimeoutMs: 500 });
    const slow = await slowBody(running.url, running.workstationToken);
    expect(slow.status).toBe(408);
    expect((JSON.parse(slow.body) as HubErrorBody).error).toMatchObject({ code: 'TIMEOUT', message: expect.stringMatching(/did not arrive within 1 s/) as unknown });

    const mutation: AnyMutation = { id: randomUUID(), kind: 'report.setWorkStatus', officer: 'agent.smit', at: '2026-11-01T10:00:00Z', payload: { reportId: 'IA-2026-0000001', status: 'closed' } };
    const pushed = await running.push([mutation]);
    expect(pushed.status).toBe(200);
  });
});
