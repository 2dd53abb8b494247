import { describe, expect, it } from 'vitest';
import { computeRisingTerms } from '../../../src-main/overview/rising-terms';
import { filedRecord } from '../../support/records';
import { openTempStore } from '../../support/temp-store';
import { AS_OF, quietRecords } from './support';

describe('rising terms (new methods in the reports’ own words)', () => {
  it('finds a new pretext in this week’s summaries, counted per report, and nothing on a quiet store', async () => {
    const quiet = quietRecords(1500, 5);
    const temp = openTempStore();
    await temp.importRecords(quiet);
    expect(computeRisingTerms(temp.store.sqlite, AS_OF, null)).toEqual([]);

    const tikkie = Array.from({ length: 10 }, (_, index) =>
      filedRecord({ receivedAt: `2026-11-${18 + (index % 3)}T09:00:00Z`, incident: { summary: 'Betaalverzoek via Tikkie, Tikkie bleek nep', narrative: 'Ik betaalde een Tikkie.' } }),
    );
    const before = filedRecord({ receivedAt: '2026-11-10T09:00:00Z', incident: { summary: 'Een Tikkie ontvangen', narrative: 'Tikkie.' } });
    await temp.importRecords([...tikkie, before]);
    const rising = computeRisingTerms(temp.store.sqlite, AS_OF, null);
    // Independent count: reports whose summary mentions the word, in each seven-day window.
    const inWindow = (from: string, to: string) => [...quiet, ...tikkie, before].filter((record) => record.receivedAt >= from && record.receivedAt <= to && /tikkie/i.test(record.incident?.summary ?? '')).length;
    expect(rising.find((term) => term.term === 'tikkie')).toEqual({ term: 'tikkie', thisWeek: inWindow('2026-11-14', '2026-11-21'), lastWeek: inWindow('2026-11-07', '2026-11-14') });
    expect(rising.map((term) => term.term)).toContain('via tikkie');
  });
});
