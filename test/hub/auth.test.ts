import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HealthResponse, HubErrorBody } from '../../shared/hub/protocol';
import { createToken, revokeToken, TOKEN_PREFIX } from '../../src-hub/auth/tokens';
import { queryRows } from '../../src-hub/db/database';
import { filedRecord } from '../support/records';
import { BACKENDS, hubClock, ndjson, startTestHub, type TestHub } from './harness';

describe.each(BACKENDS)('hub authentication (%s)', (backend) => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub(backend);
  });
  afterAll(() => hub?.close());

  it('answers health without a token, naming its database', async () => {
    const result = await hub.request<HealthResponse>('/v1/health');
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({ status: 'ok', database: backend });
    expect(typeof result.body.version).toBe('string');
  });

  it.each([
    ['no Authorization header', {}],
    ['another scheme', { headers: { authorization: `Basic ${Buffer.from('a:b').toString('base64')}` } }],
    ['a malformed token', { token: 'not-a-token' }],
    ['a well-formed but unknown token', { token: `${TOKEN_PREFIX}${'A'.repeat(43)}` }],
  ])('refuses %s with 401 on every protected endpoint', async (_case, options) => {
    for (const [method, path] of [
      ['GET', '/v1/feed'],
      ['POST', '/v1/intake'],
      ['POST', '/v1/mutations'],
    ] as const) {
      const result = await hub.request<HubErrorBody>(path, { method, contentType: 'application/json', body: method === 'POST' ? '{}' : undefined, ...options });
      expect(result.status, `${method} ${path}`).toBe(401);
      expect(result.body.error.code).toBe('UNAUTHENTICATED');
      expect(result.headers.get('www-authenticate')).toMatch(/^Bearer/);
    }
  });

  it('refuses a token of the wrong role with 403', async () => {
    const feedWithIntake = await hub.request<HubErrorBody>('/v1/feed', { token: hub.intakeToken });
    expect(feedWithIntake.status).toBe(403);
    expect(feedWithIntake.body.error.code).toBe('FORBIDDEN');
    const pushWithIntake = await hub.request<HubErrorBody>('/v1/mutations', { token: hub.intakeToken, contentType: 'application/json', body: '{"mutations":[]}' });
    expect(pushWithIntake.status).toBe(403);
    const intakeWithWorkstation = await hub.request<HubErrorBody>('/v1/intake', {
      token: hub.workstationToken,
      contentType: 'application/x-ndjson',
      body: ndjson([filedRecord()]),
    });
    expect(intakeWithWorkstation.status).toBe(403);
    expect(intakeWithWorkstation.body.error.code).toBe('FORBIDDEN');
    expect((await hub.readAll()).length).toBe(0);
  });

  it('stops accepting a token the moment it is revoked, though the hub trusts valid tokens for a minute', async () => {
    const token = await hub.token('workstation', 'laptop');
    expect((await hub.request('/v1/feed', { token })).status).toBe(200);
    const name = (await queryRows<{ name: string }>(hub.database.db, sql`SELECT name FROM hub_tokens ORDER BY id DESC LIMIT 1`))[0]!.name;
    expect(await revokeToken(hub.database.db, hubClock(), name)).toBe(true);
    // The revocation's announcement reaches the hub's listening connection (at once on PGlite, a moment later
    // over PostgreSQL); the test hub's one-minute trust could not run out meanwhile.
    await expect.poll(async () => (await hub.request('/v1/feed', { token })).status, { timeout: 1000, interval: 20 }).toBe(401);
    const result = await hub.request<HubErrorBody>('/v1/feed', { token });
    expect(result.body.error.message).toMatch(/revoked/);
    expect(await revokeToken(hub.database.db, hubClock(), name)).toBe(false);
    // The name is free again once revoked.
    const again = await createToken(hub.database.db, hubClock(), { role: 'workstation', name });
    expect((await hub.request('/v1/feed', { token: again.token })).status).toBe(200);
  });

  it('asks the database again once a trusted token is older than the cache allows (a lost announcement)', async () => {
    let now = 0;
    const trusting = await startTestHub(backend, { credentialCache: { ttlMs: 2000, now: () => now } });
    try {
      const token = await trusting.token('workstation', 'tablet');
      expect((await trusting.request('/v1/feed', { token })).status).toBe(200);
      // Revoked behind the hub's back: no announcement, as if it had been lost.
      const revoked = await queryRows(trusting.database.db, sql`UPDATE hub_tokens SET revoked_at = now() WHERE id = (SELECT max(id) FROM hub_tokens) RETURNING id`);
      expect(revoked).toHaveLength(1);
      now = 1999;
      expect((await trusting.request('/v1/feed', { token })).status).toBe(200);
      now = 2001;
      expect((await trusting.request('/v1/feed', { token })).status).toBe(401);
    } finally {
      await trusting.close();
    }
  });

  it('stores tokens only as SHA-256 hashes and keeps names unique among tokens in use', async () => {
    const made = await createToken(hub.database.db, hubClock(), { role: 'workstation', name: 'hash-check', scope: 'Oost-Nederland,Noord-Nederland' });
    expect(made.token).toMatch(/^pzh_[A-Za-z0-9_-]{43}$/);
    const rows = await queryRows<Record<string, unknown>>(hub.database.db, sql`SELECT * FROM hub_tokens`);
    const everything = JSON.stringify(rows);
    expect(everything).not.toContain(made.token);
    expect(everything).not.toContain(made.token.slice(TOKEN_PREFIX.length));
    const row = rows.find((candidate) => candidate.name === 'hash-check')!;
    expect(row.token_hash).toBe(createHash('sha256').update(made.token).digest('hex'));
    expect(row.scope).toEqual(['Noord-Nederland', 'Oost-Nederland']);
    await expect(createToken(hub.database.db, hubClock(), { role: 'intake', name: 'hash-check' })).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(createToken(hub.database.db, hubClock(), { role: 'intake', name: 'scoped-intake', scope: 'Oost' })).rejects.toMatchObject({ code: 'BAD_INPUT' });
  });

  it('answers unknown routes with 404 and a HubErrorBody, with or without a token', async () => {
    for (const token of [null, hub.workstationToken]) {
      const result = await hub.request<HubErrorBody>('/v1/nothing-here?x=1', { token });
      expect(result.status).toBe(404);
      expect(result.body).toEqual({ error: { code: 'NOT_FOUND', message: 'no endpoint GET /v1/nothing-here' } });
    }
    expect((await hub.request('/v1/feed', { method: 'DELETE', token: hub.workstationToken })).status).toBe(404);
  });
});
