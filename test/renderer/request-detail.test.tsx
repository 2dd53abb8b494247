// @vitest-environment jsdom
import './support/dom-setup';
import { act, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { RequestDetail } from '../../shared/api/request-views';
import { RequestsScreen } from '../../src-renderer/features/requests/RequestsScreen';
import { ACTION_ID, requestDetail, requestSummary } from './support/request-builders';
import { reportIdOf } from './support/builders';
import { FakeApi, settle } from './support/fake-api';
import { renderWithStore } from './support/render';

const FOUR_EYES = 'four-eyes: the author of a request may not approve or send back their own request';

async function showRequest(detail: RequestDetail, api = new FakeApi()) {
  api.handle('request.get', () => detail).handle('request.list', () => [requestSummary({ state: detail.state, overdue: detail.overdue, dueAt: detail.dueAt })]);
  api.handle('request.transition', () => null);
  const rendered = renderWithStore(<RequestsScreen />, api);
  await act(async () => {
    await rendered.store.getState().loadSession();
    rendered.store.getState().openRequest(detail.actionId);
    await settle();
  });
  return { ...rendered, panel: screen.getByTestId('request-detail') };
}

const click = async (element: HTMLElement) =>
  act(async () => {
    fireEvent.click(element);
    await settle();
  });

afterEach(() => vi.restoreAllMocks());

describe('request detail', () => {
  it('keeps a refused step visible, disabled, with the refusal in words', async () => {
    const { api, panel } = await showRequest(
      requestDetail({
        state: 'awaiting_approval',
        nextSteps: [
          { to: 'approved', refusal: FOUR_EYES },
          { to: 'draft', refusal: FOUR_EYES },
        ],
      }),
    );
    const approve = within(panel).getByRole('button', { name: 'Goedkeuren' });
    expect(approve).toHaveProperty('disabled', true);
    const refusal = within(panel).getByTestId('step-refusal-approved');
    // The officer is no supervisor: said in Dutch, by the shared transition table.
    expect(refusal.textContent).toBe('Goedkeuren kan nu niet: alleen een leidinggevende kan een verzoek goedkeuren of terugsturen.');
    expect(approve.getAttribute('aria-describedby')).toBe(refusal.id);
    await click(approve);
    expect(api.callsOf('request.transition')).toHaveLength(0);
  });

  it('submits a concept for approval with one click, from the state shown', async () => {
    const { api, panel } = await showRequest(requestDetail());
    await click(within(panel).getByRole('button', { name: 'Ter goedkeuring aanbieden' }));
    expect(api.callsOf('request.transition')).toEqual([{ actionId: ACTION_ID, from: 'draft', to: 'awaiting_approval' }]);
  });

  it('withdraws a concept only after asking: a final step goes through a dialog', async () => {
    const { api, panel } = await showRequest(requestDetail({ nextSteps: [{ to: 'awaiting_approval', refusal: null }, { to: 'withdrawn', refusal: null }] }));
    await click(within(panel).getByRole('button', { name: 'Concept intrekken' }));
    const dialog = screen.getByRole('dialog', { name: 'Concept intrekken' });
    expect(dialog.textContent).toContain('Het concept wordt niet verzonden');
    expect(api.callsOf('request.transition')).toHaveLength(0);
    await click(within(dialog).getByTestId('step-submit'));
    expect(api.callsOf('request.transition')).toMatchObject([{ actionId: ACTION_ID, from: 'draft', to: 'withdrawn' }]);
  });

  it('keeps withdrawing another officer’s concept disabled, with the reason in Dutch', async () => {
    const { api, panel } = await showRequest(
      requestDetail({ createdBy: 'officer-9', nextSteps: [{ to: 'awaiting_approval', refusal: null }, { to: 'withdrawn', refusal: 'only its author or a supervisor may withdraw a draft' }] }),
    );
    const withdraw = within(panel).getByRole('button', { name: 'Concept intrekken' });
    expect(withdraw).toHaveProperty('disabled', true);
    expect(within(panel).getByTestId('step-refusal-withdrawn').textContent).toBe('Concept intrekken kan nu niet: alleen wie het concept opstelde of een leidinggevende kan het intrekken.');
    await click(withdraw);
    expect(api.callsOf('request.transition')).toHaveLength(0);
  });

  it('sending asks how, when and until when; a due date before the sent date is refused', async () => {
    const { api, panel } = await showRequest(requestDetail({ state: 'approved', editRefusal: 'only a draft can be edited', nextSteps: [{ to: 'sent', refusal: null }] }));
    await click(within(panel).getByRole('button', { name: 'Verzending vastleggen' }));
    const dialog = screen.getByRole('dialog', { name: 'Verzending vastleggen' });
    fireEvent.click(within(dialog).getByText('Brief'));
    fireEvent.change(within(dialog).getByTestId('step-occurred-at'), { target: { value: '2026-03-10' } });
    fireEvent.change(within(dialog).getByTestId('step-due-at'), { target: { value: '2026-03-01' } });
    await click(within(dialog).getByTestId('step-submit'));
    expect(within(dialog).getByText('De termijn kan niet vóór de verzenddatum liggen.')).toBeTruthy();
    expect(api.callsOf('request.transition')).toHaveLength(0);

    fireEvent.change(within(dialog).getByTestId('step-due-at'), { target: { value: '2026-03-24' } });
    fireEvent.change(within(dialog).getByTestId('step-reference'), { target: { value: 'Aangetekend RR123' } });
    await click(within(dialog).getByTestId('step-submit'));
    expect(api.callsOf('request.transition')).toEqual([
      { actionId: ACTION_ID, from: 'approved', to: 'sent', reason: null, method: 'letter', occurredAt: '2026-03-10', dueAt: '2026-03-24', reference: 'Aangetekend RR123' },
    ]);
  });

  it('a refusal by the addressee needs a date and a reason', async () => {
    const { api, panel } = await showRequest(requestDetail({ state: 'sent', nextSteps: [{ to: 'refused', refusal: null }] }));
    await click(within(panel).getByRole('button', { name: 'Afwijzing vastleggen' }));
    const dialog = screen.getByRole('dialog', { name: 'Afwijzing vastleggen' });
    await click(within(dialog).getByTestId('step-submit'));
    expect(within(dialog).getByText(/Geef een reden op/)).toBeTruthy();
    fireEvent.change(within(dialog).getByTestId('step-reason'), { target: { value: 'Rekening al opgeheven' } });
    fireEvent.change(within(dialog).getByTestId('step-occurred-at'), { target: { value: '2026-03-12' } });
    await click(within(dialog).getByTestId('step-submit'));
    expect(api.callsOf('request.transition')).toMatchObject([{ to: 'refused', reason: 'Rekening al opgeheven', occurredAt: '2026-03-12', method: null, dueAt: null }]);
  });

  it('shows the way so far: who took each step, how and when', async () => {
    const { panel } = await showRequest(
      requestDetail({
        state: 'sent',
        sentAt: '2026-03-10',
        dueAt: '2026-03-24',
        editRefusal: 'a request that is "sent" cannot be edited; only a draft can',
        steps: [
          { to: 'sent', from: 'approved', by: 'officer-1', at: '2026-03-10T09:00:00Z', reason: null, method: 'letter', occurredAt: '2026-03-10', dueAt: '2026-03-24', reference: 'RR123' },
          { to: 'approved', from: 'awaiting_approval', by: 'officer-2', at: '2026-03-09T15:00:00Z', reason: null, method: null, occurredAt: null, dueAt: null, reference: null },
        ],
        nextSteps: [],
      }),
    );
    const path = within(panel).getByTestId('action-lifecycle-path');
    const stages = [...path.querySelectorAll('li')].map((item) => [item.textContent?.split(' ')[0], item.getAttribute('data-stage')]);
    expect(stages).toEqual([
      ['Concept', 'done'],
      ['Ter', 'done'],
      ['Goedgekeurd', 'done'],
      ['Verzonden', 'current'],
      ['Bevestigd', 'todo'],
      ['Uitgevoerd', 'todo'],
    ]);
    expect(within(path).getByText('Goedgekeurd').closest('li')?.textContent).toContain('B. Brigadier');
    const history = within(panel).getByTestId('action-steps');
    expect(history.textContent).toContain('Per Brief · Datum 10-03-2026 · Antwoord uiterlijk 24-03-2026 · Kenmerk: RR123');
    expect(within(panel).getByText('Geen volgende stap: dit verzoek is afgerond.')).toBeTruthy();
    expect(within(panel).queryByTestId('action-content-form')).toBeNull();
    expect(within(panel).getByText('De inhoud ligt vast: alleen een concept kan nog worden gewijzigd.')).toBeTruthy();
  });

  it('offers the reports that arrived since, and shows the effect after execution', async () => {
    const { api, panel } = await showRequest(
      requestDetail({
        state: 'executed',
        newReportIds: [reportIdOf(7), reportIdOf(8)],
        effect: { since: '2026-03-15', reportsAfter: 3, reportIdsAfter: [reportIdOf(7), reportIdOf(8), reportIdOf(9)] },
        nextSteps: [],
        editRefusal: 'final',
      }),
      new FakeApi().handle('request.updateReports', () => ({ added: 2 })),
    );
    const banner = within(panel).getByTestId('action-new-reports');
    expect(banner.textContent).toContain('2 nieuwe meldingen noemen dit puzzelstukje');
    await click(within(banner).getByRole('button', { name: 'Bijwerken' }));
    expect(api.callsOf('request.updateReports')).toEqual([{ actionId: ACTION_ID }]);
    expect(within(panel).getByTestId('action-effect-count').textContent).toBe('3 meldingen na actiedatum');
  });

  it('highlights an overdue request in the list, in words as well as colour', async () => {
    await showRequest(requestDetail({ state: 'sent', overdue: true, dueAt: '2026-03-01', nextSteps: [] }));
    const row = screen.getByTestId(`action-row-${ACTION_ID}`);
    expect(row.textContent).toContain('01-03-2026');
    expect(within(row).getByText('Termijn verstreken')).toBeTruthy();
  });

  it('previews the letter from a Blob URL in a frame, and downloads it and the JSON export, each under a purpose', async () => {
    const created: Blob[] = [];
    URL.createObjectURL = vi.fn((blob: Blob) => {
      created.push(blob);
      return `blob:letter-${created.length}`;
    });
    URL.revokeObjectURL = vi.fn();
    const downloads: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      downloads.push(this.download);
    });
    const api = new FakeApi()
      .handle('request.letter', () => ({ fileName: 'blokkeringsverzoek.pdf', contentBase64: btoa('%PDF-1.7 test') }))
      .handle('request.export', () => ({ fileName: 'blokkeringsverzoek.json', document: { schema: 'puzzelstuk-action/1' } as never }));
    const { panel } = await showRequest(requestDetail(), api);

    await click(within(panel).getByRole('button', { name: 'Brief bekijken' }));
    expect(api.callsOf('request.letter')).toEqual([]);
    const asked = within(screen.getByTestId('purpose-form'));
    await click(asked.getByRole('radio', { name: 'Verzoek aan een derde voorbereiden' }));
    await click(asked.getByTestId('purpose-confirm'));
    const frame = screen.getByTitle('Voorbeeld van de brief (PDF)');
    expect(frame.getAttribute('src')).toBe('blob:letter-1');
    expect(created[0]!.type).toBe('application/pdf');
    await click(within(screen.getByRole('dialog', { name: 'Brief' })).getByRole('button', { name: 'Sluiten' }));

    // The purpose just given is preselected: confirming is one step.
    for (const button of ['letter-download', 'request-export']) {
      await click(within(panel).getByTestId(button));
      const again = within(screen.getByTestId('purpose-form'));
      expect(again.getByRole('radio', { name: 'Verzoek aan een derde voorbereiden' })).toHaveProperty('checked', true);
      await click(again.getByTestId('purpose-confirm'));
    }
    expect(downloads).toEqual(['blokkeringsverzoek.pdf', 'blokkeringsverzoek.json']);
    const purpose = 'Verzoek aan een derde voorbereiden';
    expect(api.callsOf('request.letter')).toEqual([{ actionId: ACTION_ID, purpose }, { actionId: ACTION_ID, purpose }]);
    expect(api.callsOf('request.export')).toEqual([{ actionId: ACTION_ID, purpose }]);
    expect(JSON.parse(await created.at(-1)!.text())).toEqual({ schema: 'puzzelstuk-action/1' });
  });

  it('keeps the reporters a request includes back until the officer gives a purpose', async () => {
    const withheld = requestDetail({ includePersonalData: true, reportersWithheld: true });
    const shown = requestDetail({
      includePersonalData: true,
      bundle: { ...withheld.bundle, reports: withheld.bundle.reports.map((report) => ({ ...report, reporter: { name: 'Jan de Vries', email: null, phone: null } })) },
    });
    const api = new FakeApi();
    const { panel } = await showRequest(withheld, api);
    api.handle('request.get', ({ purpose }) => (purpose === undefined ? withheld : shown));
    expect(api.callsOf('request.get')).toEqual([{ actionId: ACTION_ID }]);
    expect(panel.textContent).not.toContain('Jan de Vries');

    await click(within(panel).getByTestId('show-reporters'));
    const asked = within(screen.getByTestId('purpose-form'));
    await click(asked.getByRole('radio', { name: 'Interne controle' }));
    await click(asked.getByTestId('purpose-confirm'));
    expect(api.callsOf('request.get').at(-1)).toEqual({ actionId: ACTION_ID, purpose: 'Interne controle' });
    expect(screen.getByTestId('request-detail').textContent).toContain('Jan de Vries');
    expect(screen.queryByTestId('reporters-withheld')).toBeNull();
  });
});
