/**
 * A mentions row whose `field` holds a code this version does not know (a newer version's, or a damaged row) breaks
 * none of the screens that read mentions: the report page, related reports, the cluster graph and a request's
 * bundle show the stored text as it is, a maintainer is told the row's id (and nothing of the report), and the
 * report's next revision writes the row again.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { decodeMentionField, UNKNOWN_MENTION_FIELD_WARNING } from '../../../src-main/db/reports/mention-field';
import { relatedReports } from '../../../src-main/linking/queries';
import { createMentionsOfIndicator } from '../../../src-main/queries/bundle-reports';
import { clusterGraph } from '../../../src-main/queries/cluster-graph';
import { reportDetail } from '../../../src-main/queries/report-detail';
import { filedRecord, IBANS } from '../../support/records';
import { openTempStore } from '../../support/temp-store';

afterEach(() => {
  vi.restoreAllMocks();
});

async function twoReportsSharingAnIban() {
  const temp = openTempStore();
  const subject = filedRecord({ suspect: { bankAccounts: [IBANS.muleA] } });
  const other = filedRecord({ suspect: { bankAccounts: [IBANS.muleA] } });
  await temp.importRecords([subject, other]);
  const mention = temp.store.sqlite
    .prepare<[string], { rowid: number; reportKey: number; indicatorId: number }>(
      `SELECT m.rowid, m.report_id AS reportKey, m.indicator_id AS indicatorId
       FROM mentions m JOIN reports r ON r.id = m.report_id JOIN indicators i ON i.id = m.indicator_id
       WHERE r.report_id = ? AND i.value = '${IBANS.muleA}'`,
    )
    .get(subject.reportId)!;
  return { ...temp, subject, other, mention };
}

/** The field every screen shows for the subject's mention of the shared IBAN. */
function fieldsShown(sqlite: import('better-sqlite3').Database, subjectId: string, otherId: string, mention: { reportKey: number; indicatorId: number }) {
  const graph = clusterGraph(sqlite, subjectId);
  return {
    page: reportDetail(sqlite, subjectId).indicators.find((indicator) => indicator.value === IBANS.muleA)?.field,
    related: relatedReports(sqlite, subjectId)[0]?.shared[0]?.fields,
    relatedFromOther: relatedReports(sqlite, otherId)[0]?.shared[0]?.theirFields,
    graph: graph.edges.find((edge) => edge.source === `report:${subjectId}`)?.label,
    bundle: createMentionsOfIndicator(sqlite)(mention.reportKey, mention.indicatorId).map((row) => row.field),
  };
}

describe('a mention whose field holds an unknown code', () => {
  it('reads as its path when the code is known, and no warning goes out', async () => {
    const { store, subject, other, mention } = await twoReportsSharingAnIban();
    const warn = vi.spyOn(process, 'emitWarning').mockImplementation(() => undefined);
    expect(fieldsShown(store.sqlite, subject.reportId, other.reportId, mention)).toEqual({
      page: 'suspect.bankAccounts[0]',
      related: ['suspect.bankAccounts[0]'],
      relatedFromOther: ['suspect.bankAccounts[0]'],
      graph: 'suspect.bankAccounts[0]',
      bundle: ['suspect.bankAccounts[0]'],
    });
    expect(warn).not.toHaveBeenCalled();
  });

  it('is shown as stored on every screen, and a maintainer is told its row id (nothing of the report) each time it is read', async () => {
    const { store, subject, other, mention } = await twoReportsSharingAnIban();
    store.sqlite.prepare("UPDATE mentions SET field = '#zz' WHERE rowid = ?").run(mention.rowid);
    const warn = vi.spyOn(process, 'emitWarning').mockImplementation(() => undefined);

    expect(fieldsShown(store.sqlite, subject.reportId, other.reportId, mention)).toEqual({
      page: '#zz',
      related: ['#zz'],
      relatedFromOther: ['#zz'],
      graph: '#zz',
      bundle: ['#zz'],
    });
    expect(warn).toHaveBeenCalled();
    for (const [message, options] of warn.mock.calls) {
      expect(message).toBe(`mentions row ${mention.rowid} holds a field code this version does not know; it is shown as stored`);
      expect(options).toEqual({ code: UNKNOWN_MENTION_FIELD_WARNING });
    }
  });

  it('is not mistaken for a code the version knows, however it is shaped', () => {
    const warn = vi.spyOn(process, 'emitWarning').mockImplementation(() => undefined);
    for (const [stored, rowid] of [['#zz', 101], ['#n7', 102], ['#p', 103], ['#', 104], ['#P0', 105], ['#b0x', 106]] as const) {
      expect(decodeMentionField(stored, rowid)).toBe(stored);
    }
    expect(warn.mock.calls.map(([message]) => String(message).match(/mentions row (\d+) /)?.[1])).toEqual(['101', '102', '103', '104', '105', '106']);
  });

  it('is written again by the report’s next revision, which the unknown code does not stop', async () => {
    const { store, importRecords, subject, mention } = await twoReportsSharingAnIban();
    store.sqlite.prepare("UPDATE mentions SET field = '#zz' WHERE rowid = ?").run(mention.rowid);
    vi.spyOn(process, 'emitWarning').mockImplementation(() => undefined);

    const summary = await importRecords([{ ...subject, revision: 2, receivedAt: '2026-04-02T10:00:00Z' }]);

    expect(summary).toMatchObject({ updated: 1, rejected: [] });
    const fields = store.sqlite.prepare<[number], string>('SELECT field FROM mentions WHERE report_id = ? ORDER BY field').pluck().all(mention.reportKey);
    expect(fields).not.toContain('#zz');
    expect(reportDetail(store.sqlite, subject.reportId).indicators.find((indicator) => indicator.value === IBANS.muleA)?.field).toBe('suspect.bankAccounts[0]');
  });
});
