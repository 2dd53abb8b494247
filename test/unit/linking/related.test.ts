import { describe, expect, it } from 'vitest';
import { relatedReports } from '../../../src-main/linking/queries';
import { openTempStore } from '../../support/temp-store';
import { filedRecord, IBANS, withdrawal } from '../../support/records';

const narrative = (text: string) => ({ incident: { summary: 'Betaald, niets ontvangen', narrative: text } });

describe('related reports', () => {
  it('lists each related report once, with every shared indicator and the fields on both sides', async () => {
    const { store, importRecords } = openTempStore();
    const subject = filedRecord({
      suspect: { bankAccounts: [IBANS.muleA, IBANS.muleB], phoneNumbers: ['06-12345678'] },
      ...narrative(`Ik moest betalen naar ${IBANS.muleA}.`),
    });
    const sharesTwo = filedRecord({
      suspect: { bankAccounts: [IBANS.muleB] },
      ...narrative(`Betaald aan ${IBANS.muleA}, daarna gebeld vanaf 0612345678.`),
    });
    const sharesOne = filedRecord({ suspect: { bankAccounts: [IBANS.muleB] } });
    const unrelated = filedRecord({ suspect: { bankAccounts: [IBANS.muleC] } });
    await importRecords([subject, sharesTwo, sharesOne, unrelated]);

    expect(relatedReports(store.sqlite, subject.reportId)).toEqual([
      {
        reportId: sharesTwo.reportId,
        shared: [
          { type: 'iban', value: IBANS.muleB, fields: ['suspect.bankAccounts[1]'], theirFields: ['suspect.bankAccounts[0]'] },
          { type: 'iban', value: IBANS.muleA, fields: ['incident.narrative', 'suspect.bankAccounts[0]'], theirFields: ['incident.narrative'] },
          { type: 'phone', value: '+31612345678', fields: ['suspect.phoneNumbers[0]'], theirFields: ['incident.narrative'] },
        ],
      },
      {
        reportId: sharesOne.reportId,
        shared: [{ type: 'iban', value: IBANS.muleB, fields: ['suspect.bankAccounts[1]'], theirFields: ['suspect.bankAccounts[0]'] }],
      },
    ]);
  });

  it('no longer lists a withdrawn report, and a withdrawn report relates to nothing', async () => {
    const { store, importRecords } = openTempStore();
    const subject = filedRecord({ suspect: { bankAccounts: [IBANS.muleD] } });
    const other = filedRecord({ suspect: { bankAccounts: [IBANS.muleD] } });
    await importRecords([subject, other]);
    expect(relatedReports(store.sqlite, subject.reportId).map((r) => r.reportId)).toEqual([other.reportId]);

    await importRecords([withdrawal(other, 2)]);
    expect(relatedReports(store.sqlite, subject.reportId)).toEqual([]);
    expect(relatedReports(store.sqlite, other.reportId)).toEqual([]);
  });
});
