/**
 * The hub suite's harness: every hub test file runs `describe.each(BACKENDS)`, once on PGlite and once on the
 * real PostgreSQL server provisioned by ./global-setup.ts, each with a database of its own.
 */
import { cpSync, mkdtempSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { inject } from 'vitest';
import { createDatabase, dropDatabase } from '../../scripts/postgres.mjs';
import type { FeedEntry, FeedPage, HubErrorBody, HubRole, IntakeSummary, PushResponse } from '../../shared/hub/protocol';
import type { AnyMutation } from '../../shared/mutations/kinds';
import { registerOfficerKey } from '../../src-hub/auth/officer-keys';
import { officers } from '../../src-hub/db/schema';
import { generateSigningKey, signMutation, type OfficerSigningKey } from '../../src-main/mutations/officer-signing';
import type { IntakeRecord } from '../../shared/intake/schema';
import { fixedClock, type Clock } from '../../shared/platform/clock';
import type { CredentialCache } from '../../src-hub/auth/authenticate';
import { createOidcVerifier, type OidcSettings } from '../../src-hub/auth/oidc';
import { createToken, CREDENTIALS_CHANNEL } from '../../src-hub/auth/tokens';
import { sql } from 'drizzle-orm';
import { connect, pgliteDirOf, type ConnectOptions, type HubConnection } from '../../src-hub/db/connect';
import { queryRows } from '../../src-hub/db/database';
import { migrateHub } from '../../src-hub/db/migrate';
import type { HubLimits } from '../../src-hub/http/limits';
import { silentLogger, type Logger } from '../../shared/platform/logger';
import { createHubServer } from '../../src-hub/server';

export const BACKENDS = ['pglite', 'postgres'] as const;
export type Backend = (typeof BACKENDS)[number];

export const hubClock = () => fixedClock(new Date('2026-11-01T09:00:00Z'), 1000);

let databases = 0;

export interface TestDatabase {
  options: ConnectOptions;
  dispose(): Promise<void>;
}

/**
 * A database of its own: a copy of a PGlite template (already migrated unless `empty`; migrating is what
 * test/hub/database.test.ts checks), or a new, empty database on the test cluster.
 */
export async function freshDatabase(backend: Backend, options: { empty?: boolean } = {}): Promise<TestDatabase> {
  if (backend === 'pglite') {
    const dir = mkdtempSync(join(tmpdir(), 'puzzelstuk-hub-'));
    cpSync(inject(options.empty ? 'hubPgliteEmpty' : 'hubPgliteMigrated'), dir, { recursive: true });
    return { options: { dataDir: dir }, dispose: () => rm(dir, { recursive: true, force: true }) };
  }
  databases += 1;
  const name = `hub_${process.pid}_${databases}_${Math.random().toString(36).slice(2, 8)}`;
  const adminUrl = inject('hubPostgresAdminUrl');
  const databaseUrl = await createDatabase(adminUrl, name);
  return { options: { databaseUrl, poolSize: 12 }, dispose: () => dropDatabase(adminUrl, name) };
}

/** The directory that holds this database's own files (PGlite's data directory, or the server's `base/<oid>`). */
export async function databaseFiles(hub: TestHub, database: TestDatabase): Promise<string> {
  if ('dataDir' in database.options) return pgliteDirOf(database.options.dataDir);
  const [row] = await queryRows<{ dir: string; oid: string }>(
    hub.database.db,
    sql`SELECT current_setting('data_directory') AS dir, oid::text FROM pg_database WHERE datname = current_database()`,
  );
  return join(row!.dir, 'base', row!.oid);
}

export interface HttpResult<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  token?: string | null;
  body?: string | Buffer;
  contentType?: string;
  headers?: Record<string, string>;
}

export interface TestHub {
  backend: Backend;
  url: string;
  database: HubConnection;
  app: FastifyInstance;
  /** Tokens made at start: an intake token and a workstation token for `*`. */
  intakeToken: string;
  workstationToken: string;
  token(role: HubRole, name: string, scope?: string): Promise<string>;
  /**
   * The mutations signed by their officers' keys on this hub, as a workstation of theirs would send them. An
   * officer the registry does not know is registered as a plain officer first, and each officer's key once.
   */
  sign(mutations: readonly AnyMutation[]): Promise<AnyMutation[]>;
  /** Pushes with a token (the shared workstation token unless given), signing first unless `unsigned`. */
  push<T = PushResponse & HubErrorBody>(mutations: readonly AnyMutation[], options?: { token?: string; unsigned?: boolean }): Promise<HttpResult<T>>;
  request<T = unknown>(path: string, options?: RequestOptions): Promise<HttpResult<T>>;
  postNdjson(lines: Array<IntakeRecord | string>, token?: string): Promise<IntakeSummary>;
  readFeed(query?: string, token?: string): Promise<FeedPage>;
  /** Every entry from the start, paging with `limit`. */
  readAll(options?: { limit?: number; scope?: string; token?: string }): Promise<FeedEntry[]>;
  close(): Promise<void>;
}

export const ndjson = (lines: Array<IntakeRecord | string>) => lines.map((line) => (typeof line === 'string' ? line : JSON.stringify(line))).join('\n') + '\n';

/**
 * Tests trust a valid token for a minute, so that only the announcement of a revocation (not the cache running
 * out) can make it fail within a test.
 */
const TEST_CREDENTIAL_CACHE: CredentialCache = { ttlMs: 60_000, now: () => performance.now() };

const withoutCredentialNews = (handlers: Readonly<Record<string, () => void>>) =>
  Object.fromEntries(Object.entries(handlers).filter(([channel]) => channel !== CREDENTIALS_CHANNEL));

/** A hub serving real HTTP on 127.0.0.1 over a database of its own. */
export async function startTestHub(
  backend: Backend,
  options: {
    recheckMs?: number;
    database?: TestDatabase;
    credentialCache?: CredentialCache;
    shutdownGraceMs?: number;
    limits?: Partial<HubLimits>;
    trustProxy?: string;
    sessionLifetimeMs?: number;
    oidc?: { settings: OidcSettings; now?: () => Date };
    redactionCompactionDelayMs?: number;
    redactionCompactionRetryMs?: number;
    logger?: Logger;
    /** The hub's clock; `hubClock()` by default. */
    clock?: Clock;
    /** The hub never hears the database's announcements of changed credentials (as when one is lost). */
    deafToCredentialNews?: boolean;
  } = {},
): Promise<TestHub> {
  const testDatabase = options.database ?? (await freshDatabase(backend));
  const database = await connect(testDatabase.options);
  await migrateHub(database.db);
  const clock = options.clock ?? hubClock();
  const app = createHubServer({
    database: options.deafToCredentialNews ? { ...database, listen: (handlers) => database.listen(withoutCredentialNews(handlers)) } : database,
    clock,
    logger: options.logger ?? silentLogger,
    recheckMs: options.recheckMs,
    credentialCache: options.credentialCache ?? TEST_CREDENTIAL_CACHE,
    shutdownGraceMs: options.shutdownGraceMs,
    limits: options.limits,
    trustProxy: options.trustProxy,
    sessionLifetimeMs: options.sessionLifetimeMs,
    redactionCompactionDelayMs: options.redactionCompactionDelayMs,
    redactionCompactionRetryMs: options.redactionCompactionRetryMs,
    verifyIdToken: options.oidc && createOidcVerifier(options.oidc.settings, { db: database.db, now: options.oidc.now ?? (() => new Date()) }),
    oidcOffer: options.oidc && { issuer: options.oidc.settings.issuer, clientId: options.oidc.settings.clientId },
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

  let names = 0;
  const keys = new Map<string, OfficerSigningKey>();
  const keyOf = async (officerId: string) => {
    let key = keys.get(officerId);
    if (!key) {
      key = generateSigningKey();
      await database.db.insert(officers).values({ id: officerId, displayName: officerId, role: 'officer', team: null, active: true, createdAt: clock.now().toISOString() }).onConflictDoNothing();
      await registerOfficerKey(database.db, clock, officerId, key.publicKey);
      keys.set(officerId, key);
    }
    return key;
  };
  const token = async (role: HubRole, name: string, scope?: string) => (await createToken(database.db, clock, { role, name, scope })).token;
  const intakeToken = await token('intake', 'portal');
  const workstationToken = await token('workstation', 'workstation-all');

  const request = async <T>(path: string, requestOptions: RequestOptions = {}): Promise<HttpResult<T>> => {
    const headers: Record<string, string> = { ...requestOptions.headers };
    if (requestOptions.token) headers.authorization = `Bearer ${requestOptions.token}`;
    if (requestOptions.contentType) headers['content-type'] = requestOptions.contentType;
    const response = await fetch(`${url}${path}`, {
      method: requestOptions.method ?? (requestOptions.body === undefined ? 'GET' : 'POST'),
      headers,
      body: requestOptions.body,
    });
    const text = await response.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // not JSON: keep the text
    }
    return { status: response.status, body: body as T, headers: response.headers };
  };

  const expectOk = <T>(result: HttpResult<T>, what: string): T => {
    if (result.status !== 200) throw new Error(`${what} answered ${result.status}: ${JSON.stringify(result.body)}`);
    return result.body;
  };

  const hub: TestHub = {
    backend,
    url,
    database,
    app,
    intakeToken,
    workstationToken,
    token: (role, name, scope) => {
      names += 1;
      return token(role, `${name}-${names}`, scope);
    },
    request,
    async sign(mutations) {
      const signed: AnyMutation[] = [];
      for (const mutation of mutations) signed.push(signMutation(mutation, await keyOf(mutation.officer)));
      return signed;
    },
    async push(mutations, { token: withToken = workstationToken, unsigned = false } = {}) {
      const body = JSON.stringify({ mutations: unsigned ? mutations : await hub.sign(mutations) });
      return request('/v1/mutations', { token: withToken, contentType: 'application/json', body });
    },
    async postNdjson(lines, withToken = intakeToken) {
      return expectOk(await request<IntakeSummary>('/v1/intake', { token: withToken, contentType: 'application/x-ndjson', body: ndjson(lines) }), 'intake');
    },
    async readFeed(query = '', withToken = workstationToken) {
      return expectOk(await request<FeedPage>(`/v1/feed${query ? `?${query}` : ''}`, { token: withToken }), 'feed');
    },
    async readAll({ limit = 100, scope, token: withToken = workstationToken } = {}) {
      const entries: FeedEntry[] = [];
      let cursor = '0';
      for (;;) {
        const page = await hub.readFeed(`after=${cursor}&limit=${limit}${scope ? `&scope=${encodeURIComponent(scope)}` : ''}`, withToken);
        entries.push(...page.entries);
        cursor = page.cursor;
        if (!page.hasMore) return entries;
      }
    },
    async close() {
      await app.close();
      await database.close();
      await testDatabase.dispose();
    },
  };
  return hub;
}

/** `reportId@revision` of the report entries, in feed order. */
export const reportKeys = (entries: readonly FeedEntry[]) =>
  entries.flatMap((entry) => (entry.type === 'report' ? [`${entry.reportId}@${entry.revision}`] : []));
