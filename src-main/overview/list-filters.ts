/**
 * The queue's filters that are the overview's own judgements, as WHERE terms over `reports r`, so that every
 * number of the overview opens a list of exactly that many reports: past the service level on a day (working
 * days, holidays, levels per category as the backlog judges them), closed within days and open at a day's end (as
 * the weekly throughput counts closures and its backlog), naming an indicator of a shape (as the rising shapes
 * count them), using a term in the summary (as the rising terms count them) and naming what an addressee blocked
 * after the block (as the disruption ledger counts its effect).
 */
import type Database from 'better-sqlite3';
import type { QueueFilters } from '../../shared/api/views';
import type { OverviewSettings, ShapeKind } from '../../shared/overview/types';
import { receivedFromBound, receivedToBound, type SqlWhere } from '../search/report-filters';
import { levelOf } from './backlog';
import { reportsAfterBlocks } from './block-effect';
import { closedMoment, closureTimes } from './closures';
import { addDays, endOfDay, startOfDay, workingDaysBetween } from './days';
import { readOverviewSettings } from './overview-settings';
import { termsOf } from './rising-terms';

/** The last day whose reports are past `level` working days at the end of `asOf`. */
function lastOverdueDay(asOf: string, level: number): string {
  let day = addDays(asOf, -level);
  while (workingDaysBetween(day, asOf) <= level) day = addDays(day, -1);
  return day;
}

/** Received on or before their category's last overdue day; the backlog's own test, per category. */
function overdueWhere(settings: OverviewSettings, asOf: string): SqlWhere {
  const categories = Object.keys(settings.serviceLevels.byCategory);
  const cutoff = (category: string | null) => endOfDay(lastOverdueDay(asOf, category === null ? settings.serviceLevels.default : levelOf(settings, category)));
  if (categories.length === 0) return { terms: ['r.received_at <= ?'], params: [cutoff(null)] };
  return {
    terms: [`r.received_at <= (CASE r.category ${categories.map(() => 'WHEN ? THEN ?').join(' ')} ELSE ? END)`],
    params: [...categories.flatMap((category) => [category, cutoff(category)]), cutoff(null)],
  };
}

/** Every live closed report (row id) and when it counts as closed, as the weekly throughput counts closures. */
function closedReports(sqlite: Database.Database): Array<{ id: number; at: string }> {
  const closedAt = closureTimes(sqlite);
  return sqlite
    .prepare<[], { id: number; reportId: string; receivedAt: string }>("SELECT id, report_id AS reportId, received_at AS receivedAt FROM reports WHERE status = 'filed' AND work_status = 'closed'")
    .all()
    .map((row) => ({ id: row.id, at: closedMoment(closedAt.get(row.reportId), row.receivedAt) }));
}

const rowIdIn = (ids: readonly number[]): SqlWhere => ({ terms: ['r.id IN (SELECT value FROM json_each(?))'], params: [JSON.stringify(ids)] });

/** Closed, and closed within the days. */
function closedWhere(sqlite: Database.Database, from: string | undefined, to: string | undefined): SqlWhere {
  const start = from === undefined ? '' : startOfDay(from);
  const end = to === undefined ? '\uffff' : endOfDay(to);
  return rowIdIn(closedReports(sqlite).filter(({ at }) => at >= start && at <= end).map(({ id }) => id));
}

/**
 * Received by the end of the day and not closed by then: not closed now, or last closed after it. (A closure
 * before the receipt counts from the receipt, which is by the day's end here; one of no known moment too.)
 */
function openWhere(sqlite: Database.Database, day: string): SqlWhere {
  const end = endOfDay(day);
  const closedLater = [...closureTimes(sqlite)].filter(([, at]) => at > end).map(([reportId]) => reportId);
  return {
    terms: [`r.received_at <= ? AND (r.work_status <> 'closed' OR r.report_id IN (SELECT value FROM json_each(?)))`],
    params: [end, JSON.stringify(closedLater)],
  };
}

/** An indicator's shape in SQL, as `shapeOf` reads it from the canonical value. */
const SHAPE_SQL: Record<ShapeKind, { type: string; match: string; params: (shape: string) => string[] }> = {
  // `NL ABNA`: the country and the bank code after the two check digits.
  'iban-bank': { type: 'iban', match: 'length(i.value) >= 8 AND substr(i.value, 1, 2) = ? AND substr(i.value, 5, 4) = ?', params: (shape) => [shape.slice(0, 2), shape.slice(3)] },
  'phone-range': { type: 'phone', match: 'substr(i.value, 1, length(?)) = ?', params: (shape) => [shape, shape] },
  // `.zip`: the last label (the shape holds its dot, so `xzip` does not end in it).
  tld: { type: 'domain', match: 'substr(i.value, -length(?)) = ?', params: (shape) => [shape, shape] },
};

function shapeWhere(kind: ShapeKind, shape: string): SqlWhere {
  const sql = SHAPE_SQL[kind];
  return {
    terms: [`r.id IN (SELECT m.report_id FROM indicators i JOIN mentions m ON m.indicator_id = i.id WHERE i.type = ? AND m.benign = 0 AND ${sql.match})`],
    params: [sql.type, ...sql.params(shape)],
  };
}

/**
 * Summaries that use the term as `termsOf` reads them (whole words, neighbouring pairs), within the received
 * bounds the list has anyway (the overview's seven days), so only those summaries are read.
 */
function summaryTermWhere(sqlite: Database.Database, term: string, filters: QueueFilters): SqlWhere {
  const from = filters.receivedFrom ? receivedFromBound(filters.receivedFrom) : '';
  const to = filters.receivedTo ? receivedToBound(filters.receivedTo) : '\uffff';
  const wanted = term.toLowerCase();
  const rows = sqlite
    .prepare<[string, string], { id: number; summary: string }>("SELECT id, summary FROM reports WHERE status = 'filed' AND summary IS NOT NULL AND received_at >= ? AND received_at <= ?")
    .all(from, to);
  return rowIdIn(rows.filter((row) => termsOf(row.summary).has(wanted)).map((row) => row.id));
}

export function overviewListWhere(sqlite: Database.Database, filters: QueueFilters): SqlWhere {
  const parts: SqlWhere[] = [];
  if (filters.summaryTerm !== undefined) parts.push(summaryTermWhere(sqlite, filters.summaryTerm, filters));
  if (filters.overdueOn !== undefined) parts.push(overdueWhere(readOverviewSettings(sqlite), filters.overdueOn));
  if (filters.closedFrom !== undefined || filters.closedTo !== undefined) parts.push(closedWhere(sqlite, filters.closedFrom, filters.closedTo));
  if (filters.openOn !== undefined) parts.push(openWhere(sqlite, filters.openOn));
  if (filters.shape !== undefined) parts.push(shapeWhere(filters.shape.kind, filters.shape.shape));
  if (filters.afterBlock !== undefined) {
    const { addresseeId, asOf } = filters.afterBlock;
    parts.push(rowIdIn([...(reportsAfterBlocks(sqlite, asOf, addresseeId).get(addresseeId) ?? [])]));
  }
  return { terms: parts.flatMap((part) => part.terms), params: parts.flatMap((part) => part.params) };
}
