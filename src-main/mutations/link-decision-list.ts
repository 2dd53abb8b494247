import type Database from 'better-sqlite3';

/**
 * Reads of `link_decisions` (officers confirming or rejecting that two reports belong together) for the floors
 * above, which call these instead of reading the table (src-main/README.md, "Who owns which table").
 */
export type LinkDecision = 'confirmed' | 'rejected';

export interface LinkDecisionOf {
  /** The other report of the pair. */
  other: string;
  decision: LinkDecision;
  reason: string | null;
  decidedBy: string;
  decidedAt: string;
}

/** The decisions on pairs that include this report. */
export function linkDecisionsOf(sqlite: Database.Database, reportId: string): LinkDecisionOf[] {
  return sqlite
    .prepare<[string, string, string], LinkDecisionOf>(
      `SELECT CASE WHEN report_a = ? THEN report_b ELSE report_a END AS other, decision, reason, decided_by AS decidedBy, decided_at AS decidedAt
       FROM link_decisions WHERE report_a = ? OR report_b = ?`,
    )
    .all(reportId, reportId, reportId);
}

/** The decisions on pairs of which both reports are among these. */
export function linkDecisionsAmong(sqlite: Database.Database, reportIds: readonly string[]): Array<{ reportA: string; reportB: string; decision: LinkDecision }> {
  const among = new Set(reportIds);
  return sqlite
    .prepare<[string], { reportA: string; reportB: string; decision: LinkDecision }>(
      'SELECT report_a AS reportA, report_b AS reportB, decision FROM link_decisions WHERE report_a IN (SELECT value FROM json_each(?))',
    )
    .all(JSON.stringify(reportIds))
    .filter((row) => among.has(row.reportB));
}
