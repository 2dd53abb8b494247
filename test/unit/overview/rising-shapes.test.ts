import { Readable } from 'node:stream';
import { composeIBAN } from 'ibantools';
import { describe, expect, it } from 'vitest';
import { computeRisingShapes } from '../../../src-main/overview/rising-shapes';
import type { IntakeRecord } from '../../../shared/intake/schema';
import { importNdjson } from '../../../src-main/ingest/importer';
import { filedRecord } from '../../support/records';
import { openTempStore } from '../../support/temp-store';
import { AS_OF, quietRecords } from './support';

const newBankIban = (index: number) => composeIBAN({ countryCode: 'NL', bban: `FVLB${String(210_000_000 + index).padStart(10, '0')}` }) ?? '';

/** This week: a bank, a number range and a TLD no report named before. */
const campaign = (): IntakeRecord[] =>
  Array.from({ length: 8 }, (_, index) =>
    filedRecord({
      receivedAt: `2026-11-${15 + (index % 5)}T09:00:00Z`,
      suspect: { bankAccounts: [newBankIban(index)], phoneNumbers: [`+31 84 ${String(4_100_000 + index)}`], websites: [`https://postnl-pakket${index}.zip/volg`] },
    }),
  );

/**
 * A fresh store holding the records, imported in the importer's own batches: the same rows as the temp store's
 * three-record batches (which test batch edges elsewhere), at a fraction of the commits.
 */
async function storeOf(records: readonly IntakeRecord[]) {
  const temp = openTempStore();
  const summary = await importNdjson(Readable.from([Buffer.from(records.map((record) => `${JSON.stringify(record)}\n`).join(''))]), temp.writer);
  expect(summary).toMatchObject({ imported: records.length, rejected: [] });
  return temp;
}

describe('rising shapes (new mule banks, number ranges, top-level domains)', () => {
  it('finds nothing on quiet stores of several seeds (false alarms measured, none allowed at this threshold)', async () => {
    let alarms = 0;
    for (const seed of [3, 5, 11]) {
      const temp = await storeOf(quietRecords(1200, seed));
      alarms += computeRisingShapes(temp.store.sqlite, AS_OF, null).length;
    }
    expect(alarms).toBe(0);
  });

  it('finds an injected campaign’s bank, number range and TLD, counted per report in each seven-day window', async () => {
    const quiet = quietRecords(1200, 5);
    const injected = campaign();
    const before = filedRecord({ receivedAt: '2026-11-10T09:00:00Z', suspect: { bankAccounts: [newBankIban(99)] } });
    const temp = await storeOf([...quiet, ...injected, before]);
    const rising = computeRisingShapes(temp.store.sqlite, AS_OF, null);
    // Independent count from the records themselves: reports whose suspect data carries the shape, per window.
    const all = [...quiet, ...injected, before];
    const count = (from: string, to: string, has: (record: IntakeRecord) => boolean) =>
      all.filter((record) => record.receivedAt >= `${from}T00:00:00` && record.receivedAt <= `${to}T23:59:59` && has(record)).length;
    const fvlb = (record: IntakeRecord) => (record.suspect?.bankAccounts ?? []).some((account) => /^NL\d\dFVLB/.test(String(account)));
    const range = (record: IntakeRecord) => (record.suspect?.phoneNumbers ?? []).some((phone) => String(phone).startsWith('+31 84 4'));
    const zip = (record: IntakeRecord) => (record.suspect?.websites ?? []).some((site) => /\.zip\//.test(String(site)));
    expect(rising).toContainEqual({ kind: 'iban-bank', shape: 'NL FVLB', thisWeek: count('2026-11-14', AS_OF, fvlb), lastWeek: count('2026-11-07', '2026-11-13', fvlb) });
    expect(rising).toContainEqual({ kind: 'phone-range', shape: '+31844', thisWeek: count('2026-11-14', AS_OF, range), lastWeek: 0 });
    expect(rising).toContainEqual({ kind: 'tld', shape: '.zip', thisWeek: count('2026-11-14', AS_OF, zip), lastWeek: 0 });
    expect(rising.find((entry) => entry.shape === 'NL FVLB')).toMatchObject({ thisWeek: 8, lastWeek: 1 });
    expect(rising).toHaveLength(3);
  });
});
