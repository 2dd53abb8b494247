// @vitest-environment jsdom
import './support/dom-setup';
import { act, fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { RelatedReportView } from '../../shared/api/views';
import { RelatedList } from '../../src-renderer/features/cluster/RelatedList';
import { reportIdOf } from './support/builders';
import { FakeApi, settle } from './support/fake-api';
import { renderWithStore } from './support/render';

const related = (decision: RelatedReportView['decision']): RelatedReportView => ({
  reportId: reportIdOf(4),
  summary: 'Zelfde nepbankmedewerker',
  category: 'bank_helpdesk_fraud',
  receivedAt: '2026-03-02T09:00:00Z',
  shared: [{ type: 'url', value: 'https://ing-verificatie.nl/', fields: ['incident.narrative'], theirFields: ['suspect.websites[0]'] }],
  decision,
});

describe('related reports', () => {
  it('explains the link and confirms it with a reason; a decision can be taken back', async () => {
    let decided: RelatedReportView['decision'] = null;
    const api = new FakeApi()
      .handle('report.related', () => [related(decided)])
      .handle('link.decide', ({ decision, reason }) => {
        decided = decision === 'undecided' ? null : { decision, reason, decidedBy: 'officer-1', decidedAt: '2026-03-03T10:00:00Z' };
        return null;
      });
    const { store } = renderWithStore(<RelatedList reportId={reportIdOf(0)} />, api);
    await act(async () => {
      await store.getState().loadRelated(reportIdOf(0));
    });

    const item = screen.getByTestId(`related-${reportIdOf(4)}`);
    expect(within(item).getByText('hxxps://ing-verificatie[.]nl/')).toBeTruthy();
    expect(within(item).getByText('hier: incident.narrative · daar: suspect.websites[0]')).toBeTruthy();

    fireEvent.click(within(item).getByTestId('link-confirm'));
    const dialog = await screen.findByRole('dialog', { name: 'Verband bevestigen' });
    fireEvent.change(within(dialog).getByTestId('reason-input'), { target: { value: 'Zelfde IBAN en zelfde script' } });
    await act(async () => {
      fireEvent.click(within(dialog).getByTestId('reason-confirm'));
      await settle();
    });
    expect(api.callsOf('link.decide')).toEqual([
      { reportA: reportIdOf(0), reportB: reportIdOf(4), decision: 'confirmed', reason: 'Zelfde IBAN en zelfde script' },
    ]);
    expect(within(screen.getByTestId(`related-${reportIdOf(4)}`)).getByText('Bevestigd')).toBeTruthy();
    expect(screen.getByTestId('link-undo')).toBeTruthy();
  });
});
