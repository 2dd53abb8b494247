// @vitest-environment jsdom
import './support/dom-setup';
import { act, fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Overview } from '../../shared/overview/types';
import { App } from '../../src-renderer/app/App';
import { ACTION_ID, requestDraft, SUPERVISOR } from './support/request-builders';
import { FakeApi, settle } from './support/fake-api';
import { renderWithStore } from './support/render';

const overview: Overview = {
  asOf: '2026-11-20',
  team: null,
  backlog: {
    open: 214,
    overdue: 9,
    byAge: { '0-2d': 120, '3-7d': 60, '8-30d': 30, '31d+': 4 },
    byTeam: { 'Team Fraude': { open: 214, overdue: 9 } },
    byOfficer: { 's.bakker': { open: 40, overdue: 2, team: 'Team Fraude', teamMedian: 25 } },
    byRegion: { Amsterdam: { open: 214, overdue: 9 } },
    byCategory: { bank_helpdesk_fraud: { open: 214, overdue: 9 } },
    overdueList: [{ reportId: 'IA-2026-0000007', category: 'bank_helpdesk_fraud', receivedAt: '2026-11-01T10:00:00Z', workingDays: 14, levelDays: 2 }],
  },
  weekly: [{ week: '2026-W47', from: '2026-11-16', to: '2026-11-20', received: 214, closed: 12, loss: 1_000_000, requestsSent: 3, requestsExecuted: 1, openAtEnd: 214, byCategory: {} }],
  categoryTrends: [{ category: 'bank_helpdesk_fraud', received: 214, loss: 1_000_000, baselineMean: 135, expectedLow: 120, expectedHigh: 150, flag: 'rise' }],
  spikes: [{ type: 'iban', value: 'NL23BUNQ2025123456', recent: 12, baseline: 0.13, score: 21.3, reportIds: ['IA-2026-0000007'], recentFrom: '2026-11-14', sparkline: [0, 0, 4, 4, 4] }],
  risingTerms: [{ term: 'tikkie', thisWeek: 10, lastWeek: 1 }],
  risingShapes: [{ kind: 'iban-bank', shape: 'NL FVLB', thisWeek: 8, lastWeek: 0 }],
  freshBrandDomains: [{ domain: 'ing-veilig.nl', brand: 'ING', firstSeen: '2026-11-18', reports: 6, reportIds: ['IA-2026-0000007'] }],
  harm: [{ type: 'iban', value: 'NL23BUNQ2025123456', victims: 12, loss: 3_000_000, perDay: 0.857, typicalLoss: 250_000, harmPerDay: 214_286, request: null }],
  disruption: [{ addresseeId: 'bank.ing', sent: 3, executed: 1, refused: 1, overdue: 1, medianDaysToExecuted: 3, reportsAfterBlock: 2 }],
  warningEffects: [
    {
      actionId: '0b7c6f2e-4a4e-4c59-9d0a-2f9b7c1d3e55',
      title: 'Pas op voor nepbankmedewerkers',
      publishedAt: '2026-11-10',
      where: 'politie.nl',
      subjectType: 'cluster',
      subjectValue: 'IA-2026-0000007',
      perDayBefore: 2,
      perDayAfter: 0.5,
      daysAfter: 11,
      sparkline: [2, 2, 2, 1, 0, 1],
    },
  ],
};

const click = async (element: HTMLElement) =>
  act(async () => {
    fireEvent.click(element);
    await settle();
  });

describe('Overzicht', () => {
  it('shows the numbers as tables beside the charts, explains a rise, and a number opens the queue with its filter', async () => {
    const api = new FakeApi().handle('session.get', () => ({ officer: SUPERVISOR, demo: true, offline: false, locked: false, idleLockMinutes: 15, offlineCode: null })).handle('overview.get', () => overview);
    const rendered = renderWithStore(<App />, api);
    await act(async () => rendered.store.getState().loadSession());
    await click(screen.getByTestId('nav-overview'));

    // The screen is its own chunk (with the chart library), loaded when first opened.
    await screen.findByTestId('overview-open', {}, { timeout: 15_000 });
    expect(screen.getByTestId('overview-open').textContent).toBe('214 open meldingen');
    expect(screen.getByTestId('overview-overdue').textContent).toBe('9 over de termijn');
    const trends = screen.getByTestId('overview-trends');
    expect(within(trends).getByText('Bankhelpdeskfraude: 214 in de laatste 7 dagen, verwachting 120–150')).toBeTruthy();
    expect(within(trends).getByText('Stijging')).toBeTruthy();
    expect(within(screen.getByTestId('overview-harm-table')).getByText('Geen verzoek')).toBeTruthy();
    expect(within(screen.getByTestId('overview-disruption-table')).getByText('bank.ing')).toBeTruthy();
    expect(screen.getAllByRole('button', { name: 'CSV' }).length).toBeGreaterThanOrEqual(10);
    expect(within(screen.getByTestId('overview-rising-terms')).getByRole('button', { name: 'tikkie' })).toBeTruthy();
    const shapes = within(screen.getByTestId('overview-rising-shapes'));
    expect(shapes.getByText('NL FVLB')).toBeTruthy();
    expect(shapes.getByText('Bank (IBAN)')).toBeTruthy();
    const brandDomains = within(screen.getByTestId('overview-brand-domains'));
    expect(brandDomains.getByRole('button', { name: 'ing-veilig.nl' })).toBeTruthy();
    expect(brandDomains.getByText('ING')).toBeTruthy();

    await click(within(screen.getByTestId('overview-by-category')).getByRole('button', { name: 'Bankhelpdeskfraude' }));
    expect(rendered.store.getState().view.screen).toBe('queue');
    expect(api.callsOf('queue.list').at(-1)?.filters).toEqual({ receivedTo: '2026-11-20', openOn: '2026-11-20', categories: ['bank_helpdesk_fraud'] });
  });

  it('every number opens its list: the queue with the filter shown and removable, or the requests list', async () => {
    const api = new FakeApi()
      .handle('session.get', () => ({ officer: SUPERVISOR, demo: true, offline: false, locked: false, idleLockMinutes: 15, offlineCode: null }))
      .handle('overview.get', () => overview)
      .handle('queue.list', (query) => ({ rows: [], total: 0, offset: query.offset }))
      .handle('request.list', () => []);
    const rendered = renderWithStore(<App />, api);
    await act(async () => rendered.store.getState().loadSession());
    const openOverview = async () => {
      await click(screen.getByTestId('nav-overview'));
      await screen.findByTestId('overview-open', {}, { timeout: 15_000 });
    };
    const lastQueueFilters = () => api.callsOf('queue.list').at(-1)?.filters;
    await openOverview();

    await click(screen.getByTestId('overview-overdue'));
    expect(rendered.store.getState().view.screen).toBe('queue');
    expect(lastQueueFilters()).toEqual({ receivedTo: '2026-11-20', openOn: '2026-11-20', overdueOn: '2026-11-20' });
    const shown = await screen.findByTestId('queue-filter-overdueOn');
    expect(shown.textContent).toContain('Over de termijn op 2026-11-20');
    await click(within(shown).getByRole('button', { name: 'Filter weghalen: Over de termijn op 2026-11-20' }));
    expect(lastQueueFilters()).toEqual({ receivedTo: '2026-11-20', openOn: '2026-11-20' });
    expect(screen.queryByTestId('queue-filter-overdueOn')).toBeNull();

    await openOverview();
    await click(screen.getByTestId('overview-by-team-overdue-0'));
    expect(lastQueueFilters()).toEqual({ receivedTo: '2026-11-20', openOn: '2026-11-20', teams: ['Team Fraude'], overdueOn: '2026-11-20' });
    expect((await screen.findByTestId('queue-filter-teams')).textContent).toContain('Team: Team Fraude');

    await openOverview();
    await click(screen.getByTestId('overview-weekly-table-closed-0'));
    expect(lastQueueFilters()).toEqual({ workStatuses: ['closed'], closedFrom: '2026-11-16', closedTo: '2026-11-20' });
    expect((await screen.findByTestId('queue-filter-closed')).textContent).toContain('Afgesloten 2026-11-16 t/m 2026-11-20');

    await openOverview();
    await click(screen.getByTestId('overview-weekly-table-openAtEnd-0'));
    expect(lastQueueFilters()).toEqual({ receivedTo: '2026-11-20', openOn: '2026-11-20' });
    expect((await screen.findByTestId('queue-filter-openOn')).textContent).toContain('Open aan het eind van 2026-11-20');

    await openOverview();
    await click(screen.getByTestId('overview-disruption-table-after-0'));
    expect(rendered.store.getState().view.screen).toBe('queue');
    expect(lastQueueFilters()).toEqual({ receivedTo: '2026-11-20', afterBlock: { addresseeId: 'bank.ing', asOf: '2026-11-20' } });
    expect((await screen.findByTestId('queue-filter-afterBlock')).textContent).toContain('Noemt wat bank.ing blokkeerde, ontvangen na de blokkade (t/m 2026-11-20)');

    await openOverview();
    await click(screen.getByTestId('overview-harm-table-victims-0'));
    expect(lastQueueFilters()).toEqual({ receivedTo: '2026-11-20', indicator: { type: 'iban', value: 'NL23BUNQ2025123456' } });
    expect((await screen.findByTestId('queue-filter-indicator')).textContent).toContain('NL23BUNQ2025123456');

    await openOverview();
    await click(screen.getByTestId('overview-rising-shapes-thisWeek-0'));
    expect(lastQueueFilters()).toEqual({ receivedFrom: '2026-11-14', receivedTo: '2026-11-20', shape: { kind: 'iban-bank', shape: 'NL FVLB' } });

    await openOverview();
    await click(screen.getByTestId('overview-disruption-table-refused-0'));
    expect(rendered.store.getState().view.screen).toBe('requests');
    expect(api.callsOf('request.list').at(-1)).toEqual({ addresseeId: 'bank.ing', sentTo: '2026-11-20', states: ['refused'] });

    await openOverview();
    await click(screen.getByTestId('overview-weekly-table-requestsSent-0'));
    expect(api.callsOf('request.list').at(-1)).toEqual({ sentFrom: '2026-11-16', sentTo: '2026-11-20' });
    expect((await screen.findByTestId('action-filter-sent', {}, { timeout: 15_000 })).textContent).toContain('Verzonden 2026-11-16 t/m 2026-11-20');
  });

  it('drafts a warning from a spike and a request from what to stop first in one click, and shows a warning’s effect', async () => {
    const api = new FakeApi()
      .handle('session.get', () => ({ officer: SUPERVISOR, demo: true, offline: false, locked: false, idleLockMinutes: 15, offlineCode: null }))
      .handle('overview.get', () => overview)
      .handle('request.draft', (query) => requestDraft(query.kind === 'prevention_warning' ? { kind: 'prevention_warning', indicatorType: null, indicatorValue: null } : {}));
    const rendered = renderWithStore(<App />, api);
    await act(async () => rendered.store.getState().loadSession());
    await click(screen.getByTestId('nav-overview'));
    await screen.findByTestId('overview-open', {}, { timeout: 15_000 });

    const warnings = screen.getByTestId('overview-warnings-table');
    expect(within(warnings).getByRole('button', { name: 'Pas op voor nepbankmedewerkers' })).toBeTruthy();
    expect(within(warnings).getByText('politie.nl')).toBeTruthy();
    expect(within(screen.getByTestId('overview-warnings')).getByText('Pas op voor nepbankmedewerkers: 2 per dag ervoor, 0.5 per dag erna')).toBeTruthy();

    await click(within(screen.getByTestId('overview-spikes-table')).getByTestId('draft-action-prevention_warning'));
    expect(api.callsOf('request.draft').at(-1)).toEqual({ kind: 'prevention_warning', indicatorType: 'iban', indicatorValue: 'NL23BUNQ2025123456' });
    expect(await screen.findByTestId('warning-name-suspects')).toBeTruthy();
    await click(screen.getByTestId('warning-name-suspects'));
    expect(api.callsOf('request.draft').at(-1)).toEqual({ kind: 'prevention_warning', indicatorType: 'iban', indicatorValue: 'NL23BUNQ2025123456', nameSuspects: true });
    fireEvent.keyDown(document.activeElement ?? document.body, { key: 'Escape' });
    await settle();

    await click(within(screen.getByTestId('overview-harm-table')).getByTestId('draft-action-bank_block'));
    expect(api.callsOf('request.draft').at(-1)).toEqual({ indicatorType: 'iban', indicatorValue: 'NL23BUNQ2025123456' });
  });

  it('batches letters: two accounts chosen in what to stop first draft one request naming both', async () => {
    const second = { ...overview.harm[0]!, value: 'NL20INGB0001234567', request: null };
    const api = new FakeApi()
      .handle('session.get', () => ({ officer: SUPERVISOR, demo: true, offline: false, locked: false, idleLockMinutes: 15, offlineCode: null }))
      .handle('overview.get', () => ({ ...overview, harm: [...overview.harm, second] }))
      .handle('request.draft', () => requestDraft({ batchIndicators: [{ type: 'iban', value: 'NL20INGB0001234567' }] }))
      .handle('request.create', () => ({ actionId: ACTION_ID }));
    const rendered = renderWithStore(<App />, api);
    await act(async () => rendered.store.getState().loadSession());
    await click(screen.getByTestId('nav-overview'));
    await screen.findByTestId('overview-open', {}, { timeout: 15_000 });

    expect(screen.queryByTestId('overview-batch')).toBeNull();
    await click(screen.getByTestId('overview-batch-select-0'));
    expect(screen.queryByTestId('overview-batch')).toBeNull();
    await click(screen.getByTestId('overview-batch-select-1'));
    const bar = screen.getByTestId('overview-batch');
    expect(bar.textContent).toContain('2 gekozen voor één brief');
    await click(within(bar).getByTestId('draft-action-bank_block'));
    expect(api.callsOf('request.draft').at(-1)).toEqual({ indicatorType: 'iban', indicatorValue: 'NL23BUNQ2025123456', batch: [{ type: 'iban', value: 'NL20INGB0001234567' }] });
    await screen.findByTestId('action-draft-form');
    await click(screen.getByTestId('action-create-submit'));
    expect(api.callsOf('request.create').at(-1)).toMatchObject({ batchIndicators: [{ type: 'iban', value: 'NL20INGB0001234567' }] });
  });
});
