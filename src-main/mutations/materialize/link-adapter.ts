import type Database from 'better-sqlite3';
import { NOTHING, UNKNOWN_AUTHOR, type EntityAdapter } from './entity-adapter';

interface DecisionValue {
  decision: string;
  reason: string | null;
}

/** Officers' decisions on links between two reports; `undecided` (or none) leaves no row. */
export function createLinkAdapter(sqlite: Database.Database): EntityAdapter {
  const select = sqlite.prepare<[string, string], { decision: string; reason: string | null; decided_by: string; decided_at: string }>(
    'SELECT decision, reason, decided_by, decided_at FROM link_decisions WHERE report_a = ? AND report_b = ?',
  );
  const upsert = sqlite.prepare<[string, string, string, string | null, string, string]>(
    `INSERT INTO link_decisions (report_a, report_b, decision, reason, decided_by, decided_at) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (report_a, report_b) DO UPDATE SET
       decision = excluded.decision, reason = excluded.reason, decided_by = excluded.decided_by, decided_at = excluded.decided_at`,
  );
  const remove = sqlite.prepare<[string, string]>('DELETE FROM link_decisions WHERE report_a = ? AND report_b = ?');

  const pair = (linkId: string) => linkId.split('|') as [string, string];

  return {
    read(linkId) {
      const row = select.get(...pair(linkId));
      if (!row) return NOTHING;
      return { value: { decision: row.decision, reason: row.reason }, officer: row.decided_by, at: row.decided_at };
    },
    write(linkId, fields) {
      const state = fields.get('decision');
      if (!state) return;
      const value = state.value as DecisionValue | null;
      if (value === null || value.decision === 'undecided') {
        remove.run(...pair(linkId));
        return;
      }
      upsert.run(...pair(linkId), value.decision, value.reason === '' ? null : value.reason, state.officer ?? UNKNOWN_AUTHOR, state.at ?? '');
    },
  };
}
