/**
 * What officers' work keeps of a report that is withdrawn or purged: its notes, what requests quote of it, and what
 * notes on its cases and requests quote of it.
 * Both are redacted here — in the tables, in the sync registers that hold the same values, and in the outbox — so
 * a withdrawal or a retention run leaves none of the victim's words behind in them.
 */
import type Database from 'better-sqlite3';
import { preparedOnce } from '../db/prepared-once';
import { redactReportWords, type ReportWords } from '../../shared/retention/report-words';
import { CREATED_FIELD } from './registers';
import { linkEntityId, MEMBER_FIELD_PREFIX, memberField } from './register-writes';
import { createRequestListings, REPORTS_EVER_LISTED, REQUESTS_EVER_LISTING } from './request-listings';

interface RequestRow {
  id: string;
  payload: string;
}

/**
 * The cases whose texts may quote the report (bound as `@reportId`): those that hold it, and those it was taken out
 * of, whose membership registers (./register-writes.ts) stay — as the hub redacts every case that ever listed it.
 * For redaction only: a report taken out of a case is no longer held by it (retention holds read `case_reports`).
 */
export const CASES_EVER_LISTING = `(SELECT case_id FROM case_reports WHERE report_id = @reportId
  UNION SELECT entity_id FROM field_versions WHERE entity = 'case' AND field = '${MEMBER_FIELD_PREFIX}' || @reportId)`;

/**
 * The requests (`a`) that may quote the report (bound as `@reportId`): those that list it, listed it before a list
 * change took it out, or are about its cluster (./request-listings.ts), and those made on a case that ever listed it,
 * which may quote the case's reports without listing them (shared/retention/late-quotes.ts) — as the hub redacts.
 */
export const REQUEST_QUOTES_REPORT = `(a.id IN ${REQUESTS_EVER_LISTING} OR a.case_id IN ${CASES_EVER_LISTING})`;

/**
 * The reports whose words a case's or a request's text may quote: those a case or a request ever listed, and those
 * a request is about. A purged report outside them leaves no quote to redact (most reports are in no case).
 */
export function reportsQuotable(sqlite: Database.Database): Set<string> {
  return new Set(
    sqlite
      .prepare<[], string>(
        `SELECT report_id FROM case_reports
         UNION SELECT substr(field, ${MEMBER_FIELD_PREFIX.length + 1}) FROM field_versions WHERE entity = 'case' AND field LIKE '${MEMBER_FIELD_PREFIX}%'
         UNION ${REPORTS_EVER_LISTED}`,
      )
      .pluck()
      .all(),
  );
}

/**
 * Requests that may quote the report: the reporter's data and the report's sentences in their text are replaced by
 * the placeholder; `dropReport` also takes the report off their list (a purge). Returns how many requests changed.
 */
export function redactRequestQuotes(sqlite: Database.Database, reportId: string, words: ReportWords, placeholder: string, dropReport: boolean): number {
  const rows = preparedOnce<[{ reportId: string }], RequestRow>(sqlite, `SELECT a.id, a.payload FROM requests a WHERE ${REQUEST_QUOTES_REPORT}`).all({ reportId });
  const update = preparedOnce<[string, string]>(sqlite, 'UPDATE requests SET payload = ? WHERE id = ?');
  // The list's register holds what the hub confirmed, which the row's list (with the officer's pending change) may
  // differ from: the purged report leaves the stored list itself. The body's registers are redacted with the other
  // texts (./holder-texts.ts), value by value.
  const storedList = preparedOnce<[string], string>(sqlite, "SELECT value FROM field_versions WHERE entity = 'action' AND entity_id = ? AND field = 'reportIds'").pluck();
  const updateList = preparedOnce<[string, string]>(sqlite, "UPDATE field_versions SET value = ? WHERE entity = 'action' AND entity_id = ? AND field = 'reportIds'");
  for (const row of rows) {
    const payload = JSON.parse(row.payload) as { reportIds?: string[]; body?: string };
    const body = redactReportWords(payload.body ?? '', words, placeholder);
    const reportIds = dropReport ? (payload.reportIds ?? []).filter((id) => id !== reportId) : (payload.reportIds ?? []);
    update.run(JSON.stringify({ ...payload, reportIds, body }), row.id);
    const stored = dropReport ? storedList.get(row.id) : undefined;
    const storedIds = stored === undefined ? null : (JSON.parse(stored) as unknown);
    if (Array.isArray(storedIds)) updateList.run(JSON.stringify(storedIds.filter((id) => id !== reportId)), row.id);
  }
  const quoting = new Set(rows.map((row) => row.id));
  redactOutbox(sqlite, "kind LIKE 'action.%'", (payload) =>
    ((Array.isArray(payload.reportIds) && payload.reportIds.includes(reportId)) || quoting.has(String(payload.actionId))) && typeof payload.body === 'string'
      ? { ...payload, body: redactReportWords(payload.body, words, placeholder) }
      : null,
  );
  return rows.length;
}

/** The report's notes keep their place, author and time; their text becomes the placeholder. */
export function redactReportNotes(sqlite: Database.Database, reportId: string, placeholder: string): number {
  const noteIds = preparedOnce<[string], string>(sqlite, "SELECT id FROM notes WHERE subject_type = 'report' AND subject_id = ?").pluck().all(reportId);
  if (noteIds.length === 0) return 0;
  preparedOnce<[string, string]>(sqlite, "UPDATE notes SET body = ? WHERE subject_type = 'report' AND subject_id = ?").run(placeholder, reportId);
  const register = preparedOnce<[string, string], string>(sqlite, "SELECT value FROM field_versions WHERE entity = 'note' AND entity_id = ? AND field = ?").pluck();
  const updateRegister = preparedOnce<[string, string, string]>(sqlite, "UPDATE field_versions SET value = ? WHERE entity = 'note' AND entity_id = ? AND field = ?");
  for (const noteId of noteIds) {
    const value = register.get(noteId, CREATED_FIELD);
    const note = value === undefined ? null : (JSON.parse(value) as Record<string, unknown> | null);
    if (note) updateRegister.run(JSON.stringify({ ...note, body: placeholder }), noteId, CREATED_FIELD);
  }
  redactOutbox(sqlite, "kind = 'note.add'", (payload) => (payload.subjectType === 'report' && payload.subjectId === reportId ? { ...payload, body: placeholder } : null));
  return noteIds.length;
}

/**
 * Notes on the cases that ever listed the report and on the requests that may quote it (REQUEST_QUOTES_REPORT) may
 * quote it too: the reporter's data and the report's sentences in their text become the placeholder — in the notes,
 * their sync registers and the outbox. Returns how many notes changed.
 */
export function redactQuotingNotes(sqlite: Database.Database, reportId: string, words: ReportWords, placeholder: string): number {
  const holders = new Set(
    preparedOnce<[{ reportId: string }], string>(
      sqlite,
      `SELECT 'case:' || case_id FROM ${CASES_EVER_LISTING}
       UNION SELECT 'action:' || a.id FROM requests a WHERE ${REQUEST_QUOTES_REPORT}`,
    )
      .pluck()
      .all({ reportId }),
  );
  if (holders.size === 0) return 0;
  const notesOn = preparedOnce<[string, string], { id: string; body: string }>(sqlite, 'SELECT id, body FROM notes WHERE subject_type = ? AND subject_id = ?');
  const notes = [...holders].flatMap((holder) => {
    const [type, ...id] = holder.split(':');
    return notesOn.all(type!, id.join(':'));
  });
  const update = preparedOnce<[string, string]>(sqlite, 'UPDATE notes SET body = ? WHERE id = ?');
  const register = preparedOnce<[string, string], string>(sqlite, "SELECT value FROM field_versions WHERE entity = 'note' AND entity_id = ? AND field = ?").pluck();
  const updateRegister = preparedOnce<[string, string, string]>(sqlite, "UPDATE field_versions SET value = ? WHERE entity = 'note' AND entity_id = ? AND field = ?");
  let changed = 0;
  for (const note of notes) {
    const body = redactReportWords(note.body, words, placeholder);
    if (body === note.body) continue;
    changed += 1;
    update.run(body, note.id);
    const value = register.get(note.id, CREATED_FIELD);
    const created = value === undefined ? null : (JSON.parse(value) as Record<string, unknown> | null);
    if (created) updateRegister.run(JSON.stringify({ ...created, body }), note.id, CREATED_FIELD);
  }
  redactOutbox(sqlite, "kind = 'note.add'", (payload) => {
    if (!holders.has(`${String(payload.subjectType)}:${String(payload.subjectId)}`) || typeof payload.body !== 'string') return null;
    const body = redactReportWords(payload.body, words, placeholder);
    return body === payload.body ? null : { ...payload, body };
  });
  return changed;
}

/** Rewrites the payloads of outbox entries of the given kinds for which `rewrite` returns a new payload. */
export function redactOutbox(
  sqlite: Database.Database,
  kinds: string,
  rewrite: (payload: Record<string, unknown>, kind: string) => Record<string, unknown> | null,
): void {
  const update = preparedOnce<[string, string]>(sqlite, 'UPDATE outbox SET payload = ? WHERE mutation_id = ?');
  for (const row of preparedOnce<[], { mutationId: string; kind: string; payload: string }>(sqlite, `SELECT mutation_id AS mutationId, kind, payload FROM outbox WHERE ${kinds}`).all()) {
    const next = rewrite(JSON.parse(row.payload) as Record<string, unknown>, row.kind);
    if (next) update.run(JSON.stringify(next), row.mutationId);
  }
}

/**
 * Officers' work about a purged report: its notes, its link decisions, its case memberships and past request
 * listings, their sync registers and conflict notices, and outbox entries that would quote it (the hub purges the report too). Quotes in requests
 * are redacted apart, with the report's words, by `redactRequestQuotes`.
 */
export function createTracePurger(sqlite: Database.Database) {
  const noteIds = sqlite.prepare<[string], string>("SELECT id FROM notes WHERE subject_type = 'report' AND subject_id = ?").pluck();
  const deleteNotes = sqlite.prepare<[string]>("DELETE FROM notes WHERE subject_type = 'report' AND subject_id = ?");
  const deleteNoteVersions = sqlite.prepare<[string]>("DELETE FROM field_versions WHERE entity = 'note' AND entity_id = ?");
  const deleteReportVersions = sqlite.prepare<[string]>("DELETE FROM field_versions WHERE entity = 'report' AND entity_id = ?");
  const deleteMemberVersions = sqlite.prepare<[string]>("DELETE FROM field_versions WHERE entity = 'case' AND field = ?");
  const linkedTo = sqlite.prepare<[string, string], { a: string; b: string }>('SELECT report_a AS a, report_b AS b FROM link_decisions WHERE report_a = ? OR report_b = ?');
  const deleteLink = sqlite.prepare<[string, string]>('DELETE FROM link_decisions WHERE report_a = ? AND report_b = ?');
  const deleteLinkVersions = sqlite.prepare<[string]>("DELETE FROM field_versions WHERE entity = 'link' AND entity_id = ?");
  const deleteConflicts = sqlite.prepare<[string]>('DELETE FROM sync_conflicts WHERE entity_id = ?');
  const deleteMemberships = sqlite.prepare<[string]>('DELETE FROM case_reports WHERE report_id = ?');
  const listings = createRequestListings(sqlite);

  return {
    /** Removes the report's traces; returns the ids (its own and its notes') that outbox entries may quote. */
    purge(reportId: string): string[] {
      const notes = noteIds.all(reportId);
      deleteNotes.run(reportId);
      for (const noteId of notes) deleteNoteVersions.run(noteId);
      deleteReportVersions.run(reportId);
      deleteMemberVersions.run(memberField(reportId));
      for (const link of linkedTo.all(reportId, reportId)) {
        deleteLink.run(link.a, link.b);
        deleteLinkVersions.run(linkEntityId(link.a, link.b));
        deleteConflicts.run(linkEntityId(link.a, link.b));
      }
      deleteConflicts.run(reportId);
      deleteMemberships.run(reportId);
      listings.forgetReport(reportId);
      return [reportId, ...notes];
    },

    /**
     * Requests about the cluster of a purged report (one of `ids`) that no longer list it — the report did not hold
     * them — are about no cluster, in the table and its sync register, so the id is not kept in plain text (the hub
     * rewrites them alike). Once per slice: requests are few, purged reports many.
     */
    forgetRequestClusters(ids: ReadonlySet<string>): void {
      if (ids.size === 0) return;
      const about = sqlite.prepare<[], { id: string; clusterReportId: string }>(
        "SELECT id, json_extract(payload, '$.clusterReportId') AS clusterReportId FROM requests WHERE json_extract(payload, '$.clusterReportId') IS NOT NULL",
      );
      const forget = sqlite.prepare<[string]>("UPDATE requests SET payload = json_set(payload, '$.clusterReportId', NULL) WHERE id = ?");
      const forgetRegister = sqlite.prepare<[string, string]>("UPDATE field_versions SET value = json_set(value, '$.clusterReportId', NULL) WHERE entity = 'action' AND entity_id = ? AND field = ?");
      for (const request of about.all()) {
        if (!ids.has(request.clusterReportId)) continue;
        forget.run(request.id);
        forgetRegister.run(request.id, CREATED_FIELD);
      }
    },

    /** Outbox entries that name one of these ids are dropped: they would quote a purged report or note. */
    dropQuotingOutbox(ids: ReadonlySet<string>): void {
      if (ids.size === 0) return;
      const drop = sqlite.prepare<[string]>('DELETE FROM outbox WHERE mutation_id = ?');
      for (const row of sqlite.prepare<[], { mutationId: string; payload: string }>('SELECT mutation_id AS mutationId, payload FROM outbox').all()) {
        for (const match of row.payload.matchAll(/"((?:[^"\\]|\\.)*)"/g)) {
          if (ids.has(match[1] ?? '')) {
            drop.run(row.mutationId);
            break;
          }
        }
      }
    },
  };
}
