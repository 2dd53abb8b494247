import { describe, expect, it } from 'vitest';
import type { QueueQuery } from '../../shared/api/views';
import { filedRecord, IBANS, withdrawal } from '../support/records';
import { openApiHarness, OFFICER } from './support/api-harness';

const query = (overrides: Partial<QueueQuery> = {}): QueueQuery => ({
  filters: {},
  sort: { key: 'receivedAt', direction: 'desc' },
  offset: 0,
  limit: 50,
  ...overrides,
});

function fixture() {
  const bike = filedRecord({
    receivedAt: '2026-04-01T10:00:00Z',
    region: 'Oost-Brabant',
    incident: { summary: 'Fiets betaald', narrative: 'Een kluisrekening werd genoemd.' },
    payments: [{ amount: '250.00', currency: 'EUR', beneficiaryAccount: IBANS.muleA }],
  });
  const phone = filedRecord({ receivedAt: '2026-04-02T10:00:00Z', category: 'phishing', region: 'Amsterdam', suspect: { bankAccounts: [IBANS.muleA] } });
  const lone = filedRecord({ receivedAt: '2026-04-03T10:00:00Z', region: undefined });
  const gone = filedRecord({ receivedAt: '2026-04-04T10:00:00Z' });
  return { bike, phone, lone, gone, records: [bike, phone, lone, gone, withdrawal(gone, 2)] };
}

describe('queue.list', () => {
  it('pages live reports newest first, with the total and cluster sizes', async () => {
    const { bike, phone, lone, records } = fixture();
    const api = await openApiHarness({ records });
    const page = await api.value('queue.list', query({ limit: 2 }));
    expect(page.total).toBe(3);
    expect(page.rows.map((row) => row.reportId)).toEqual([lone.reportId, phone.reportId]);
    expect(page.rows[1]).toMatchObject({ clusterSize: 2, category: 'phishing', workStatus: 'new', assignee: null, kind: 'aangifte' });
    expect(page.rows[0]).toMatchObject({ clusterSize: 1, clusterId: null, region: null });
    const next = await api.value('queue.list', query({ limit: 2, offset: 2 }));
    expect(next).toMatchObject({ offset: 2, total: 3 });
    expect(next.rows.map((row) => row.reportId)).toEqual([bike.reportId]);
  });

  it('filters by partial words, category, region, loss, cluster and assignee', async () => {
    const { bike, phone, lone, records } = fixture();
    const api = await openApiHarness({ records });
    // A typed search looks through personal data, so it carries its purpose (required by the core).
    const ids = async (filters: QueueQuery['filters']) =>
      (await api.value('queue.list', query({ filters, ...(filters.text ? { purpose: 'Onderzoek naar een zaak' } : {}) }))).rows.map((row) => row.reportId).sort();
    expect(await ids({ text: 'kluisrek' })).toEqual([bike.reportId]);
    expect(await ids({ categories: ['phishing'] })).toEqual([phone.reportId]);
    expect(await ids({ regions: ['Oost-Brabant', 'Amsterdam'] })).toEqual([bike.reportId, phone.reportId].sort());
    expect(await ids({ hasLoss: true })).toEqual([bike.reportId]);
    expect(await ids({ inCluster: false })).toEqual([lone.reportId]);
    expect(await ids({ receivedFrom: '2026-04-02', receivedTo: '2026-04-02' })).toEqual([phone.reportId]);

    await api.value('report.assign', { reportIds: [phone.reportId], assignee: OFFICER });
    await api.value('report.assign', { reportIds: [lone.reportId], assignee: api.context.officer.id });
    expect(await ids({ assignee: 'me' })).toEqual([lone.reportId]);
    expect(await ids({ assignee: OFFICER })).toEqual([phone.reportId]);
    expect(await ids({ assignee: 'unassigned' })).toEqual([bike.reportId]);
    await api.value('report.setWorkStatus', { reportIds: [bike.reportId], status: 'closed' });
    expect(await ids({ workStatuses: ['new', 'in_progress'] })).toEqual([lone.reportId, phone.reportId].sort());
  });

  it('sorts by loss, cluster size and region with missing values last', async () => {
    const { bike, phone, lone, records } = fixture();
    const api = await openApiHarness({ records });
    const order = async (key: QueueQuery['sort']['key'], direction: 'asc' | 'desc') =>
      (await api.value('queue.list', query({ sort: { key, direction } }))).rows.map((row) => row.reportId);
    expect((await order('loss', 'desc'))[0]).toBe(bike.reportId);
    expect((await order('clusterSize', 'asc'))[0]).toBe(lone.reportId);
    expect(await order('region', 'asc')).toEqual([phone.reportId, bike.reportId, lone.reportId]);
    expect(await order('region', 'desc')).toEqual([bike.reportId, phone.reportId, lone.reportId]);
  });

  it('refuses an unknown sort key or a page that is too large, naming the field', async () => {
    const api = await openApiHarness();
    const badSort = await api.call('queue.list', query({ sort: { key: 'reporterName' as never, direction: 'asc' } }));
    expect(badSort).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    expect(!badSort.ok && badSort.error.message).toContain('sort.key');
    const tooMany = await api.call('queue.list', query({ limit: 10_000 }));
    expect(!tooMany.ok && tooMany.error.message).toContain('limit');
  });
});

describe('queue.regions', () => {
  it('lists the regions of live reports once each, not those of withdrawn ones', async () => {
    const api = await openApiHarness({ records: fixture().records });
    expect(await api.value('queue.regions', {})).toEqual(['Amsterdam', 'Oost-Brabant']);
  });
});
