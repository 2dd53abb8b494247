import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { computeOverview } from '../../../src-main/overview/compute-overview';
import { cachedOverview } from '../../../src-main/overview/overview-cache';
import { writeOverviewSettings, DEFAULT_OVERVIEW_SETTINGS } from '../../../src-main/overview/overview-settings';
import { filedRecord } from '../../support/records';
import { openTempStore } from '../../support/temp-store';

const AS_OF = '2026-04-02';
const input = { asOf: AS_OF, team: null };

describe('the overview kept until the store changes', () => {
  it('answers the same overview while nothing changed, and a fresh one after this or another connection wrote', async () => {
    const temp = openTempStore();
    await temp.importRecords([filedRecord()]);
    const { sqlite } = temp.store;

    const first = cachedOverview(sqlite, input);
    expect(cachedOverview(sqlite, input)).toBe(first);
    expect(first).toEqual(computeOverview(sqlite, input));
    expect(cachedOverview(sqlite, { asOf: AS_OF, team: 'Team Fraude' })).not.toBe(first);

    // A report imported through this connection.
    await temp.importRecords([filedRecord()]);
    const afterImport = cachedOverview(sqlite, input);
    expect(afterImport.backlog.open).toBe(first.backlog.open + 1);
    expect(cachedOverview(sqlite, input)).toBe(afterImport);

    // A change committed by another connection to the same file (the import thread, a second process).
    const other = new Database(temp.path);
    other.prepare("UPDATE reports SET work_status = 'closed'").run();
    other.close();
    const afterOther = cachedOverview(sqlite, input);
    expect(afterOther).not.toBe(afterImport);
    expect(afterOther.backlog.open).toBe(0);

    // The supervisor's settings are part of the store too.
    writeOverviewSettings(sqlite, { ...DEFAULT_OVERVIEW_SETTINGS, weeks: 4 });
    expect(cachedOverview(sqlite, input).weekly).toHaveLength(4);
  });
});
