/**
 * Starts a hub: opens the database, migrates it (refusing one newer than this code), and listens on
 * 127.0.0.1. The caller owns what it gets back: `close()` stops serving (waking long-polls) and closes the
 * database.
 */
import type { Clock } from '../shared/platform/clock';
import { connect, type ConnectOptions } from './db/connect';
import type { HubDb } from './db/database';
import { hubMigrations, migrateHub } from './db/migrate';
import type { Logger } from '../shared/platform/logger';
import { createHubServer } from './server';
import { createOidcVerifier, type OidcSettings } from './auth/oidc';
import { startHubDailyRetention, type HubDailyRetentionOptions } from './retention/daily';

export interface StartOptions {
  database: ConnectOptions;
  /** 0 picks a free port. */
  port: number;
  host?: string;
  clock: Clock;
  logger: Logger;
  recheckMs?: number;
  /** Where the hub's migrations are; a packaged app ships them beside itself. */
  migrationsFolder?: string;
  /** The TLS-terminating proxy's address, whose X-Forwarded-For is believed (per-address limits). */
  trustProxy?: string;
  /** The force's identity provider whose ID tokens sign officers in (see auth/oidc.ts); absent: credentials only. */
  oidc?: OidcSettings;
  /** How long an officer's session lasts (ms). */
  sessionLifetimeMs?: number;
  /** Runs retention once a day (./retention/daily.ts); absent: only on demand (`hub retention run`). */
  dailyRetention?: HubDailyRetentionOptions;
  /** Runs after migrating, before serving (the embedded demo hub registers its officers here). */
  prepare?: (db: HubDb) => Promise<void>;
}

export interface RunningHub {
  url: string;
  close(): Promise<void>;
}

export async function startHub(options: StartOptions): Promise<RunningHub> {
  const database = await connect(options.database, {
    onBackgroundError: (error) => options.logger.warn('database connection error', { message: error.message }),
  });
  let app: ReturnType<typeof createHubServer> | null = null;
  try {
    const migration = await migrateHub(database.db, hubMigrations(options.migrationsFolder));
    if (migration.applied > 0) options.logger.info('migrated', { applied: migration.applied, total: migration.total });
    await options.prepare?.(database.db);
    const verifyIdToken = options.oidc ? createOidcVerifier(options.oidc, { db: database.db, now: () => options.clock.now() }) : undefined;
    app = createHubServer({
      database,
      clock: options.clock,
      logger: options.logger,
      recheckMs: options.recheckMs,
      trustProxy: options.trustProxy,
      sessionLifetimeMs: options.sessionLifetimeMs,
      verifyIdToken,
      oidcOffer: options.oidc && { issuer: options.oidc.issuer, clientId: options.oidc.clientId },
    });
    const host = options.host ?? '127.0.0.1';
    await app.listen({ host, port: options.port });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : options.port;
    const url = `http://${host}:${port}`;
    options.logger.info('listening', { url, database: database.kind });
    const server = app;
    const retention = options.dailyRetention ? startHubDailyRetention(database, { clock: options.clock, logger: options.logger, ...options.dailyRetention }) : null;
    let closing: Promise<void> | null = null;
    return {
      url,
      close() {
        closing ??= (async () => {
          try {
            await retention?.stop();
            await server.close();
          } finally {
            await database.close();
          }
        })();
        return closing;
      },
    };
  } catch (error) {
    await app?.close().catch(() => undefined);
    await database.close().catch(() => undefined);
    throw error;
  }
}
