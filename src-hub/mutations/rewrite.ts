/**
 * Rewrites stored mutations' payloads (a withdrawal's or a purge's redaction). Feed entries are materialized when
 * read, so every later reader gets the rewritten payload. A rewritten mutation keeps its officer's signature, which
 * then no longer matches: the hub judged it when it was pushed, and nothing re-checks stored signatures.
 */
import { sql } from 'drizzle-orm';
import type { HubDb } from '../db/database';

export async function rewriteMutationPayloads(tx: HubDb, rewrites: ReadonlyArray<{ id: string; payload: unknown }>): Promise<void> {
  if (rewrites.length === 0) return;
  await tx.execute(
    sql`UPDATE mutations m SET payload = v.payload FROM jsonb_to_recordset(${JSON.stringify(rewrites)}::jsonb) AS v(id uuid, payload jsonb) WHERE m.id = v.id`,
  );
}
