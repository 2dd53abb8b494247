import { describe, expect, it } from 'vitest';
import { GRAPH_LIMITS } from '../../src-main/queries/cluster-graph';
import { filedRecord, IBANS } from '../support/records';
import { openApiHarness } from './support/api-harness';

describe('cluster.graph', () => {
  it('draws the cluster: reports, the indicators joining them, mention fields and decisions', async () => {
    const a = filedRecord({ suspect: { bankAccounts: [IBANS.muleA], phoneNumbers: ['06-41234567'] } });
    const b = filedRecord({ suspect: { bankAccounts: [IBANS.muleA, IBANS.muleB] } });
    const c = filedRecord({ payments: [{ amount: '5.00', beneficiaryAccount: IBANS.muleB }] });
    const api = await openApiHarness({ records: [a, b, c] });
    await api.value('link.decide', { reportA: a.reportId, reportB: b.reportId, decision: 'confirmed', reason: 'Zelfde verkoper' });
    const graph = await api.value('cluster.graph', { reportId: a.reportId });
    expect(graph.truncated).toBe(false);
    expect(graph.clusterId).not.toBeNull();
    const ids = graph.nodes.map((node) => node.id).sort();
    expect(ids).toEqual(
      [`report:${a.reportId}`, `report:${b.reportId}`, `report:${c.reportId}`, `indicator:iban:${IBANS.muleA}`, `indicator:iban:${IBANS.muleB}`, 'indicator:phone:+31641234567'].sort(),
    );
    expect(graph.edges).toContainEqual({ source: `report:${c.reportId}`, target: `indicator:iban:${IBANS.muleB}`, kind: 'mention', label: 'payments[0].beneficiaryAccount' });
    expect(graph.edges).toContainEqual({ source: `report:${a.reportId}`, target: `report:${b.reportId}`, kind: 'decision', label: 'confirmed', decision: 'confirmed' });
  });

  it('shows a lone report with its own indicators', async () => {
    const lone = filedRecord({ suspect: { bankAccounts: [IBANS.muleC] } });
    const api = await openApiHarness({ records: [lone] });
    const graph = await api.value('cluster.graph', { reportId: lone.reportId });
    expect(graph).toMatchObject({ clusterId: null, truncated: false });
    expect(graph.nodes.map((node) => node.kind)).toEqual(['report', 'indicator']);
  });

  it('shows the neighbourhood of the report when the cluster is too large to draw', async () => {
    const records = Array.from({ length: GRAPH_LIMITS.reports + 10 }, () => filedRecord({ suspect: { bankAccounts: [IBANS.muleD] } }));
    const api = await openApiHarness({ records });
    const graph = await api.value('cluster.graph', { reportId: records[0]!.reportId });
    expect(graph.truncated).toBe(true);
    const reportNodes = graph.nodes.filter((node) => node.kind === 'report');
    expect(reportNodes).toHaveLength(GRAPH_LIMITS.reports);
    expect(reportNodes.map((node) => node.label)).toContain(records[0]!.reportId);
  });
});

describe('link.decide', () => {
  it('records the decision and announces it; a rejection needs a reason', async () => {
    const a = filedRecord({ suspect: { bankAccounts: [IBANS.muleA] } });
    const b = filedRecord({ suspect: { bankAccounts: [IBANS.muleA] } });
    const api = await openApiHarness({ records: [a, b] });
    expect(await api.call('link.decide', { reportA: a.reportId, reportB: b.reportId, decision: 'rejected', reason: '' })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    expect(await api.value('link.decide', { reportA: a.reportId, reportB: b.reportId, decision: 'confirmed', reason: '' })).toBeNull();
    expect(api.events).toContainEqual({ event: 'work.changed', payload: { entities: ['link'] } });
    expect(await api.call('link.decide', { reportA: a.reportId, reportB: a.reportId, decision: 'confirmed', reason: '' })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
  });
});
