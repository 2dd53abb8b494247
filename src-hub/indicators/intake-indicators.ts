/**
 * Keeps `report_indicators` at each report's current revision as intake stores it: the same extraction as the
 * workstation's (shared/indicators), run only for reports whose current revision came in the batch, written
 * with two statements per batch. A withdrawn report keeps no indicators.
 */
import { sql } from 'drizzle-orm';
import { extractIndicators } from '../../shared/indicators/extract-record';
import { textArray, type HubDb } from '../db/database';
import type { IntakeInput, IntakePlan } from '../intake/plan';

/** Longer values are not indexed (a btree key has a size limit); no real indicator comes near. */
const MAX_VALUE_LENGTH = 1000;

export async function storeCurrentIndicators(tx: HubDb, plan: Pick<IntakePlan, 'newReports' | 'changedReports'>, inputs: readonly IntakeInput[]): Promise<void> {
  const current = new Map<string, IntakeInput>();
  const wanted = new Map([...plan.newReports, ...plan.changedReports].map((row) => [row.reportId, row.revision]));
  for (const input of inputs) if (wanted.get(input.record.reportId) === input.record.revision) current.set(input.record.reportId, input);
  if (current.size === 0) return;

  const replaced = plan.changedReports.filter((row) => current.has(row.reportId)).map((row) => row.reportId);
  if (replaced.length > 0) await tx.execute(sql`DELETE FROM report_indicators WHERE report_id = ANY(${textArray(replaced)})`);
  const rows: Array<{ type: string; value: string; reportId: string }> = [];
  for (const [reportId, input] of current) {
    const seen = new Set<string>();
    for (const { type, value } of extractIndicators(input.record)) {
      const key = `${type}\u0000${value}`;
      if (value.length > MAX_VALUE_LENGTH || seen.has(key)) continue;
      seen.add(key);
      rows.push({ type, value, reportId });
    }
  }
  if (rows.length === 0) return;
  await tx.execute(
    sql`INSERT INTO report_indicators (type, value, report_id)
        SELECT v.type, v.value, v."reportId" FROM json_to_recordset(${JSON.stringify(rows)}::json) AS v(type text, value text, "reportId" text)
        ON CONFLICT DO NOTHING`,
  );
}
