/**
 * A store of the release before the workstation kept a request's past lists, opened by this one: migration
 * `*_request_listed_reports` fills them from what the store knows — the audit log's entry of every request creation and
 * list change it made or applied, the current lists and the reports requests are about — and marks the days a
 * withdrawal remembered for the report itself as a withdrawal's.
 */
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { WITHDRAWN_QUOTE } from '../../../shared/retention/report-words';
import type { AnyMutation } from '../../../shared/mutations/kinds';
import { createAuditAppender } from '../../../src-main/audit/audit-log';
import { openStore } from '../../../src-main/db/open-store';
import { createTombstones } from '../../../src-main/ingest/tombstones';
import { auditFactsOf } from '../../../src-main/mutations/audit-subject';
import { requireRequest } from '../../../src-main/requests/request-record';
import { forgetBuriedListings } from '../../../src-main/retention/buried-listings';
import { migrationsBefore } from '../../support/older-migrations';
import { filedRecord, withdrawal } from '../../support/records';
import { openTempStore, tempDir } from '../../support/temp-store';
import { foreignMutation } from '../../sync/support/mutation-fixtures';

const REQUEST = '00000000-0000-4000-8000-0000000000b1';
const OTHER_REQUEST = '00000000-0000-4000-8000-0000000000b2';
const [TAKEN_OUT, STAYS, CLUSTER, ELSEWHERE] = ['IA-2026-0000011', 'IA-2026-0000012', 'IA-2026-0000013', 'IA-2026-0000014'];

const created = (actionId: string, reportIds: string[], clusterReportId: string | null) =>
  foreignMutation('action.create', {
    actionId,
    kind: 'bank_block',
    indicatorType: 'iban',
    indicatorValue: 'NL91ABNA0417164300',
    caseId: null,
    clusterReportId,
    title: 'Blokkade',
    addresseeId: null,
    reportIds,
    includePersonalData: false,
    legalBasis: 'art. 126nd Sv',
    body: 'Verzoek.',
  });

/** A store of the release before, with the audit log's creation and list change of a request, and its row. */
function oldStoreWithRequest(path: string, listedOnce: string[], listedNow: string[], body: string) {
  const old = openStore({ path, migrationsFolder: migrationsBefore('_request_listed_reports') });
  const audit = createAuditAppender(old.sqlite);
  const logged = (mutation: AnyMutation) => {
    const facts = auditFactsOf(mutation);
    audit(mutation.at, { actor: mutation.officer, action: mutation.kind, subjectType: facts.subjectType, subjectId: facts.subjectId, details: facts.details });
  };
  logged(created(REQUEST, listedOnce, null));
  logged(foreignMutation('action.setReports', { actionId: REQUEST, reportIds: listedNow }));
  const payload = { reportIds: listedNow, includePersonalData: false, legalBasis: 'art. 126nd Sv', body, clusterReportId: null, steps: {} };
  old.sqlite
    .prepare(`INSERT INTO requests (id, kind, indicator_type, indicator_value, case_id, state, payload, created_by, created_at, updated_at, title)
              VALUES (?, 'bank_block', 'iban', 'NL91ABNA0417164300', NULL, 'draft', ?, 'agent.vermeer', '2026-11-02T08:00:00Z', '2026-11-02T08:00:00Z', 'Blokkade')`)
    .run(REQUEST, JSON.stringify(payload));
  return old;
}

describe('upgrading a store that kept only each request’s current list', () => {
  it('fills the past lists from the audit log and the current lists, and tells withdrawals’ days from purges’', () => {
    const path = join(tempDir(), 'old.db');
    const old = openStore({ path, migrationsFolder: migrationsBefore('_request_listed_reports') });
    const audit = createAuditAppender(old.sqlite);
    const logged = (mutation: AnyMutation) => {
      const facts = auditFactsOf(mutation);
      audit(mutation.at, { actor: mutation.officer, action: mutation.kind, subjectType: facts.subjectType, subjectId: facts.subjectId, details: facts.details });
    };
    // The request listed two reports, then a list change took one out; it is about a cluster's report too.
    logged(created(REQUEST, [TAKEN_OUT, STAYS], CLUSTER));
    logged(foreignMutation('action.setReports', { actionId: REQUEST, reportIds: [STAYS] }));
    const payload = { reportIds: [STAYS], includePersonalData: false, legalBasis: 'art. 126nd Sv', body: 'Verzoek.', clusterReportId: CLUSTER, steps: {} };
    old.sqlite
      .prepare(`INSERT INTO requests (id, kind, indicator_type, indicator_value, case_id, state, payload, created_by, created_at, updated_at, title)
                VALUES (?, 'bank_block', 'iban', 'NL91ABNA0417164300', NULL, 'draft', ?, 'agent.vermeer', '2026-11-02T08:00:00Z', '2026-11-02T08:00:00Z', 'Blokkade')`)
      .run(REQUEST, JSON.stringify(payload));
    // Another request whose creation only the audit log still names (its row is gone).
    logged(created(OTHER_REQUEST, [ELSEWHERE], null));
    old.sqlite.prepare("INSERT INTO purged_holders (subject, purged_on) VALUES ('report:IA-2026-0000015', '2026-11-01'), ('case:c-1', '2026-11-01')").run();
    old.close();

    const store = openStore({ path });
    try {
      const listed = store.sqlite.prepare('SELECT request_id AS requestId, report_id AS reportId FROM request_listed_reports ORDER BY report_id').all();
      expect(listed).toEqual([
        { requestId: REQUEST, reportId: TAKEN_OUT },
        { requestId: REQUEST, reportId: STAYS },
        { requestId: REQUEST, reportId: CLUSTER },
        { requestId: OTHER_REQUEST, reportId: ELSEWHERE },
      ]);
      expect(store.sqlite.prepare('SELECT subject, cause FROM removal_holders ORDER BY subject').all()).toEqual([
        { subject: 'case:c-1', cause: 'purged' },
        { subject: 'report:IA-2026-0000015', cause: 'withdrawn' },
      ]);
    } finally {
      store.close();
    }
  });

  it('lists no report purged before the upgrade again, and keeps a withdrawn one and one never received, which a later withdrawal redacts through', async () => {
    const path = join(tempDir(), 'old.db');
    const sentence = 'Ik betaalde de verkoper Pieterbas Oudkerk via zijn eigen link.';
    const [purged, withdrawn, unreceived, stays] = [filedRecord(), filedRecord(), filedRecord({ incident: { summary: 'Link', narrative: sentence } }), filedRecord()];
    const old = oldStoreWithRequest(path, [purged.reportId, withdrawn.reportId, unreceived.reportId, stays.reportId], [stays.reportId], `Melder schreef: "${sentence}"`);
    // Retention purged one report before the upgrade: its row went, its tombstone stayed.
    createTombstones(old.sqlite).bury([purged.reportId]);
    old.close();
    const upgraded = openTempStore({ path });
    await upgraded.importRecords([withdrawn, withdrawal(withdrawn, 2), stays]);
    const listed = () => upgraded.store.sqlite.prepare('SELECT report_id FROM request_listed_reports WHERE request_id = ? ORDER BY report_id').pluck().all(REQUEST);
    // The purged report's id is not kept; the withdrawn one, the unreceived one and the one listed now are.
    expect(listed()).toEqual([withdrawn.reportId, unreceived.reportId, stays.reportId].sort());

    // The unreceived report arrives on this scoped store and is withdrawn: the request it was taken out of loses its quote.
    expect(requireRequest(upgraded.store.sqlite, REQUEST).payload.body).toContain(sentence);
    await upgraded.importRecords([unreceived, withdrawal(unreceived, 2)]);
    expect(requireRequest(upgraded.store.sqlite, REQUEST).payload.body).toBe(`Melder schreef: "${WITHDRAWN_QUOTE}"`);
  });

  it('is done once per store: opened again, the store reads none of its past lists for it', () => {
    const store = openStore({ path: join(tempDir(), 'store.db') });
    try {
      const prepared = vi.spyOn(store.sqlite, 'prepare');
      const listReads = () => prepared.mock.calls.filter(([sql]) => sql.includes('request_listed_reports')).length;
      // The honest twin: the first time, the lists are read.
      forgetBuriedListings(store.sqlite);
      expect(listReads()).toBeGreaterThan(0);
      prepared.mockClear();
      // Before: every start read every listed report again.
      forgetBuriedListings(store.sqlite);
      expect(listReads()).toBe(0);
    } finally {
      store.close();
    }
  });
});
