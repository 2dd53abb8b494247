import type Database from 'better-sqlite3';
import type { RelatedReportView } from '../../shared/api/views';
import type { Category } from '../../shared/intake/vocabulary';
import { relatedReports } from '../linking/queries';
import { linkDecisionsOf } from '../mutations/link-decision-list';

/**
 * Reports that share an indicator with this one, and reports an officer linked to it by decision only,
 * each with the decision on the pair. Most shared indicators first.
 */
export function relatedWithDecisions(sqlite: Database.Database, reportId: string): RelatedReportView[] {
  const related = relatedReports(sqlite, reportId);
  const decisions = new Map(linkDecisionsOf(sqlite, reportId).map((row) => [row.other, row] as const));
  const shown = related.map((entry) => ({ reportId: entry.reportId, shared: entry.shared }));
  const sharing = new Set(shown.map((entry) => entry.reportId));
  for (const other of decisions.keys()) {
    if (!sharing.has(other)) shown.push({ reportId: other, shared: [] });
  }
  const facts = sqlite.prepare<[string], { summary: string | null; category: Category; receivedAt: string }>(
    'SELECT summary, category, received_at AS receivedAt FROM reports WHERE report_id = ?',
  );
  return shown.flatMap((entry) => {
    const report = facts.get(entry.reportId);
    if (!report) return [];
    const decision = decisions.get(entry.reportId);
    return [
      {
        reportId: entry.reportId,
        ...report,
        shared: entry.shared,
        decision: decision
          ? { decision: decision.decision, reason: decision.reason, decidedBy: decision.decidedBy, decidedAt: decision.decidedAt }
          : null,
      },
    ];
  });
}
