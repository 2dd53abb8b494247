/**
 * SQLite's sum() over no rows is null, not 0: the overview's sums over nothing — an empty store, a team without
 * reports, an indicator named before and after the harm window but not in it — give zeros and leave things out,
 * never null or NaN.
 */
import { describe, expect, it } from 'vitest';
import type { IntakeRecord } from '../../../shared/intake/schema';
import { computeOverview } from '../../../src-main/overview/compute-overview';
import { computeHarm } from '../../../src-main/overview/harm';
import { openApiHarness } from '../../api/support/api-harness';
import { filedRecord } from '../../support/records';
import { AS_OF } from './support';

/** Every number anywhere in the value, with where it is. */
function numbersIn(value: unknown, path = ''): Array<[string, unknown]> {
  if (value === null || typeof value !== 'object') return typeof value === 'number' ? [[path, value]] : [];
  return Object.entries(value).flatMap(([key, inner]) => numbersIn(inner, `${path}.${key}`));
}

const victim = (phone: string, receivedAt: string): IntakeRecord =>
  filedRecord({ receivedAt, payments: [{ amount: '250.00', currency: 'EUR' }], suspect: { phoneNumbers: [phone] } });

describe('sums over nothing', () => {
  it('an empty store, and a team without reports, give zeros everywhere', async () => {
    const api = await openApiHarness();
    for (const team of [null, 'Team Fraude']) {
      const overview = computeOverview(api.store.sqlite, { asOf: AS_OF, team });
      expect(overview.backlog).toMatchObject({ open: 0, overdue: 0, byAge: { '0-2d': 0, '3-7d': 0, '8-30d': 0, '31d+': 0 }, overdueList: [] });
      expect(overview.weekly.length).toBeGreaterThan(0);
      for (const week of overview.weekly) expect(week).toMatchObject({ received: 0, closed: 0, loss: 0, openAtEnd: 0 });
      expect(overview.harm).toEqual([]);
      // A null, or NaN (JSON's null), where a number belongs.
      expect(JSON.stringify(overview)).not.toMatch(/"(open|overdue|received|closed|loss|openAtEnd|requestsSent|requestsExecuted)":null/u);
      expect(numbersIn(overview).filter(([, number]) => !Number.isFinite(number))).toEqual([]);
    }
  });

  it('an indicator named before and after the harm window but not in it is left out; one named in it is ranked', async () => {
    const outside = '06-41000001';
    const inside = '06-41000002';
    const api = await openApiHarness({ records: [victim(outside, '2026-10-15T10:00:00Z'), victim(outside, '2026-11-25T10:00:00Z'), victim(inside, '2026-11-18T10:00:00Z')] });
    const harm = computeHarm(api.store.sqlite, AS_OF, 14, null);
    expect(harm.map((entry) => entry.value.replace(/\D/gu, '').slice(-8))).toEqual([inside.replace(/\D/gu, '').slice(-8)]);
    expect(harm[0]).toMatchObject({ victims: 1, loss: 25_000 });
    expect(numbersIn(harm).filter(([, number]) => !Number.isFinite(number))).toEqual([]);
  });
});
