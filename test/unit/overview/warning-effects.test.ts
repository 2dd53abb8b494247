import { describe, expect, it } from 'vitest';
import type { IntakeRecord } from '../../../shared/intake/schema';
import { computeOverview } from '../../../src-main/overview/compute-overview';
import { openApiHarness, SUPERVISOR } from '../../api/support/api-harness';
import { acceptedDraft } from '../../support/request-params';
import { filedRecord } from '../../support/records';

const OTHER_SUPERVISOR = 'r.dekker';
const SPOOFED = '+31201234567';
const call = (receivedAt: string): IntakeRecord => filedRecord({ category: 'bank_helpdesk_fraud', receivedAt, suspect: { phoneNumbers: [SPOOFED] } });
const day = (date: Date) => date.toISOString().slice(0, 10);

/** Two calls a day in the two weeks before the warning (18–31 October), one every other day after it (1–11 November). */
function campaign(): IntakeRecord[] {
  const records: IntakeRecord[] = [];
  for (let time = Date.parse('2026-10-18T09:00:00Z'); time < Date.parse('2026-11-01T00:00:00Z'); time += 86_400_000) {
    records.push(call(new Date(time).toISOString().replace('.000', '')), call(new Date(time + 3_600_000).toISOString().replace('.000', '')));
  }
  for (let time = Date.parse('2026-11-01T09:00:00Z'); time < Date.parse('2026-11-12T00:00:00Z'); time += 2 * 86_400_000) records.push(call(new Date(time).toISOString().replace('.000', '')));
  return records;
}

describe('the effect of a published warning', () => {
  it('compares its cluster’s new reports per day before and since publication; an unpublished warning is not listed', async () => {
    const records = campaign();
    const author = (await openApiHarness({ records })).as(SUPERVISOR);
    const reviewer = author.as(OTHER_SUPERVISOR);
    const clusterReportId = records[0]!.reportId;
    const draft = await author.value('request.draft', { kind: 'prevention_warning', clusterReportId });
    const { actionId } = await author.value('request.create', acceptedDraft(draft));
    await author.value('request.create', acceptedDraft(draft));
    await author.value('request.transition', { actionId, from: 'draft', to: 'awaiting_approval' });
    await reviewer.value('request.transition', { actionId, from: 'awaiting_approval', to: 'approved' });
    await author.value('request.transition', { actionId, from: 'approved', to: 'executed', occurredAt: '2026-11-01', reference: 'politie.nl' });

    // Independently: count the records per received day, in and after the fourteen days before publication.
    const asOf = '2026-11-12';
    const perDay = new Map<string, number>();
    for (const record of records) perDay.set(day(new Date(record.receivedAt)), (perDay.get(day(new Date(record.receivedAt))) ?? 0) + 1);
    const countIn = (from: string, to: string) => [...perDay].filter(([date]) => date >= from && date <= to).reduce((sum, [, count]) => sum + count, 0);
    const before = countIn('2026-10-18', '2026-10-31') / 14;
    const after = countIn('2026-11-01', asOf) / 12;

    const { warningEffects } = computeOverview(author.store.sqlite, { asOf, team: null });
    expect(warningEffects).toHaveLength(1);
    expect(warningEffects[0]).toMatchObject({ actionId, publishedAt: '2026-11-01', where: 'politie.nl', subjectType: 'cluster', subjectValue: clusterReportId, daysAfter: 12 });
    expect(warningEffects[0]!.perDayBefore).toBeCloseTo(before, 2);
    expect(warningEffects[0]!.perDayAfter).toBeCloseTo(after, 2);
    expect(before).toBe(2);
    expect(warningEffects[0]!.sparkline).toHaveLength(26);
    expect(warningEffects[0]!.sparkline.reduce((sum, count) => sum + count, 0)).toBe(records.length);

    // As of the eve of publication, it was not published yet.
    expect(computeOverview(author.store.sqlite, { asOf: '2026-10-31', team: null }).warningEffects).toEqual([]);
  });
});
