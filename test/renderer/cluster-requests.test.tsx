// @vitest-environment jsdom
import './support/dom-setup';
import { act, fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ClusterGraph } from '../../shared/api/views';
import { ClusterRequestPanel } from '../../src-renderer/features/requests/ClusterRequestPanel';
import { clusterIndicators } from '../../src-renderer/state/cluster-selectors';
import { requestDraft, IBAN } from './support/request-builders';
import { reportIdOf } from './support/builders';
import { FakeApi, settle } from './support/fake-api';
import { renderWithStore } from './support/render';

const report = (index: number) => ({ id: `r:${reportIdOf(index)}`, kind: 'report' as const, label: reportIdOf(index), group: 'marketplace_fraud' });
const mention = (index: number, target: string) => ({ source: `r:${reportIdOf(index)}`, target, kind: 'mention' as const, label: 'incident.narrative' });

const GRAPH: ClusterGraph = {
  clusterId: 4,
  truncated: false,
  nodes: [
    report(0),
    report(1),
    report(2),
    { id: 'i:iban', kind: 'indicator', label: IBAN, group: 'iban' },
    { id: 'i:url', kind: 'indicator', label: 'https://nep-shop.example/kassa', group: 'url' },
    { id: 'i:phone', kind: 'indicator', label: '+31201234567', group: 'phone', benign: true },
  ],
  edges: [mention(0, 'i:iban'), mention(1, 'i:iban'), mention(2, 'i:iban'), mention(2, 'i:url'), mention(0, 'i:phone'), mention(1, 'i:phone')],
};

describe('follow-up actions on a cluster', () => {
  it('offers the non-benign pieces of the cluster, the most shared first', () => {
    expect(clusterIndicators(GRAPH)).toEqual([
      { type: 'iban', value: IBAN, reports: 3 },
      { type: 'url', value: 'https://nep-shop.example/kassa', reports: 1 },
    ]);
  });

  it('drafts a block request about the chosen piece for this cluster, or a warning about the cluster', async () => {
    const api = new FakeApi().handle('request.draft', (query) => requestDraft(query.kind === 'prevention_warning' ? { kind: 'prevention_warning', indicatorType: null, indicatorValue: null } : {}));
    const { store } = renderWithStore(<ClusterRequestPanel reportId={reportIdOf(0)} />, api);
    act(() => store.setState({ clusterReportId: reportIdOf(0), graph: GRAPH }));
    const panel = screen.getByTestId('cluster-actions');
    expect(within(panel).getByTestId('cluster-action-indicator')).toHaveProperty('value', `IBAN: ${IBAN} (3 meldingen)`);

    await act(async () => {
      fireEvent.click(within(panel).getByRole('button', { name: 'Blokkeringsverzoek opstellen' }));
      await settle();
    });
    expect(api.callsOf('request.draft')).toEqual([{ kind: 'bank_block', indicatorType: 'iban', indicatorValue: IBAN, clusterReportId: reportIdOf(0) }]);
    expect(api.callsOf('request.list')).toContainEqual({ indicatorType: 'iban', indicatorValue: IBAN });
    fireEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Annuleren' }));

    await act(async () => {
      fireEvent.click(within(panel).getByRole('button', { name: 'Waarschuwing opstellen' }));
      await settle();
    });
    expect(api.callsOf('request.draft').at(-1)).toEqual({ kind: 'prevention_warning', clusterReportId: reportIdOf(0) });
  });

  it('offers one letter about every account of the cluster at the chosen account’s bank, and none for an account alone at its bank', async () => {
    const ING_1 = 'NL20INGB0001234567';
    const ING_2 = 'NL69INGB0123456789';
    const graph: ClusterGraph = {
      ...GRAPH,
      nodes: [...GRAPH.nodes, { id: 'i:ing1', kind: 'indicator', label: ING_1, group: 'iban' }, { id: 'i:ing2', kind: 'indicator', label: ING_2, group: 'iban' }],
      edges: [...GRAPH.edges, mention(0, 'i:ing1'), mention(1, 'i:ing1'), mention(1, 'i:ing2')],
    };
    const api = new FakeApi().handle('request.draft', () => requestDraft());
    const { store } = renderWithStore(<ClusterRequestPanel reportId={reportIdOf(0)} />, api);
    act(() => store.setState({ clusterReportId: reportIdOf(0), graph }));
    const panel = screen.getByTestId('cluster-actions');
    // The most shared piece is the ABN AMRO account, alone at its bank in this cluster.
    expect(within(panel).getByTestId('cluster-action-indicator')).toHaveProperty('value', `IBAN: ${IBAN} (3 meldingen)`);
    expect(within(panel).queryByTestId('draft-action-same-bank')).toBeNull();

    act(() => store.setState({ graph: { ...graph, edges: [...graph.edges, mention(2, 'i:ing1'), mention(2, 'i:ing2'), mention(0, 'i:ing2')] } }));
    const sameBank = within(panel).getByTestId('draft-action-same-bank');
    expect(sameBank.textContent).toBe('Eén brief over alle 2 rekeningen van het cluster bij deze bank');
    await act(async () => {
      fireEvent.click(sameBank);
      await settle();
    });
    expect(api.callsOf('request.draft').at(-1)).toEqual({ kind: 'bank_block', indicatorType: 'iban', indicatorValue: ING_1, batch: [{ type: 'iban', value: ING_2 }] });
  });
});
