/**
 * A request may be about a report's cluster without listing that report (its bundle was set to other reports since):
 * the report does not hold it, and when retention purges the report, the request stays about no cluster rather
 * than keeping the purged id in plain text (src-main/mutations/report-traces.ts), as on the hub.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { systemClock } from '../../../shared/platform/clock';
import { createMutationApplier } from '../../../src-main/mutations/applier';
import { runRetention } from '../../../src-main/retention/retention-run';
import { foreignMutation } from '../../sync/support/mutation-fixtures';
import { filedRecord } from '../../support/records';
import { lastAuditId, tablesNaming } from '../../support/rows-naming';
import { openTempStore } from '../../support/temp-store';

async function requestAboutCluster(clusterReceivedAt: string) {
  const temp = openTempStore();
  const clusterReport = filedRecord({ receivedAt: clusterReceivedAt });
  const listed = filedRecord({ receivedAt: '2026-10-01T10:00:00Z' });
  expect((await temp.importRecords([clusterReport, listed])).imported).toBe(2);
  const auditBefore = lastAuditId(temp.store.sqlite);
  const applier = createMutationApplier(temp.store.sqlite, { clock: systemClock });
  const actionId = randomUUID();
  const request = foreignMutation('action.create', {
    actionId,
    kind: 'prevention_warning',
    indicatorType: null,
    indicatorValue: null,
    caseId: null,
    clusterReportId: clusterReport.reportId,
    title: 'Waarschuwing',
    addresseeId: null,
    reportIds: [listed.reportId],
    includePersonalData: false,
    legalBasis: 'art. 3 Politiewet',
    body: 'Waarschuwing aan de wijk.',
  });
  applier.applyFromHub(request, 1);
  const cluster = () => (JSON.parse(temp.store.sqlite.prepare<[string], string>('SELECT payload FROM requests WHERE id = ?').pluck().get(actionId)!) as { clusterReportId: string | null }).clusterReportId;
  return { temp, clusterReport, listed, cluster, auditBefore };
}

describe('a request about a purged report’s cluster', () => {
  it('is about no cluster once the report is purged, and the store names the report nowhere again', async () => {
    const { temp, clusterReport, cluster, auditBefore } = await requestAboutCluster('2026-04-01T10:00:00Z');
    expect(runRetention(temp.store.sqlite, { asOf: '2027-04-02', at: '2027-04-02T03:00:00Z', actor: 'system:retention' })).toMatchObject({ purged: 1 });
    expect(cluster()).toBeNull();
    expect(tablesNaming(temp.store.sqlite, clusterReport.reportId, auditBefore)).toEqual([]);
  });

  it('keeps its cluster while the report is kept (the honest twin)', async () => {
    const { temp, clusterReport, cluster } = await requestAboutCluster('2026-10-02T10:00:00Z');
    expect(runRetention(temp.store.sqlite, { asOf: '2027-04-02', at: '2027-04-02T03:00:00Z', actor: 'system:retention' })).toMatchObject({ purged: 0 });
    expect(cluster()).toBe(clusterReport.reportId);
  });
});
