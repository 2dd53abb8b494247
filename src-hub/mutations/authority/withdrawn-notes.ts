/**
 * A note on a report its reporter withdrew, pushed after the withdrawal, may quote the report: it was written on a
 * workstation that had not yet pulled the withdrawal (each engine turn pushes before it pulls). The withdrawal made
 * the notes the hub held on it WITHDRAWN_NOTE (../../intake/withdrawn-traces.ts); one written before two days after
 * the day the hub stored the withdrawal is refused by the rule for a purged report's holders
 * (shared/retention/late-quotes.ts), 410 with the same code. The report is locked by the push (it names it), so the
 * withdrawal and the note never cross.
 */
import { sql } from 'drizzle-orm';
import { reportOfNote, WITHDRAWN_NOTE_REASON, writtenWhileHeld } from '../../../shared/retention/late-quotes';
import { queryRows, textArray, type HubDb } from '../../db/database';
import { PURGED_HOLDER_REFUSAL } from './purged-reports';
import type { PushedMutation } from './enforce';
import type { Refusal } from './refusal';

export const WITHDRAWN_NOTE_REFUSAL: Refusal = {
  ...PURGED_HOLDER_REFUSAL,
  reason: `${WITHDRAWN_NOTE_REASON} (kept for a supervisor without its content)`,
};

/** The refusal of each note on a withdrawn report that may quote it (by its id); `arrivedAt` is the hub's clock at the push. */
export async function withdrawnNoteRefusals(tx: HubDb, fresh: readonly PushedMutation[], arrivedAt: Date): Promise<Map<string, Refusal>> {
  const notes = fresh.flatMap(({ mutation }) => {
    const reportId = reportOfNote(mutation);
    return reportId === null ? [] : [{ mutation, reportId }];
  });
  const refusals = new Map<string, Refusal>();
  if (notes.length === 0) return refusals;
  const rows = await queryRows<{ report_id: string; withdrawn_on: string }>(
    tx,
    sql`SELECT v.report_id, to_char(min(v.stored_at) AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS withdrawn_on
        FROM report_revisions v JOIN reports r ON r.report_id = v.report_id AND r.status = 'withdrawn'
        WHERE v.report_id = ANY(${textArray([...new Set(notes.map((note) => note.reportId))])}) AND v.status = 'withdrawn'
        GROUP BY v.report_id`,
  );
  const withdrawnOn = new Map(rows.map((row) => [row.report_id, row.withdrawn_on]));
  for (const { mutation, reportId } of notes) {
    const day = withdrawnOn.get(reportId);
    if (day !== undefined && writtenWhileHeld(mutation, arrivedAt, day)) refusals.set(mutation.id, WITHDRAWN_NOTE_REFUSAL);
  }
  return refusals;
}
