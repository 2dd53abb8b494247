import type Database from 'better-sqlite3';
import type { RowValues } from '../report-row';
import type { StoredRevision } from '../stored-revision';
import { decodeMentionField, encodeMentionField } from './mention-field';
import { encodeMentionRaw, mentionRawSql } from './mention-raw';
import { writeTransaction } from '../write-transaction';

/**
 * Every write of the report tables (`reports`, `report_revisions`, `mentions`, `indicators`): the report writer's
 * and the purge's (ingest/), a report's cluster (linking/), the officers' work fields (the sync applier's report
 * adapter) and the benign marks (benign/). Their SQL stands here, on the data floor every one of them stands on,
 * and each gets the prepared statements it runs (src-main/README.md, "Who owns which table").
 */

/** A report's cluster by its row id, and a whole cluster's members moved to another. */
export function prepareClusterAssignment(sqlite: Database.Database) {
  const moveAll = sqlite.prepare<[toCluster: number, fromCluster: number]>('UPDATE reports SET cluster_id = ? WHERE cluster_id = ?');
  // Prepared at the first move: the store upgrade tests write with today's writer into older schemas, which lack its table.
  let clusterMoves: { announce: Database.Statement<[fromCluster: number, toCluster: number]>; done: Database.Statement<[]> } | null = null;
  return {
    setCluster: sqlite.prepare<[clusterId: number | null, reportRowId: number]>('UPDATE reports SET cluster_id = ? WHERE id = ?'),
    /**
     * Announced first, so the overview's kept counts move the cluster's day rows in one go and the trigger on
     * `reports` stands aside for each moved member (migration kept_counts_cluster_moves); the announcement goes at once.
     */
    moveMembers: (toCluster: number, fromCluster: number): void => {
      clusterMoves ??= {
        announce: sqlite.prepare('INSERT INTO kept_counts_cluster_moves (from_cluster, to_cluster) VALUES (?, ?)'),
        done: sqlite.prepare('DELETE FROM kept_counts_cluster_moves'),
      };
      clusterMoves.announce.run(fromCluster, toCluster);
      try {
        moveAll.run(toCluster, fromCluster);
      } finally {
        clusterMoves.done.run();
      }
    },
  };
}

/** The officers' work fields of a report, by its id as the intake gave it. */
export function prepareWorkFields(sqlite: Database.Database) {
  return {
    setRoute: sqlite.prepare<[team: string | null, priority: string | null, ruleId: string | null, reason: string | null, by: string | null, at: string | null, reportId: string]>(
      'UPDATE reports SET route_team = ?, route_priority = ?, route_rule = ?, route_reason = ?, routed_by = ?, routed_at = ? WHERE report_id = ?',
    ),
    setStatus: sqlite.prepare<[status: string, reportId: string]>('UPDATE reports SET work_status = ? WHERE report_id = ?'),
    setAssignee: sqlite.prepare<[assignee: string | null, reportId: string]>('UPDATE reports SET assignee = ? WHERE report_id = ?'),
  };
}

/** An indicator's benign reason (null: not benign) and the matching mark on every mention of it. */
export function prepareBenignMarks(sqlite: Database.Database) {
  return {
    setReason: sqlite.prepare<[reason: string | null, indicatorId: number]>('UPDATE indicators SET benign_reason = ? WHERE id = ?'),
    setMentions: sqlite.prepare<[benign: number, indicatorId: number]>('UPDATE mentions SET benign = ? WHERE indicator_id = ?'),
  };
}

/**
 * What removing a report's own rows takes (ingest/report-purge.ts decides the order, the clusters and which
 * indicators go): its mentions, revisions, row and rows in the index of intake entries, and indicators no report
 * mentions any more.
 */
export function prepareReportPurge(sqlite: Database.Database) {
  return {
    mentioned: sqlite.prepare<[reportRowId: number], number>('SELECT indicator_id FROM mentions WHERE report_id = ?').pluck(),
    deleteMentions: sqlite.prepare<[reportRowId: number]>('DELETE FROM mentions WHERE report_id = ?'),
    storedRevisions: sqlite.prepare<[reportRowId: number], StoredRevision>(
      `SELECT v.raw, v.packed, v.narrative_at AS narrativeAt, r.narrative AS reportNarrative
       FROM report_revisions v JOIN reports r ON r.id = v.report_id WHERE v.report_id = ?`,
    ),
    deleteRevisions: sqlite.prepare<[reportRowId: number]>('DELETE FROM report_revisions WHERE report_id = ?'),
    // Its rows in the index of intake entries (migration 0047); the entries themselves keep its id.
    deleteIntakeEntries: sqlite.prepare<[reportRowId: number]>(
      'DELETE FROM report_intake_entries WHERE report_id = (SELECT report_id FROM reports WHERE id = ?)',
    ),
    // Many rows in one statement: see ingest/report-purge.ts for why not one by one.
    deleteReports: sqlite.prepare<[reportRowIdsJson: string]>('DELETE FROM reports WHERE id IN (SELECT value FROM json_each(?))'),
    stillMentioned: sqlite.prepare<[indicatorId: number], number>('SELECT 1 FROM mentions WHERE indicator_id = ? LIMIT 1').pluck(),
    deleteIndicator: sqlite.prepare<[indicatorId: number]>('DELETE FROM indicators WHERE id = ?'),
  };
}

/** A report row as the writer finds it by its id as the intake gave it. */
export interface ExistingReport {
  id: number;
  revision: number;
  first_received_at: string;
}

/** A report's mention as stored. */
export interface StoredMention {
  rowid: number;
  indicatorId: number;
  field: string;
  raw: string;
  benign: number;
}

/** A mention about to be written. */
export interface NewMention {
  indicatorId: number;
  field: string;
  raw: string;
  /** The indicator's value (stored in `indicators`): a `raw` equal to it is not stored twice (mention-raw.ts). */
  value: string;
  benign: boolean;
}

/**
 * Rows an INSERT of mentions takes at most: a report names a handful, rarely more. One statement a report, not one a
 * mention: each statement run costs its own step, reset and trigger set-up (a report's mentions as single rows took
 * most of the time spent writing them). The rows are written in the given order, so their row ids are as before.
 */
const MENTIONS_PER_INSERT = 16;

/**
 * Writes a report's mentions, up to MENTIONS_PER_INSERT rows a statement (one statement prepared per row count), and
 * answers the last one's rowid: rows inserted one after another take consecutive rowids, so theirs end there.
 */
function prepareMentionInserts(sqlite: Database.Database) {
  const byRowCount: Database.Statement<unknown[]>[] = [];
  const insertOf = (rows: number) =>
    (byRowCount[rows] ??= sqlite.prepare<unknown[]>(
      `INSERT INTO mentions (report_id, indicator_id, field, raw, benign) VALUES ${Array.from({ length: rows }, () => '(?, ?, ?, ?, ?)').join(', ')}`,
    ));
  return (reportRowId: number, mentions: readonly NewMention[]): number => {
    let lastRowid = 0;
    for (let start = 0; start < mentions.length; start += MENTIONS_PER_INSERT) {
      const chunk = mentions.slice(start, start + MENTIONS_PER_INSERT);
      const values: unknown[] = [];
      for (const mention of chunk) values.push(reportRowId, mention.indicatorId, encodeMentionField(mention.field), encodeMentionRaw(mention.raw, mention.value), mention.benign ? 1 : 0);
      lastRowid = Number(insertOf(chunk.length).run(values).lastInsertRowid);
    }
    return lastRowid;
  };
}

/** A report's mentions as stored, their fields as paths (mention-field.ts) and their texts as typed (mention-raw.ts). */
function prepareStoredMentions(sqlite: Database.Database) {
  const select = sqlite.prepare<[number], StoredMention>(
    `SELECT m.rowid, m.indicator_id AS indicatorId, m.field, ${mentionRawSql('m.raw', 'i.value')} AS raw, m.benign
     FROM mentions m JOIN indicators i ON i.id = m.indicator_id WHERE m.report_id = ?`,
  );
  return {
    all: (reportRowId: number): StoredMention[] => {
      const mentions = select.all(reportRowId);
      for (const mention of mentions) mention.field = decodeMentionField(mention.field, mention.rowid);
      return mentions;
    },
  };
}

/**
 * The statements of the report writer (ingest/report-writer.ts), which applies the intake rules: a report's row,
 * its revisions as received, its indicators and mentions.
 */
export function prepareReportWriting(sqlite: Database.Database) {
  return {
    findReport: sqlite.prepare<[string], ExistingReport>(
      'SELECT id, revision, first_received_at FROM reports WHERE report_id = ?',
    ),
    /** Which of these report ids (a JSON array) have a row. */
    storedReportIds: sqlite
      .prepare<[reportIdsJson: string], string>('SELECT report_id FROM reports WHERE report_id IN (SELECT value FROM json_each(?))')
      .pluck(),
    insertReport: sqlite.prepare<[reportId: string, ...RowValues, clusterId: number | null]>(
      `INSERT INTO reports (report_id, revision, status, received_at, first_received_at, channel, kind, category, region,
         reporter_type, summary, narrative, loss_cents, incident_at, updated_at, cluster_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    updateReport: sqlite.prepare<[...RowValues, number]>(
      `UPDATE reports SET revision = ?, status = ?, received_at = ?, first_received_at = ?,
         channel = ?, kind = ?, category = ?, region = ?, reporter_type = ?,
         summary = ?, narrative = ?, loss_cents = ?, incident_at = ?, updated_at = ?
       WHERE id = ?`,
    ),
    hasRevision: sqlite
      .prepare<[number, number], number>('SELECT 1 FROM report_revisions WHERE report_id = ? AND revision = ?')
      .pluck(),
    highestWithdrawal: sqlite
      .prepare<[number], number | null>("SELECT max(revision) FROM report_revisions WHERE report_id = ? AND status = 'withdrawn'")
      .pluck(),
    insertRevision: sqlite.prepare<[number, number, string, string, string, Uint8Array | null, number | null]>(
      'INSERT INTO report_revisions (report_id, revision, status, received_at, raw, packed, narrative_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ),
    revisionsUpTo: sqlite.prepare<[number, number], StoredRevision & { revision: number }>(
      `SELECT v.revision, v.raw, v.packed, v.narrative_at AS narrativeAt, r.narrative AS reportNarrative
       FROM report_revisions v JOIN reports r ON r.id = v.report_id WHERE v.report_id = ? AND v.revision <= ?`,
    ),
    replaceRevisionRaw: sqlite.prepare<[string, number, number]>(
      'UPDATE report_revisions SET raw = ?, packed = NULL, narrative_at = NULL WHERE report_id = ? AND revision = ?',
    ),
    /** A report's revisions that take back their narrative from its row (stored-revision.ts). */
    cutRevisions: sqlite.prepare<[number], StoredRevision & { revision: number; status: string; receivedAt: string }>(
      `SELECT v.revision, v.status, v.received_at AS receivedAt, v.raw, v.packed, v.narrative_at AS narrativeAt, r.narrative AS reportNarrative
       FROM report_revisions v JOIN reports r ON r.id = v.report_id WHERE v.report_id = ? AND v.narrative_at IS NOT NULL`,
    ),
    deleteRevision: sqlite.prepare<[number, number]>('DELETE FROM report_revisions WHERE report_id = ? AND revision = ?'),
    storedMentions: prepareStoredMentions(sqlite),
    deleteMention: sqlite.prepare<[rowid: number]>('DELETE FROM mentions WHERE rowid = ?'),
    findIndicator: sqlite.prepare<[string, string], { id: number; benign_reason: string | null }>(
      'SELECT id, benign_reason FROM indicators WHERE type = ? AND value = ?',
    ),
    /**
     * Changes no row when one of that type and value is there already (it is left as it is). Not RETURNING id: that
     * costs an insert twice the CPU of this one (measured); a new row's id is its lastInsertRowid.
     */
    insertIndicatorIfNew: sqlite.prepare<[string, string, string | null, string | null]>(
      'INSERT INTO indicators (type, value, enrichment, benign_reason) VALUES (?, ?, ?, ?) ON CONFLICT (type, value) DO NOTHING',
    ),
    lowerFirstReceived: sqlite.prepare<[string, number]>('UPDATE reports SET first_received_at = ? WHERE id = ?'),
    insertMentions: prepareMentionInserts(sqlite),
    // The overview's kept counts leave the reports added under a deferral to its settling, then count them grouped
    // (migration 0026: the triggers skip reports above the mark; deleting it settles them). No trigger counts an
    // inserted report or mention (0033): insertReport runs only under a deferral, and mentions of a report no
    // deferral covers are announced (prepareMentionsAdded). One deferral at most (a second would count its reports
    // twice): one held already is kept, and `changes` tells whether this one was made.
    deferKeptCounts: sqlite.prepare(
      'INSERT INTO kept_counts_deferral (after_id) SELECT (SELECT coalesce(max(id), 0) FROM reports) WHERE NOT EXISTS (SELECT 1 FROM kept_counts_deferral)',
    ),
    settleKeptCounts: sqlite.prepare('DELETE FROM kept_counts_deferral'),
    // Raising the held deferral's mark counts the reports it passes (migration 0050); never past the newest report,
    // as a report inserted later under the mark would be counted by neither the settle nor a trigger.
    keptCountsMark: sqlite.prepare<[], number>('SELECT after_id FROM kept_counts_deferral').pluck(),
    newestReport: sqlite.prepare<[], number>('SELECT coalesce(max(id), 0) FROM reports').pluck(),
    raiseKeptCountsMark: sqlite.prepare<[{ mark: number }]>('UPDATE kept_counts_deferral SET after_id = @mark WHERE after_id < @mark'),
  };
}

/**
 * Counts for the overview the reports a held deferral left to its settling (an import's, while it runs, or one a
 * crash left behind), in the caller's transaction or its own: before anything reads the kept counts or recounts them.
 * Every writer that inserts a report holds a deferral again when it finds none, so settling is always safe. Takes
 * no writer's lock when none is held.
 */
export function settleKeptCountsDeferral(sqlite: Database.Database): void {
  if (!keptCountsDeferred(sqlite)) return;
  writeTransaction(sqlite, () => sqlite.prepare('DELETE FROM kept_counts_deferral').run())();
}

/** Whether a deferral is held: the kept counts then lack the reports above its mark until it is settled. */
export function keptCountsDeferred(sqlite: Database.Database): boolean {
  return sqlite.prepare('SELECT 1 FROM kept_counts_deferral').get() !== undefined;
}

/**
 * Mentions just written for a report (rowids first..last, nothing else written between) for the overview's kept
 * counts, which no trigger on `mentions` keeps for inserts (migration 0033). Prepared apart: the store upgrade tests
 * write with today's writer into older schemas, which lack its table, and only a revision needs it.
 */
export function prepareMentionsAdded(sqlite: Database.Database) {
  return sqlite.prepare<[reportRowId: number, firstRowid: number, lastRowid: number]>(
    'INSERT INTO kept_counts_mentions_added (report_id, first_rowid, last_rowid) VALUES (?, ?, ?)',
  );
}
