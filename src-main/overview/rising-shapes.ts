/**
 * New methods in the indicators' shapes: the banks now receiving mule money (an IBAN's country and bank code), new
 * number ranges (a phone number's first digits) and new top-level domains, counted once per report in the last
 * seven days against the seven before. The same test as rising terms: a shape rises when at least `minReports`
 * reports name it now and that many is improbable at last week's count (Poisson tail below `maxTail`; absent
 * counts as one). Benign mentions (the victim's own bank, a webshop's real domain) never count. The counts are
 * kept per day (shape-day-counts.ts, with these rules in SQL: the indicators' generated shape columns).
 */
import type Database from 'better-sqlite3';
import type { RisingShape, ShapeKind } from '../../shared/overview/types';
import { addDays } from './days';
import { poissonTailBelow } from './poisson';
import { shapeWeeks } from './shape-day-counts';

/** Thresholds as data: few shapes are tested (hundreds, not thousands of terms), the tail stays as strict. */
export const RISING_SHAPES = { minReports: 5, maxTail: 1e-4, phoneDigits: 5, limit: 30 } as const;

/** The shape of a canonical indicator value, or null for types without one (the generated columns `indicators.shape_kind` and `shape`, migration 0036, say the same in SQL). */
export function shapeOf(type: string, value: string): { kind: ShapeKind; shape: string } | null {
  // ISO 13616: country, two check digits, then the BBAN, whose first four characters are the bank (NL, DE's BLZ head).
  if (type === 'iban' && value.length >= 8) return { kind: 'iban-bank', shape: `${value.slice(0, 2)} ${value.slice(4, 8)}` };
  if (type === 'phone' && value.startsWith('+')) return { kind: 'phone-range', shape: value.slice(0, 1 + RISING_SHAPES.phoneDigits) };
  if (type === 'domain' && value.includes('.')) return { kind: 'tld', shape: value.slice(value.lastIndexOf('.')) };
  return null;
}

export function computeRisingShapes(sqlite: Database.Database, asOf: string, team: string | null): RisingShape[] {
  return shapeWeeks(sqlite, { from: addDays(asOf, -13), recentFrom: addDays(asOf, -6), to: asOf }, team)
    .filter((entry) => entry.thisWeek >= RISING_SHAPES.minReports && poissonTailBelow(entry.thisWeek, Math.max(entry.lastWeek, 1), RISING_SHAPES.maxTail) !== null)
    .sort((a, b) => b.thisWeek / Math.max(b.lastWeek, 1) - a.thisWeek / Math.max(a.lastWeek, 1) || b.thisWeek - a.thisWeek || a.shape.localeCompare(b.shape))
    .slice(0, RISING_SHAPES.limit);
}
