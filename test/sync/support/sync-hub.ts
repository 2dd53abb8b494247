/**
 * The real hub (src-hub, embedded PGlite in a temp dir) for sync tests. Initializing PGlite takes ~10 s on a
 * busy machine, so an initialized, migrated data directory with test tokens is built once and cached in
 * node_modules/.cache (keyed by the hub's migrations and the PGlite version); each hub starts from a copy.
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IntakeSummary } from '../../../shared/hub/protocol';
import type { IntakeRecord } from '../../../shared/intake/schema';
import { systemClock } from '../../../shared/platform/clock';
import { createToken } from '../../../src-hub/auth/tokens';
import { connect, type HubConnection } from '../../../src-hub/db/connect';
import { migrateHub } from '../../../src-hub/db/migrate';
import { silentLogger } from '../../../shared/platform/logger';
import { addOfficer, deactivateOfficer, registerOfficers, renewCredential } from '../../../src-hub/officers/registry';
import { DEMO_OFFICERS } from '../../../src-main/app/officers';
import { startHub, type RunningHub } from '../../../src-hub/start';
import type { OidcSettings } from '../../../src-hub/auth/oidc';
import type { HubDb } from '../../../src-hub/db/database';
import { PROJECT_ROOT } from '../../support/paths';
import type { CaseStore } from '../../../src-main/db/open-store';
import { generateSigningKey, keepSigningKey, type OfficerSigningKey } from '../../../src-main/mutations/officer-signing';
import { registerOfficerKey } from '../../../src-hub/auth/officer-keys';

export interface HubTokens {
  intake: string;
  /** Workstation tokens for `*`. */
  workstations: string[];
  /** A workstation token limited to the region `Oost-Brabant`. */
  oostBrabant: string;
  /**
   * Officers' credentials. The registry holds the demo officers (src-main/app/officers.ts); r.dekker (supervisor)
   * and j.devries (officer) have a credential, and so does x.oud, who has been deactivated.
   */
  credentials: { 'r.dekker': string; 'j.devries': string; 'x.oud': string };
  /** A signing key of every active officer (the demo officers and EXTRA_OFFICERS), registered with the hub. */
  keys: Record<string, OfficerSigningKey>;
}

/** Officer names the sync tests use besides the demo officers; the hub refuses changes of names it does not know. */
const EXTRA_OFFICERS = ['agent.jansen', 'agent.vermeer', 'a.visser', 'o.een', 'agent.0', 'agent.1'];

const TOKENS_FILE = 'sync-test-tokens.json';

/** What buildTemplate puts in; change it when that changes. */
const TEMPLATE_CONTENT_VERSION = 'officers-2';

/** Changes whenever the hub's migrations (any file of them), PGlite or the template's content change. */
function templateKey(): string {
  const hash = createHash('sha256').update(TEMPLATE_CONTENT_VERSION);
  const migrations = join(PROJECT_ROOT, 'src-hub/migrations');
  for (const file of readdirSync(migrations, { recursive: true, encoding: 'utf8' }).sort()) {
    const path = join(migrations, file);
    if (statSync(path).isFile()) hash.update(file).update(readFileSync(path));
  }
  hash.update(readFileSync(join(PROJECT_ROOT, 'node_modules/@electric-sql/pglite/package.json')));
  return hash.digest('hex').slice(0, 16);
}

async function buildTemplate(dir: string): Promise<void> {
  const database = await connect({ dataDir: dir });
  try {
    await migrateHub(database.db);
    const make = async (role: 'intake' | 'workstation', name: string, scope?: string) =>
      (await createToken(database.db, systemClock, { role, name, ...(scope ? { scope } : {}) })).token;
    const tokens: HubTokens = {
      intake: await make('intake', 'portal'),
      workstations: [await make('workstation', 'ws-1'), await make('workstation', 'ws-2'), await make('workstation', 'ws-3')],
      oostBrabant: await make('workstation', 'ws-oost-brabant', 'Oost-Brabant'),
      credentials: await registerTestOfficers(database.db),
      keys: {},
    };
    for (const id of EXTRA_OFFICERS) await addOfficer(database.db, systemClock, { id, displayName: id, role: 'officer', team: null });
    for (const id of [...DEMO_OFFICERS.map((officer) => officer.id), ...EXTRA_OFFICERS]) {
      const key = generateSigningKey();
      await registerOfficerKey(database.db, systemClock, id, key.publicKey);
      tokens.keys[id] = key;
    }
    writeFileSync(join(dir, TOKENS_FILE), JSON.stringify(tokens));
  } finally {
    await database.close();
  }
}

async function registerTestOfficers(db: HubConnection['db']): Promise<HubTokens['credentials']> {
  await registerOfficers(db, systemClock, DEMO_OFFICERS);
  const retired = await addOfficer(db, systemClock, { id: 'x.oud', displayName: 'Agent X. Oud', role: 'supervisor', team: null });
  await deactivateOfficer(db, 'x.oud');
  return {
    'r.dekker': await renewCredential(db, systemClock, 'r.dekker'),
    'j.devries': await renewCredential(db, systemClock, 'j.devries'),
    'x.oud': retired.credential,
  };
}

let template: Promise<string> | null = null;

/** The cached template directory; built (once, race-safe between test processes) when missing. */
function templateDir(): Promise<string> {
  template ??= (async () => {
    const cacheRoot = join(PROJECT_ROOT, 'node_modules/.cache/puzzelstuk-sync-tests');
    const final = join(cacheRoot, `hub-${templateKey()}`);
    if (existsSync(join(final, TOKENS_FILE))) return final;
    mkdirSync(cacheRoot, { recursive: true });
    const building = mkdtempSync(join(cacheRoot, 'building-'));
    await buildTemplate(building);
    try {
      renameSync(building, final);
    } catch {
      // Another test process finished first; its template is as good.
      rmSync(building, { recursive: true, force: true });
    }
    // Templates of older migrations are of no use any more.
    for (const name of readdirSync(cacheRoot)) {
      if (name.startsWith('hub-') && join(cacheRoot, name) !== final) rmSync(join(cacheRoot, name), { recursive: true, force: true });
    }
    return final;
  })();
  return template;
}

export interface SyncHub {
  url: string;
  port: number;
  tokens: HubTokens;
  /** Posts intake records (as NDJSON) with the intake token. */
  post(records: ReadonlyArray<IntakeRecord | string>): Promise<IntakeSummary>;
  /**
   * Enrolls every active officer on this store, as if each had signed in there: the store keeps their signing key
   * (registered with this hub when the template was made), so it signs their changes and the hub accepts them
   * from any token. (Registration itself over HTTP is tested in test/security.)
   */
  enroll(store: CaseStore): CaseStore;
  /** Stops serving (as if the hub died) and keeps the data. */
  stop(): Promise<void>;
  /** Serves again on the same port, from the same data. */
  restart(): Promise<void>;
  close(): Promise<void>;
}

/** A hub that also accepts the ID tokens of an identity provider, and what to add to its registry before it serves. */
export interface SyncHubOptions {
  oidc?: OidcSettings;
  /** How long an officer's session lasts before it must be renewed. */
  sessionLifetimeMs?: number;
  prepare?: (db: HubDb) => Promise<void>;
}

export async function startSyncHub(parentDir: string, options: SyncHubOptions = {}): Promise<SyncHub> {
  const dataDir = join(parentDir, 'hub');
  cpSync(await templateDir(), dataDir, { recursive: true });
  const tokens = JSON.parse(readFileSync(join(dataDir, TOKENS_FILE), 'utf8')) as HubTokens;
  const serve = (port: number) => startHub({ database: { dataDir }, port, clock: systemClock, logger: silentLogger, recheckMs: 500, ...options });
  let running: RunningHub | null = await serve(0);
  const port = Number(new URL(running.url).port);
  const url = running.url;

  return {
    url,
    port,
    tokens,
    async post(records) {
      const body = records.map((record) => (typeof record === 'string' ? record : JSON.stringify(record))).join('\n') + '\n';
      const response = await fetch(`${url}/v1/intake`, {
        method: 'POST',
        headers: { authorization: `Bearer ${tokens.intake}`, 'content-type': 'application/x-ndjson' },
        body,
      });
      if (!response.ok) throw new Error(`intake answered ${response.status}: ${await response.text()}`);
      return (await response.json()) as IntakeSummary;
    },
    enroll(store) {
      for (const [officerId, key] of Object.entries(tokens.keys)) keepSigningKey(store.sqlite, officerId, key, systemClock.now().toISOString());
      return store;
    },
    async stop() {
      await running?.close();
      running = null;
    },
    async restart() {
      running ??= await serve(port);
    },
    async close() {
      await running?.close();
      running = null;
    },
  };
}
