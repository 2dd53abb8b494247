import { describe, expect, it } from 'vitest';
import type { IntakeRecord } from '../../../shared/intake/schema';
import type { ReportInput } from '../../../src-main/ingest/report-writer';
import { filedRecord, withdrawal } from '../../support/records';
import { openTempStore, type TempStore } from '../../support/temp-store';

// An import's batch reads at its start which of its reports the store holds, and looks up only those and the ones
// it met itself: any other is new. A report it took for new while it had a row would fail the batch (the row's
// unique report id) or be written twice.

const inputOf = (record: IntakeRecord): ReportInput => ({ record, raw: JSON.stringify(record) });
const revisionOf = (record: IntakeRecord, revision: number): IntakeRecord => ({
  ...record,
  revision,
  receivedAt: `2026-04-0${revision}T10:00:00Z`,
  incident: { summary: record.incident!.summary, narrative: `${record.incident!.narrative} Aanvulling ${revision}.` },
});

function storedRows(temp: TempStore, reportId: string): Array<{ revision: number; status: string }> {
  return temp.store.sqlite.prepare('SELECT revision, status FROM reports WHERE report_id = ?').all(reportId) as Array<{ revision: number; status: string }>;
}

describe('the reports an import’s batch finds stored', () => {
  it('are those earlier batches wrote: revised, withdrawn or left as they are, never written again', () => {
    const temp = openTempStore();
    const [kept, revised, withdrawn] = [filedRecord(), filedRecord(), filedRecord()];
    expect(temp.writer.applyBatch([kept, revised, withdrawn].map(inputOf))).toEqual(['imported', 'imported', 'imported']);
    const fresh = filedRecord();
    expect(temp.writer.applyBatch([fresh, kept, revisionOf(revised, 2), withdrawal(withdrawn, 2)].map(inputOf))).toEqual(['imported', 'ignored', 'updated', 'updated']);
    expect(storedRows(temp, kept.reportId)).toEqual([{ revision: 1, status: 'filed' }]);
    expect(storedRows(temp, revised.reportId)).toEqual([{ revision: 2, status: 'filed' }]);
    expect(storedRows(temp, withdrawn.reportId)).toEqual([{ revision: 2, status: 'withdrawn' }]);
    expect(storedRows(temp, fresh.reportId)).toEqual([{ revision: 1, status: 'filed' }]);
  });

  it('include the ones the batch wrote itself: a report and its revisions in one batch', () => {
    const temp = openTempStore();
    const report = filedRecord();
    expect(temp.writer.applyBatch([report, revisionOf(report, 3), revisionOf(report, 2), report].map(inputOf))).toEqual(['imported', 'updated', 'ignored', 'ignored']);
    expect(storedRows(temp, report.reportId)).toEqual([{ revision: 3, status: 'filed' }]);
    expect(temp.store.sqlite.prepare('SELECT count(*) FROM report_revisions').pluck().get()).toBe(3);
  });

  it('are found by ids outside the contract’s ASCII too (not validated here): other scripts, and surrogates, which are each looked up', () => {
    const temp = openTempStore();
    const ids = ['IA-2026-ÿ-één', 'IA-2026-"\\u0041"', 'IA-2026-😀', 'IA-2026-\uD800'];
    const reports = ids.map((reportId) => filedRecord({ reportId }));
    expect(temp.writer.applyBatch(reports.map(inputOf))).toEqual(['imported', 'imported', 'imported', 'imported']);
    expect(temp.writer.applyBatch(reports.map((report) => inputOf(revisionOf(report, 2))))).toEqual(['updated', 'updated', 'updated', 'updated']);
    for (const id of ids.slice(0, 3)) expect(storedRows(temp, id)).toEqual([{ revision: 2, status: 'filed' }]);
    // The lone surrogate alone, so its batch takes no JSON path at all.
    expect(temp.writer.applyBatch([inputOf(revisionOf(reports[3]!, 3))])).toEqual(['updated']);
    expect(temp.store.sqlite.prepare('SELECT count(*) FROM reports').pluck().get()).toBe(4);
  });
});
