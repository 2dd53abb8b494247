/**
 * A report's own rows leave the store: its mentions (and its place in clusters), its revisions, the report row —
 * whose delete trigger (migration 0001) takes its text index entry along — and the indicators only it held, unless
 * a request still names them. The report writer's tables, so their rows go here, beside the writer.
 */
import type Database from 'better-sqlite3';
import type { IntakeRecord } from '../../shared/intake/schema';
import { createClusterMaintainer } from '../linking/cluster-maintainer';
import { revisionText, type StoredRevision } from '../db/stored-revision';

export function createReportRowPurger(sqlite: Database.Database) {
  const clusters = createClusterMaintainer(sqlite);
  const mentioned = sqlite.prepare<[number], number>('SELECT indicator_id FROM mentions WHERE report_id = ?').pluck();
  const deleteMentions = sqlite.prepare<[number]>('DELETE FROM mentions WHERE report_id = ?');
  const storedRevisions = sqlite.prepare<[number], StoredRevision>(
    `SELECT v.raw, v.packed, v.narrative_at AS narrativeAt, r.narrative AS reportNarrative
     FROM report_revisions v JOIN reports r ON r.id = v.report_id WHERE v.report_id = ?`,
  );
  const deleteRevisions = sqlite.prepare<[number]>('DELETE FROM report_revisions WHERE report_id = ?');
  const deleteReport = sqlite.prepare<[number]>('DELETE FROM reports WHERE id = ?');
  const stillMentioned = sqlite.prepare<[number], number>('SELECT 1 FROM mentions WHERE indicator_id = ? LIMIT 1').pluck();
  const inRequest = sqlite.prepare<[number], number>(
    'SELECT 1 FROM actions a JOIN indicators i ON i.type = a.indicator_type AND i.value = a.indicator_value WHERE i.id = ? LIMIT 1',
  ).pluck();
  const deleteIndicator = sqlite.prepare<[number]>('DELETE FROM indicators WHERE id = ?');

  return {
    /** Every revision of the report as it was received (for finding its quotes elsewhere before it goes). */
    revisions: (id: number): IntakeRecord[] => storedRevisions.all(id).map((stored) => JSON.parse(revisionText(stored)) as IntakeRecord),

    purge(id: number): void {
      const indicatorIds = mentioned.all(id);
      deleteMentions.run(id);
      clusters.detach(id, indicatorIds);
      deleteRevisions.run(id);
      // Not the text index too: the delete trigger does it, and a second delete is what FTS5 takes for corruption.
      deleteReport.run(id);
      for (const indicatorId of indicatorIds) {
        if (stillMentioned.get(indicatorId) === undefined && inRequest.get(indicatorId) === undefined) deleteIndicator.run(indicatorId);
      }
    },
  };
}
