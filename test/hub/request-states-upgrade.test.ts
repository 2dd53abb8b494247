/**
 * A hub database of a release that kept request states in Dutch, upgraded: its migration `*_english_request_states`
 * puts each request's state — the hub's guard against a transition made on a stale view — into this version's words.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { connect } from '../../src-hub/db/connect';
import { queryRows } from '../../src-hub/db/database';
import { HUB_MIGRATIONS_FOLDER, hubMigrations, migrateHub } from '../../src-hub/db/migrate';
import { REQUEST_STATE_V1 } from '../../shared/mutations/upcast';
import { BACKENDS, freshDatabase } from './harness';

/** The hub's migrations as the release before this change shipped them. */
function migrationsBeforeEnglishStates() {
  const journal = JSON.parse(readFileSync(join(HUB_MIGRATIONS_FOLDER, 'meta', '_journal.json'), 'utf8')) as { entries: Array<{ tag: string }> };
  const index = journal.entries.findIndex((entry) => entry.tag.endsWith('_english_request_states'));
  expect(index).toBeGreaterThan(0);
  return hubMigrations().slice(0, index);
}

describe.each(BACKENDS)('upgrading a hub database of wire version 1 (%s)', (backend) => {
  it('puts every request’s state in English (in the table now called request_states) and leaves a state already in English as it is', async () => {
    const testDatabase = await freshDatabase(backend, { empty: true });
    const database = await connect(testDatabase.options);
    try {
      await migrateHub(database.db, migrationsBeforeEnglishStates());
      const requests = [...Object.keys(REQUEST_STATE_V1), 'draft'].map((state) => ({ actionId: randomUUID(), mutationId: randomUUID(), state }));
      for (const { actionId, mutationId, state } of requests) {
        await database.db.execute(sql`INSERT INTO mutations (id, kind, officer, at, payload, received_at) VALUES (${mutationId}, 'action.transition', 'r.dekker', '2025-01-01T00:00:00Z', '{}', now())`);
        await database.db.execute(sql`INSERT INTO action_states (action_id, kind, author, state, mutation_id) VALUES (${actionId}, 'bank_block', 'j.visser', ${state}, ${mutationId})`);
      }

      await migrateHub(database.db);
      const rows = await queryRows<{ actionId: string; state: string }>(database.db, sql`SELECT request_id AS "actionId", state FROM request_states`);
      const stateOf = new Map(rows.map((row) => [row.actionId, row.state]));
      expect(requests.map((request) => stateOf.get(request.actionId))).toEqual([...Object.values(REQUEST_STATE_V1), 'draft']);
    } finally {
      await database.close();
      await testDatabase.dispose();
    }
  });
});
