/**
 * A store of the release before the officers' requests had their own name (table `actions`) opened by this one:
 * migration `*_requests_table` renames the table, its rows and indexes follow, and the requests list reads them.
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../../src-main/db/open-store';
import { listRequests } from '../../../src-main/requests/request-list';
import { migrationsBefore } from '../../support/older-migrations';
import { tempDir } from '../../support/temp-store';

const REQUEST = '00000000-0000-4000-8000-0000000000a1';

describe('upgrading a store whose requests lived in the table `actions`', () => {
  it('keeps every request under the name `requests`, with its indexes, and lists it', () => {
    const path = join(tempDir(), 'old.db');
    const old = new Database(path);
    migrate(drizzle(old), { migrationsFolder: migrationsBefore('_requests_table') });
    const payload = { reportIds: [], includePersonalData: false, legalBasis: 'art. 126nd Sv', body: 'Verzoek.', clusterReportId: null, steps: {} };
    old
      .prepare(`INSERT INTO actions (id, kind, indicator_type, indicator_value, case_id, state, payload, created_by, created_at, updated_at, title, sent_at, due_at)
                VALUES (?, 'bank_block', 'iban', 'NL91ABNA0417164300', NULL, 'sent', ?, 'r.dekker', '2025-01-01T00:00:00Z', '2025-01-03T00:00:00Z', 'Blokkade', '2025-01-03', '2025-01-17')`)
      .run(REQUEST, JSON.stringify(payload));
    old.close();

    const store = openStore({ path });
    const { sqlite } = store;
    const objects = sqlite.prepare<[], { type: string; name: string }>("SELECT type, name FROM sqlite_master WHERE tbl_name IN ('actions', 'requests') ORDER BY type, name").all();
    expect(objects).toEqual([
      { type: 'index', name: 'requests_due' },
      { type: 'index', name: 'requests_indicator' },
      { type: 'index', name: 'requests_state' },
      { type: 'index', name: 'sqlite_autoindex_requests_1' },
      { type: 'table', name: 'requests' },
    ]);
    const plan = sqlite.prepare<[], { detail: string }>("EXPLAIN QUERY PLAN SELECT id FROM requests WHERE state = 'sent'").all();
    expect(plan.map((step) => step.detail).join(' ')).toMatch(/USING (COVERING )?INDEX requests_state/);
    expect(listRequests(sqlite, { states: ['sent'] }, '2025-01-20')).toMatchObject([{ actionId: REQUEST, title: 'Blokkade', state: 'sent', dueAt: '2025-01-17', overdue: true }]);
    store.close();
  });
});
