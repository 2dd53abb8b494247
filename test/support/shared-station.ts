/**
 * What the tests of a shared station against a real hub that goes away and comes back have in common: a clock the
 * test moves on, waiting until something holds, the station's outbox per officer, and the hub's database reached
 * while the hub is stopped.
 */
import { join } from 'node:path';
import type { Clock } from '../../shared/platform/clock';
import { connect } from '../../src-hub/db/connect';
import type { CaseStore } from '../../src-main/db/open-store';
import type { SyncHub } from '../sync/support/sync-hub';

/** The system clock, moved on by the test (to age cached proofs, to pass a lockout). */
export function skippableClock(): Clock & { skip(ms: number): void } {
  let offset = 0;
  return { now: () => new Date(Date.now() + offset), skip: (ms: number) => (offset += ms) };
}

/** Waits (30 s at most) until `done`, calling `nudge` between the tries. */
export async function until(what: string, done: () => boolean | Promise<boolean>, nudge?: () => void): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    nudge?.();
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export const outboxOf = (store: CaseStore, officer: string) =>
  store.sqlite.prepare<[string], { mutationId: string; proof: string | null; state: string }>('SELECT mutation_id AS mutationId, proof, state FROM outbox WHERE officer = ? ORDER BY position').all(officer);

export type HubDb = Awaited<ReturnType<typeof connect>>['db'];

/** The hub's database (made by startSyncHub in `parentDir`), read or changed while the hub is stopped: PGlite serves one process at a time. */
export async function withStoppedHub<T>(hub: SyncHub, parentDir: string, work: (db: HubDb) => Promise<T>): Promise<T> {
  await hub.stop();
  const database = await connect({ dataDir: join(parentDir, 'hub') });
  try {
    return await work(database.db);
  } finally {
    await database.close();
  }
}
