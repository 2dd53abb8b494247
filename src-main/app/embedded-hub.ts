import { mkdirSync } from 'node:fs';
import { createToken, revokeToken } from '../../src-hub/auth/tokens';
import { connect } from '../../src-hub/db/connect';
import { hubMigrations, migrateHub } from '../../src-hub/db/migrate';
import type { Logger } from '../../shared/platform/logger';
import { registerOfficers, renewCredential } from '../../src-hub/officers/registry';
import { startHub } from '../../src-hub/start';
import type { Clock } from '../../shared/platform/clock';
import type { CaseStore } from '../db/open-store';
import { createHubClient, enrollOfficer } from '../sync';
import { DEMO_OFFICERS } from './officers';
import type { SecretName, SecretStore } from './secrets';

export interface EmbeddedHub {
  url: string;
  intakeToken: string;
  workstationToken: string;
  /** Each demo officer's credential, made afresh at every start (kept in memory only): they enroll with it. */
  credentials: ReadonlyMap<string, string>;
  close(): Promise<void>;
}

const TOKENS: Array<{ secret: SecretName; name: string; role: 'intake' | 'workstation' }> = [
  { secret: 'demo-intake-token', name: 'demo-intake', role: 'intake' },
  { secret: 'demo-workstation-token', name: 'demo-workstation', role: 'workstation' },
];

/** On first run (or when the secrets were lost), makes the demo tokens; the hub keeps only their hashes. */
async function ensureTokens(dataDir: string, migrationsFolder: string, secrets: SecretStore, clock: Clock): Promise<void> {
  const missing = TOKENS.filter((token) => secrets.get(token.secret) === null);
  if (missing.length === 0) return;
  const database = await connect({ dataDir });
  try {
    await migrateHub(database.db, hubMigrations(migrationsFolder));
    for (const token of missing) {
      await revokeToken(database.db, clock, token.name);
      secrets.set(token.secret, (await createToken(database.db, clock, { name: token.name, role: token.role })).token);
    }
  } finally {
    await database.close();
  }
}

/**
 * The demo default: a hub on PGlite in the data dir, on a free loopback port, with an intake and a workstation
 * token (shared: it pulls the feed and pushes the demo officers' signed changes) and the demo officers in its
 * registry with fresh credentials, with which the workstation registers their signing keys, so that it enforces
 * their proof and roles as a real hub would.
 */
export async function startEmbeddedHub(options: {
  dataDir: string;
  migrationsFolder: string;
  secrets: SecretStore;
  clock: Clock;
  logger: Logger;
}): Promise<EmbeddedHub> {
  mkdirSync(options.dataDir, { recursive: true });
  const credentials = new Map<string, string>();
  await ensureTokens(options.dataDir, options.migrationsFolder, options.secrets, options.clock);
  const hub = await startHub({
    database: { dataDir: options.dataDir },
    migrationsFolder: options.migrationsFolder,
    port: 0,
    clock: options.clock,
    logger: options.logger,
    prepare: async (db) => {
      await registerOfficers(db, options.clock, DEMO_OFFICERS);
      for (const officer of DEMO_OFFICERS) credentials.set(officer.id, await renewCredential(db, options.clock, officer.id));
    },
  });
  return {
    url: hub.url,
    intakeToken: options.secrets.get('demo-intake-token')!,
    workstationToken: options.secrets.get('demo-workstation-token')!,
    credentials,
    close: () => hub.close(),
  };
}

/** Registers each demo officer's signing key with the embedded hub under their credential (kept keys again). */
export async function enrollDemoOfficers(store: CaseStore, hub: EmbeddedHub, clock: Clock, fetchImpl: typeof fetch = fetch): Promise<void> {
  for (const [officerId, credential] of hub.credentials) {
    await enrollOfficer(store, createHubClient({ hubUrl: hub.url, token: credential, fetch: fetchImpl }), officerId, clock);
  }
}
