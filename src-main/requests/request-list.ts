import type Database from 'better-sqlite3';
import { OPEN_REQUEST_STATES } from '../../shared/requests/lifecycle';
import type { RequestQuery, RequestSummaryView } from '../../shared/api/request-views';
import { createDirectoryNameOf } from '../db/directory-entries';
import { selectRequestRows } from './request-record';
import { canonicalIndicator } from './request-subject';
import { toSummaryView } from './request-summary';

const placeholders = (values: readonly unknown[]) => values.map(() => '?').join(', ');
const OPEN = `a.state IN (${OPEN_REQUEST_STATES.map((state) => `'${state}'`).join(', ')})`;

/** The requests list: filtered by the query, most recently changed first; `today` decides what is overdue. */
export function listRequests(sqlite: Database.Database, query: RequestQuery, today: string): RequestSummaryView[] {
  const conditions: string[] = [];
  const params: unknown[] = [];
  const where = (condition: string, ...values: unknown[]) => {
    conditions.push(condition);
    params.push(...values);
  };
  // A withdrawn draft was never sent: listed only when its state is asked for.
  if (query.states?.length) where(`a.state IN (${placeholders(query.states)})`, ...query.states);
  else where("a.state <> 'withdrawn'");
  if (query.kinds?.length) where(`a.kind IN (${placeholders(query.kinds)})`, ...query.kinds);
  if (query.addresseeId !== undefined) where('a.addressee_id = ?', query.addresseeId);
  if (query.caseId !== undefined) where('a.case_id = ?', query.caseId);
  if (query.indicatorType !== undefined) {
    if (query.indicatorValue === undefined) where('a.indicator_type = ?', query.indicatorType);
    else {
      const indicator = canonicalIndicator(query.indicatorType, query.indicatorValue)!;
      // A batched letter names it among its further indicators.
      where(
        `((a.indicator_type = ? AND a.indicator_value = ?) OR (instr(a.payload, '"batchIndicators"') > 0 AND EXISTS (
           SELECT 1 FROM json_each(a.payload, '$.batchIndicators') b WHERE json_extract(b.value, '$.type') = ? AND json_extract(b.value, '$.value') = ?)))`,
        indicator.type,
        indicator.value,
        indicator.type,
        indicator.value,
      );
    }
  }
  if (query.dueBefore !== undefined) where(`${OPEN} AND a.due_at IS NOT NULL AND a.due_at <= ?`, query.dueBefore);
  if (query.overdueOnly) where(`${OPEN} AND a.due_at IS NOT NULL AND a.due_at < ?`, today);
  if (query.sentFrom !== undefined) where('a.sent_at >= ?', query.sentFrom);
  if (query.sentTo !== undefined) where('a.sent_at <= ?', query.sentTo);
  if (query.executedFrom !== undefined || query.executedTo !== undefined) where('a.sent_at IS NOT NULL AND a.executed_at IS NOT NULL');
  if (query.executedFrom !== undefined) where('a.executed_at >= ?', query.executedFrom);
  if (query.executedTo !== undefined) where('a.executed_at <= ?', query.executedTo);
  const filter = conditions.length === 0 ? '' : `WHERE ${conditions.join(' AND ')}`;
  const records = selectRequestRows(sqlite, `${filter} ORDER BY a.updated_at DESC, a.id`, params);
  const nameOf = createDirectoryNameOf(sqlite);
  return records.map((record) => toSummaryView(record, record.addresseeId === null ? null : (nameOf(record.addresseeId) ?? null), today));
}
