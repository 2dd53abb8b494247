/**
 * A report's own rows leave the store: its mentions, its revisions, the report row — whose delete trigger
 * (migration 0001) takes its text index entry along — and the indicators only it held, unless a request still names
 * them, by the statements of the report tables' owner (db/reports/). The clusters the purged reports were in are
 * mended afterwards, each once for a whole slice of purges, from the indicators the purged reports held: only the
 * parts that broke off are walked, not the whole cluster (at 1M the largest holds a quarter of the store, and
 * recomputing it took ~5.6 s CPU per slice whatever the slice's size).
 * The report rows go last, all in one statement: every later statement that opens a statement journal (a foreign
 * key check, a trigger) makes FTS5 flush what it holds pending, so deleting them one by one between the other
 * statements wrote the text index once per report instead of once per slice (8× slower at 100k).
 */
import type Database from 'better-sqlite3';
import type { IntakeRecord } from '../../shared/intake/schema';
import { createClusterMaintainer } from '../linking/cluster-maintainer';
import { createIndicatorById } from '../db/reports/lookup';
import { prepareReportPurge } from '../db/reports/writes';
import { createRequestNamesIndicator } from '../mutations/request-reads';
import { revisionText } from '../db/stored-revision';

export function createReportRowPurger(sqlite: Database.Database) {
  const clusters = createClusterMaintainer(sqlite);
  const { mentioned, deleteMentions, storedRevisions, deleteRevisions, deleteIntakeEntries, deleteReports, stillMentioned, deleteIndicator } = prepareReportPurge(sqlite);
  const indicatorById = createIndicatorById(sqlite);
  const namedByRequest = createRequestNamesIndicator(sqlite);
  const inRequest = (indicatorId: number) => {
    const indicator = indicatorById(indicatorId);
    return indicator !== undefined && namedByRequest(indicator.type, indicator.value);
  };

  /** The clusters this slice's purged reports left: how many left each, and the indicators they held. */
  const leaving = new Map<number, { gone: number; indicatorIds: Set<number> }>();

  return {
    /** Every revision of the report as it was received (for finding its quotes elsewhere before it goes). */
    revisions: (id: number): IntakeRecord[] => storedRevisions.all(id).map((stored) => JSON.parse(revisionText(stored)) as IntakeRecord),

    /**
     * Removes the report's mentions, revisions and the indicators only it held. Its row, its cluster and the
     * cluster's other members stay until `finish`: call it before the transaction ends.
     */
    purge(id: number): void {
      const clusterId = clusters.clusterOf(id);
      const indicatorIds = mentioned.all(id);
      if (clusterId !== null) {
        const left = leaving.get(clusterId) ?? { gone: 0, indicatorIds: new Set<number>() };
        left.gone += 1;
        for (const indicatorId of indicatorIds) left.indicatorIds.add(indicatorId);
        leaving.set(clusterId, left);
      }
      deleteMentions.run(id);
      deleteRevisions.run(id);
      deleteIntakeEntries.run(id);
      for (const indicatorId of indicatorIds) {
        if (stillMentioned.get(indicatorId) === undefined && !inRequest(indicatorId)) deleteIndicator.run(indicatorId);
      }
    },

    /**
     * The purged reports' rows go, in one statement (not the text index too: the delete trigger does it, and a second
     * delete is what FTS5 takes for corruption); then each cluster they left is mended once, from what they held.
     */
    finish(ids: readonly number[]): void {
      if (ids.length > 0) deleteReports.run(JSON.stringify(ids));
      for (const [clusterId, left] of leaving) clusters.leftBy(clusterId, left.gone, left.indicatorIds);
      leaving.clear();
    },
  };
}
