/**
 * Opens the hub's database: embedded PGlite in a directory on disk (zero set-up), or a PostgreSQL server by
 * URL (production, several hub processes). Same schema and the same code on both.
 */
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { AppError } from '../../shared/errors';
import { lockDataDir } from './data-dir-lock';
import type { DatabaseKind, HubDb } from './database';

export type ConnectOptions = { dataDir: string } | { databaseUrl: string; poolSize?: number };

export interface Subscription {
  close(): Promise<void>;
}

export interface HubConnection {
  db: HubDb;
  kind: DatabaseKind;
  /**
   * Calls a channel's handler for every NOTIFY on it (from any process, on PostgreSQL; delivered before the
   * notifying transaction's promise resolves, on PGlite), and every handler once after a lost listening
   * connection is back (notifications may have been missed meanwhile).
   */
  listen(handlers: Readonly<Record<string, () => void>>): Promise<Subscription>;
  /**
   * Runs `work` on one database session (its settings and session-level advisory locks stay with it). On PostgreSQL
   * the session is a connection of its own, closed after `work` so that nothing of it returns to the pool; PGlite
   * has only one session, and `work` gets that (it undoes what it set).
   */
  session<T>(work: (db: HubDb) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface ConnectHooks {
  /** Errors of idle pooled connections and of the listening connection (they must not crash the process). */
  onBackgroundError?: (error: Error) => void;
}

/** Where PGlite keeps its files inside the hub's data directory (beside the lock file). */
export const pgliteDirOf = (dataDir: string) => join(dataDir, 'pgdata');

async function connectPglite(dataDir: string): Promise<HubConnection> {
  const unlock = lockDataDir(dataDir);
  let client: PGlite;
  try {
    client = await PGlite.create(pgliteDirOf(dataDir));
  } catch (error) {
    unlock();
    throw new AppError('STORE_CANNOT_OPEN', `cannot open the hub database in ${dataDir}: ${(error as Error).message}`);
  }
  const db = drizzlePglite({ client }) as unknown as HubDb;
  return {
    db,
    kind: 'pglite',
    session: (work) => work(db),
    async listen(handlers) {
      const stops = await Promise.all(Object.entries(handlers).map(([channel, onNotify]) => client.listen(channel, () => onNotify())));
      return { close: async () => void (await Promise.all(stops.map((stop) => stop()))) };
    },
    async close() {
      try {
        await client.close();
      } finally {
        unlock();
      }
    },
  };
}

function listenOnPostgres(databaseUrl: string, hooks: ConnectHooks) {
  return async (handlers: Readonly<Record<string, () => void>>): Promise<Subscription> => {
    let closed = false;
    let client: pg.Client | null = null;
    let retry: NodeJS.Timeout | null = null;

    const open = async (): Promise<void> => {
      const next = new pg.Client({ connectionString: databaseUrl });
      next.on('notification', (message) => handlers[message.channel]?.());
      const lost = (error?: Error) => {
        if (error) hooks.onBackgroundError?.(error);
        if (closed || client !== next) return;
        client = null;
        next.removeAllListeners('end');
        void next.end().catch(() => undefined);
        retry = setTimeout(() => void reopen(), 1000);
      };
      next.on('error', lost);
      next.on('end', () => lost());
      await next.connect();
      for (const channel of Object.keys(handlers)) await next.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
      client = next;
    };
    const reopen = async (): Promise<void> => {
      retry = null;
      if (closed) return;
      try {
        await open();
        for (const onNotify of Object.values(handlers)) onNotify();
      } catch (error) {
        hooks.onBackgroundError?.(error as Error);
        if (!closed) retry = setTimeout(() => void reopen(), 1000);
      }
    };

    await open();
    return {
      async close() {
        closed = true;
        if (retry) clearTimeout(retry);
        const current = client;
        client = null;
        if (current) {
          current.removeAllListeners('end');
          await current.end().catch(() => undefined);
        }
      },
    };
  };
}

async function connectPostgres(databaseUrl: string, poolSize: number, hooks: ConnectHooks): Promise<HubConnection> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: poolSize });
  pool.on('error', (error) => hooks.onBackgroundError?.(error));
  try {
    const probe = await pool.connect();
    probe.release();
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw new AppError('STORE_CANNOT_OPEN', `cannot connect to PostgreSQL: ${(error as Error).message}`);
  }
  const db = drizzleNodePg({ client: pool }) as unknown as HubDb;
  return {
    db,
    kind: 'postgres',
    listen: listenOnPostgres(databaseUrl, hooks),
    async session(work) {
      const client = await pool.connect();
      try {
        return await work(drizzleNodePg({ client }));
      } finally {
        client.release(true);
      }
    },
    close: () => pool.end(),
  };
}

export function connect(options: ConnectOptions, hooks: ConnectHooks = {}): Promise<HubConnection> {
  if ('databaseUrl' in options) return connectPostgres(options.databaseUrl, options.poolSize ?? 10, hooks);
  return connectPglite(options.dataDir);
}
