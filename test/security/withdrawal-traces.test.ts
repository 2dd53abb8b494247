import { describe, expect, it } from 'vitest';
import { searchReports } from '../../src-main/search/search-reports';
import { filedRecord, withdrawal } from '../support/records';
import { storeFilesHold } from '../support/raw-bytes';
import { openTempStore } from '../support/temp-store';

// Unencrypted on purpose: the bytes of an encrypted store hold no plain text anyway, which would prove nothing here.
describe('a withdrawal leaves no trace of the victim in the store’s files', () => {
  it('neither in the store file (free pages, the text index) nor in its WAL', async () => {
    const { store, path, importRecords } = openTempStore();
    const phrase = 'Quokkaplein zeventien achter de kapsalon';
    const report = filedRecord({ reporter: { type: 'person', name: 'Wilhelmina Zeldzaamnaam' }, incident: { summary: 'Fiets niet geleverd', narrative: `Ik woon aan het ${phrase} en betaalde vooruit.` } });
    await importRecords([report, ...Array.from({ length: 30 }, () => filedRecord())]);
    store.sqlite.pragma('wal_checkpoint(PASSIVE)');
    // The honest twin: the phrase is there to be found before the withdrawal.
    expect(storeFilesHold(path, phrase)).toBe(true);
    expect(storeFilesHold(path, 'quokkaplein')).toBe(true);

    await importRecords([withdrawal(report, 2)]);
    for (const text of [phrase, 'Zeldzaamnaam', 'quokkaplein', 'Quokkaplein']) expect(storeFilesHold(path, text)).toBe(false);
    expect(searchReports(store.sqlite, { query: 'quokkaplein' })).toEqual([]);
    expect(searchReports(store.sqlite, { query: 'fiets' }).length).toBeGreaterThan(0);
  });
});
