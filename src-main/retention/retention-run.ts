/**
 * The retention run: every report whose period is over leaves the store with everything that carries it — its
 * revisions, mentions, text index entry, notes, its links and memberships, the indicators only it held, the sync
 * bookkeeping and outbox entries that quote it — and the quotes of it in requests are redacted. Afterwards the WAL
 * is emptied into the store file (secure_delete zeroes freed pages), so nothing of it stays readable on disk.
 * One chained audit entry records the run, with counts only.
 */
import type Database from 'better-sqlite3';
import type { IntakeRecord } from '../../shared/intake/schema';
import { FINAL_ACTION_STATES, type ActionState } from '../../shared/requests/lifecycle';
import type { Actor } from '../audit/actor';
import { createAuditAppender } from '../audit/audit-log';
import { checkpointTruncate } from '../db/open-store';
import { createClusterMaintainer } from '../linking/cluster-maintainer';
import { linkEntityId, memberField } from '../mutations/register-writes';
import { redactRequestQuotes, reportWords } from '../mutations/report-traces';
import { expiryDay, readRetentionPeriods, type RetentionPeriods } from './retention-periods';

/** Why an expired report is still kept, in the order they are checked. */
export type HoldReason = 'openCase' | 'closedCaseWithinPeriod' | 'openRequest' | 'endedRequestWithinPeriod';

export interface RetentionOutcome {
  purged: number;
  kept: number;
  /** Of the kept reports whose daily-task period is over: how many each reason holds. */
  held: Partial<Record<HoldReason, number>>;
}

/** What stands in a request where a purged report was quoted. */
export const PURGED_QUOTE = '[verwijderd: bewaartermijn verstreken]';

const PURGE_SLICE = 5_000;

interface Candidate {
  id: number;
  reportId: string;
  receivedAt: string;
}

interface Holder {
  open: boolean;
  /** When the case closed or the request ended (its last change then). */
  endedAt: string;
}

interface ActionHolderRow {
  id: string;
  state: ActionState;
  updatedAt: string;
  payload: string;
}

/** Reports held per report id: the cases and requests they are in. */
function holdersByReport(sqlite: Database.Database): { cases: Map<string, Holder[]>; requests: Map<string, Holder[]> } {
  const cases = new Map<string, Holder[]>();
  const caseRows = sqlite
    .prepare<[], { reportId: string; status: string; updatedAt: string }>(
      'SELECT cr.report_id AS reportId, c.status, c.updated_at AS updatedAt FROM case_reports cr JOIN cases c ON c.id = cr.case_id',
    )
    .all();
  for (const row of caseRows) push(cases, row.reportId, { open: row.status !== 'afgerond', endedAt: row.updatedAt });
  const requests = new Map<string, Holder[]>();
  for (const row of sqlite.prepare<[], ActionHolderRow>('SELECT id, state, updated_at AS updatedAt, payload FROM actions').all()) {
    const reportIds = (JSON.parse(row.payload) as { reportIds?: string[] }).reportIds ?? [];
    for (const reportId of reportIds) push(requests, reportId, { open: !FINAL_ACTION_STATES.includes(row.state), endedAt: row.updatedAt });
  }
  return { cases, requests };
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function holdReason(reportId: string, holders: ReturnType<typeof holdersByReport>, periods: RetentionPeriods, asOf: string): HoldReason | null {
  const cases = holders.cases.get(reportId) ?? [];
  if (cases.some((holder) => holder.open)) return 'openCase';
  if (cases.some((holder) => expiryDay(holder.endedAt, periods.caseYears) > asOf)) return 'closedCaseWithinPeriod';
  const requests = holders.requests.get(reportId) ?? [];
  if (requests.some((holder) => holder.open)) return 'openRequest';
  if (requests.some((holder) => expiryDay(holder.endedAt, periods.caseYears) > asOf)) return 'endedRequestWithinPeriod';
  return null;
}

/** The reports whose period is over as of `asOf` (YYYY-MM-DD), and what holds the rest of the expired ones. */
export function retentionVerdict(sqlite: Database.Database, asOf: string, periods = readRetentionPeriods(sqlite)) {
  const total = sqlite.prepare<[], number>('SELECT count(*) FROM reports').pluck().get() ?? 0;
  // Every report received before this bound may have expired; expiryDay decides exactly (leap days included).
  const bound = expiryDay(`${asOf}T00:00:00Z`, -periods.dailyTaskYears);
  const candidates = sqlite
    .prepare<[string], Candidate>('SELECT id, report_id AS reportId, received_at AS receivedAt FROM reports WHERE received_at < ?')
    .all(`${bound}T99`)
    .filter((candidate) => expiryDay(candidate.receivedAt, periods.dailyTaskYears) <= asOf);
  const holders = holdersByReport(sqlite);
  const expired: Candidate[] = [];
  const held: Partial<Record<HoldReason, number>> = {};
  for (const candidate of candidates) {
    const reason = holdReason(candidate.reportId, holders, periods, asOf);
    if (reason === null) expired.push(candidate);
    else held[reason] = (held[reason] ?? 0) + 1;
  }
  return { expired, held, total, listedInRequests: new Set(holders.requests.keys()) };
}

function createPurger(sqlite: Database.Database) {
  const clusters = createClusterMaintainer(sqlite);
  const mentioned = sqlite.prepare<[number], number>('SELECT indicator_id FROM mentions WHERE report_id = ?').pluck();
  const deleteMentions = sqlite.prepare<[number]>('DELETE FROM mentions WHERE report_id = ?');
  const revisionRaws = sqlite.prepare<[number], string>('SELECT raw FROM report_revisions WHERE report_id = ?').pluck();
  const deleteRevisions = sqlite.prepare<[number]>('DELETE FROM report_revisions WHERE report_id = ?');
  const deleteReport = sqlite.prepare<[number]>('DELETE FROM reports WHERE id = ?');
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
  const stillMentioned = sqlite.prepare<[number], number>('SELECT 1 FROM mentions WHERE indicator_id = ? LIMIT 1').pluck();
  const inRequest = sqlite.prepare<[number], number>(
    'SELECT 1 FROM actions a JOIN indicators i ON i.type = a.indicator_type AND i.value = a.indicator_value WHERE i.id = ? LIMIT 1',
  ).pluck();
  const deleteIndicator = sqlite.prepare<[number]>('DELETE FROM indicators WHERE id = ?');

  /** Removes one report and what only it carried; returns the ids (its own and its notes') that quotes of it may carry. */
  function purge(candidate: Candidate, quotedInRequests: boolean): string[] {
    const { id, reportId } = candidate;
    if (quotedInRequests) {
      const words = reportWords(revisionRaws.all(id).map((raw) => JSON.parse(raw) as IntakeRecord));
      redactRequestQuotes(sqlite, reportId, words, PURGED_QUOTE, true);
    }
    const indicatorIds = mentioned.all(id);
    deleteMentions.run(id);
    clusters.detach(id, indicatorIds);
    deleteRevisions.run(id);
    // The text index entry goes with the row: the store's delete trigger (migration 0001) removes it. Removing it here
    // too deleted it twice, which FTS5 takes for a corrupt index on a store of any size.
    deleteReport.run(id);
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
    for (const indicatorId of indicatorIds) {
      if (stillMentioned.get(indicatorId) === undefined && inRequest.get(indicatorId) === undefined) deleteIndicator.run(indicatorId);
    }
    return [reportId, ...notes];
  }

  return { purge };
}

/** Outbox entries that name a purged report or note are dropped: they would quote it (and the hub purges it too). */
function dropQuotingOutbox(sqlite: Database.Database, ids: ReadonlySet<string>): void {
  if (ids.size === 0) return;
  const drop = sqlite.prepare<[string]>('DELETE FROM outbox WHERE mutation_id = ?');
  const rows = sqlite.prepare<[], { mutationId: string; payload: string }>('SELECT mutation_id AS mutationId, payload FROM outbox').all();
  for (const row of rows) {
    for (const match of row.payload.matchAll(/"((?:[^"\\]|\\.)*)"/g)) {
      if (ids.has(match[1] ?? '')) {
        drop.run(row.mutationId);
        break;
      }
    }
  }
}

/** Runs retention as of `asOf` (YYYY-MM-DD): purges what expired, in slices of one transaction each, then empties the WAL. */
export function runRetention(sqlite: Database.Database, deps: { asOf: string; at: string; actor: Actor }): RetentionOutcome {
  const periods = readRetentionPeriods(sqlite);
  const { expired, held, total, listedInRequests } = retentionVerdict(sqlite, deps.asOf, periods);
  const { purge } = createPurger(sqlite);
  const audit = createAuditAppender(sqlite);
  const purgeSlice = sqlite.transaction((slice: readonly Candidate[]) => {
    const ids = new Set<string>();
    for (const candidate of slice) for (const id of purge(candidate, listedInRequests.has(candidate.reportId))) ids.add(id);
    dropQuotingOutbox(sqlite, ids);
  });
  for (let start = 0; start < expired.length; start += PURGE_SLICE) purgeSlice(expired.slice(start, start + PURGE_SLICE));
  const outcome: RetentionOutcome = { purged: expired.length, kept: total - expired.length, held };
  sqlite.transaction(() =>
    audit(deps.at, { actor: deps.actor, action: 'retention.run', subjectType: 'store', subjectId: 'reports', details: { asOf: deps.asOf, periods, ...outcome } }),
  )();
  checkpointTruncate(sqlite);
  return outcome;
}
