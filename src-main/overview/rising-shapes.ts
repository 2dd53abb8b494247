/**
 * New methods in the indicators' shapes: the banks now receiving mule money (an IBAN's country and bank code), new
 * number ranges (a phone number's first digits) and new top-level domains, counted once per report in the last
 * seven days against the seven before. The same test as rising terms: a shape rises when at least `minReports`
 * reports name it now and that many is improbable at last week's count (Poisson tail below `maxTail`; absent
 * counts as one). Benign mentions (the victim's own bank, a webshop's real domain) never count.
 */
import type Database from 'better-sqlite3';
import type { RisingShape, ShapeKind } from '../../shared/overview/types';
import { addDays, endOfDay } from './days';
import { poissonUpperTail } from './poisson';

/** Thresholds as data: few shapes are tested (hundreds, not thousands of terms), the tail stays as strict. */
export const RISING_SHAPES = { minReports: 5, maxTail: 1e-4, phoneDigits: 5, limit: 30 } as const;

/** The shape of a canonical indicator value, or null for types without one. */
export function shapeOf(type: string, value: string): { kind: ShapeKind; shape: string } | null {
  // ISO 13616: country, two check digits, then the BBAN, whose first four characters are the bank (NL, DE's BLZ head).
  if (type === 'iban' && value.length >= 8) return { kind: 'iban-bank', shape: `${value.slice(0, 2)} ${value.slice(4, 8)}` };
  if (type === 'phone' && value.startsWith('+')) return { kind: 'phone-range', shape: value.slice(0, 1 + RISING_SHAPES.phoneDigits) };
  if (type === 'domain' && value.includes('.')) return { kind: 'tld', shape: value.slice(value.lastIndexOf('.')) };
  return null;
}

export function computeRisingShapes(sqlite: Database.Database, asOf: string, team: string | null): RisingShape[] {
  const recentFrom = `${addDays(asOf, -6)}T00:00:00.000Z`;
  const rows = sqlite
    .prepare<Record<string, string>, [number, string, string, string]>(
      `SELECT r.id, r.received_at, i.type, i.value FROM reports r JOIN mentions m ON m.report_id = r.id JOIN indicators i ON i.id = m.indicator_id
        WHERE r.status = 'filed' AND r.received_at >= @from AND r.received_at <= @end AND m.benign = 0
          AND i.type IN ('iban', 'phone', 'domain') ${team === null ? '' : 'AND r.route_team = @team'}`,
    )
    .raw()
    .all({ from: `${addDays(asOf, -13)}T00:00:00.000Z`, end: endOfDay(asOf), ...(team === null ? {} : { team }) });
  const reportsByShape = new Map<string, { kind: ShapeKind; shape: string; thisWeek: Set<number>; lastWeek: Set<number> }>();
  for (const [reportId, receivedAt, type, value] of rows) {
    const found = shapeOf(type, value);
    if (found === null) continue;
    const key = `${found.kind}\u0000${found.shape}`;
    const entry = reportsByShape.get(key) ?? { ...found, thisWeek: new Set<number>(), lastWeek: new Set<number>() };
    (receivedAt >= recentFrom ? entry.thisWeek : entry.lastWeek).add(reportId);
    reportsByShape.set(key, entry);
  }
  return [...reportsByShape.values()]
    .map(({ kind, shape, thisWeek, lastWeek }) => ({ kind, shape, thisWeek: thisWeek.size, lastWeek: lastWeek.size }))
    .filter((entry) => entry.thisWeek >= RISING_SHAPES.minReports && poissonUpperTail(entry.thisWeek, Math.max(entry.lastWeek, 1)) < RISING_SHAPES.maxTail)
    .sort((a, b) => b.thisWeek / Math.max(b.lastWeek, 1) - a.thisWeek / Math.max(a.lastWeek, 1) || b.thisWeek - a.thisWeek || a.shape.localeCompare(b.shape))
    .slice(0, RISING_SHAPES.limit);
}
