// @vitest-environment jsdom
/**
 * The purpose picker (issue 15 §1): opening a report asks why, with the officer's last purpose for the report or
 * its case preselected and the confirm button focused (one key); "anders: …" takes their own words; searching
 * asks once per session; supervisors edit the list in Instellingen.
 */
import './support/dom-setup';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ReportScreen } from '../../src-renderer/features/report/ReportScreen';
import { QueueFilterBar } from '../../src-renderer/features/queue/QueueFilterBar';
import { IndicatorFilterBar } from '../../src-renderer/features/indicators/IndicatorFilterBar';
import { PurposeListEditor } from '../../src-renderer/features/settings/PurposeListEditor';
import { DEFAULT_PURPOSES } from '../../shared/audit/purpose';
import { queueRow, reportDetail, reportIdOf } from './support/builders';
import { FakeApi, settle } from './support/fake-api';
import { renderWithStore } from './support/render';

async function askToOpen(api: FakeApi, reportId = reportIdOf(0)) {
  api.handle('report.get', ({ reportId: id }) => reportDetail({ reportId: id }));
  const rendered = renderWithStore(<ReportScreen reportId={reportId} />, api);
  await act(async () => {
    rendered.store.getState().openReport(reportId);
    await settle();
  });
  return { ...rendered, form: within(screen.getByTestId('purpose-form')) };
}

const confirm = async (form: { getByTestId: (id: string) => HTMLElement }) =>
  act(async () => {
    fireEvent.click(form.getByTestId('purpose-confirm'));
    await settle();
  });

describe('the purpose picker on opening a report', () => {
  it('preselects the last purpose for this report or its case and focuses confirm, so one key opens it', async () => {
    const api = new FakeApi().handle('audit.lastPurpose', () => ({ purpose: 'Onderzoek in een zaak' }));
    const { form } = await askToOpen(api);
    expect(screen.getByRole('dialog', { name: `Melding ${reportIdOf(0)} openen` })).toBeTruthy();
    expect(form.getAllByRole('radio').map((radio) => radio.getAttribute('value'))).toEqual([...DEFAULT_PURPOSES, '']);
    expect(form.getByRole('radio', { name: 'Onderzoek in een zaak' })).toHaveProperty('checked', true);
    await waitFor(() => expect(document.activeElement).toBe(form.getByTestId('purpose-confirm')));
    expect(api.callsOf('report.get')).toEqual([]);
    expect(screen.queryByTestId('report-header')).toBeNull();

    await confirm(form);
    expect(api.callsOf('report.get')).toEqual([{ reportId: reportIdOf(0), purpose: 'Onderzoek in een zaak' }]);
    expect(screen.getByTestId('report-header')).toBeTruthy();
    expect(screen.queryByTestId('purpose-form')).toBeNull();
  });

  it('without a last purpose nothing is chosen and nothing opens until the officer chooses one', async () => {
    const api = new FakeApi();
    const { form } = await askToOpen(api);
    expect(form.getAllByRole('radio').some((radio) => (radio as HTMLInputElement).checked)).toBe(false);
    await confirm(form);
    expect(form.getByText('Kies een doel.')).toBeTruthy();
    expect(api.callsOf('report.get')).toEqual([]);

    fireEvent.click(form.getByRole('radio', { name: 'Interne controle' }));
    await confirm(form);
    expect(api.callsOf('report.get')).toEqual([{ reportId: reportIdOf(0), purpose: 'Interne controle' }]);
  });

  it('takes the officer’s own words under "anders", refusing a blank one; a written last purpose comes back under "anders"', async () => {
    const api = new FakeApi();
    const { form } = await askToOpen(api);
    fireEvent.click(form.getByRole('radio', { name: 'Anders: …' }));
    const written = form.getByRole('textbox', { name: /Ander doel/ });
    fireEvent.change(written, { target: { value: '   ' } });
    await confirm(form);
    expect(form.getByText('Schrijf op met welk doel u de gegevens inziet.')).toBeTruthy();
    expect(api.callsOf('report.get')).toEqual([]);
    fireEvent.change(written, { target: { value: '  Terugbelverzoek   van de melder ' } });
    await confirm(form);
    expect(api.callsOf('report.get')).toEqual([{ reportId: reportIdOf(0), purpose: 'Terugbelverzoek van de melder' }]);

    const again = await askToOpen(new FakeApi().handle('audit.lastPurpose', () => ({ purpose: 'Terugbelverzoek van de melder' })), reportIdOf(1));
    expect(again.form.getByRole('radio', { name: 'Anders: …' })).toHaveProperty('checked', true);
    expect(again.form.getByRole('textbox', { name: /Ander doel/ })).toHaveProperty('value', 'Terugbelverzoek van de melder');
  });

  it('remembers the purpose per case: the next report of the case offers it, a report of another case does not', async () => {
    // The core answers from its audit log, per case; here its answer is kept the same way, from the opens recorded.
    const caseOf: Record<string, string> = { [reportIdOf(0)]: 'katvanger', [reportIdOf(1)]: 'katvanger', [reportIdOf(2)]: 'helpdesk' };
    const api = new FakeApi();
    api.handle('audit.lastPurpose', ({ reportId }) => ({
      purpose: api.callsOf('report.get').reverse().find((call) => caseOf[call.reportId] === caseOf[reportId])?.purpose ?? null,
    }));
    const first = await askToOpen(api, reportIdOf(0));
    fireEvent.click(first.form.getByRole('radio', { name: 'Onderzoek in een zaak' }));
    await confirm(first.form);
    first.unmount();

    const sameCase = await askToOpen(api, reportIdOf(1));
    expect(api.callsOf('audit.lastPurpose').at(-1)).toEqual({ reportId: reportIdOf(1) });
    expect(sameCase.form.getByRole('radio', { name: 'Onderzoek in een zaak' })).toHaveProperty('checked', true);
    sameCase.unmount();

    const otherCase = await askToOpen(api, reportIdOf(2));
    expect(otherCase.form.getAllByRole('radio').some((radio) => (radio as HTMLInputElement).checked)).toBe(false);
  });

  it('cancelling goes back without opening the report', async () => {
    const api = new FakeApi();
    const { store, form } = await askToOpen(api);
    await act(async () => {
      fireEvent.click(form.getByRole('button', { name: 'Annuleren' }));
      await settle();
    });
    expect(api.callsOf('report.get')).toEqual([]);
    expect(store.getState().view.screen).not.toBe('report');
  });
});

describe('the purpose of searching', () => {
  it('is asked at the first search of the session, sent with every query, and can be changed', async () => {
    const api = new FakeApi(Array.from({ length: 30 }, (_, index) => queueRow(index)));
    const { store } = renderWithStore(<QueueFilterBar />, api);
    const search = screen.getByRole('searchbox', { name: 'Zoeken' });
    await act(async () => {
      fireEvent.change(search, { target: { value: 'nummer 1' } });
      fireEvent.keyDown(search, { key: 'Enter' });
      await settle();
    });
    const form = within(screen.getByTestId('purpose-form'));
    expect(screen.getByRole('dialog', { name: 'Waarom zoekt u?' })).toBeTruthy();
    expect(api.callsOf('queue.list').filter((query) => query.filters.text)).toEqual([]);
    fireEvent.click(form.getByRole('radio', { name: 'Beoordelen van de melding' }));
    await confirm(form);
    expect(api.callsOf('queue.list').at(-1)).toMatchObject({ filters: { text: 'nummer 1' }, purpose: 'Beoordelen van de melding' });
    expect(store.getState().queueTotal).toBeGreaterThan(0);

    // Searching again does not ask again.
    await act(async () => {
      fireEvent.change(search, { target: { value: 'nummer 2' } });
      fireEvent.keyDown(search, { key: 'Enter' });
      await settle();
    });
    expect(screen.queryByTestId('purpose-form')).toBeNull();
    expect(api.callsOf('queue.list').at(-1)).toMatchObject({ filters: { text: 'nummer 2' }, purpose: 'Beoordelen van de melding' });

    // The purpose shown beside the search box opens the picker to change it.
    fireEvent.click(screen.getByTestId('search-purpose'));
    const change = within(screen.getByTestId('purpose-form'));
    expect(change.getByRole('radio', { name: 'Beoordelen van de melding' })).toHaveProperty('checked', true);
    fireEvent.click(change.getByRole('radio', { name: 'Interne controle' }));
    await confirm(change);
    expect(screen.queryByTestId('purpose-form')).toBeNull();
    expect(screen.getByTestId('search-purpose').textContent).toBe('Zoekdoel: Interne controle');
    expect(api.callsOf('queue.list').at(-1)).toMatchObject({ filters: { text: 'nummer 2' }, purpose: 'Interne controle' });
  });
});

describe('the purpose of searching the indicators', () => {
  const typeSearch = async (text: string) => {
    fireEvent.change(screen.getByRole('searchbox', { name: 'Zoek waarde' }), { target: { value: text } });
    // The search goes out once typing pauses.
    await waitFor(() => expect(screen.getByTestId('indicator-search')).toHaveProperty('value', text));
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 400));
      await settle();
    });
  };

  it('is asked at the first search, sent with the query, and cancelling drops the search', async () => {
    const api = new FakeApi().handle('indicator.list', () => ({ rows: [], total: 0 }));
    const { store } = renderWithStore(<IndicatorFilterBar />, api);
    await typeSearch('INGB');
    expect(screen.getByRole('dialog', { name: 'Waarom zoekt u?' })).toBeTruthy();
    expect(api.callsOf('indicator.list').filter((query) => query.search)).toEqual([]);
    await act(async () => {
      fireEvent.click(within(screen.getByTestId('purpose-form')).getByRole('button', { name: 'Annuleren' }));
      await settle();
    });
    expect(store.getState().indicatorFilters.search).toBeUndefined();
    expect(api.callsOf('indicator.list').filter((query) => query.search)).toEqual([]);

    await typeSearch('INGB');
    const form = within(screen.getByTestId('purpose-form'));
    fireEvent.click(form.getByRole('radio', { name: 'Onderzoek in een zaak' }));
    await confirm(form);
    expect(api.callsOf('indicator.list').at(-1)).toMatchObject({ search: 'INGB', purpose: 'Onderzoek in een zaak' });
    expect(screen.getByTestId('search-purpose').textContent).toBe('Zoekdoel: Onderzoek in een zaak');
  });

  it('is not asked again when the session has one (given at the queue)', async () => {
    const api = new FakeApi().handle('indicator.list', () => ({ rows: [], total: 0 }));
    const { store } = renderWithStore(<IndicatorFilterBar />, api);
    act(() => store.getState().setSearchPurpose('Beoordelen van de melding'));
    await typeSearch('0612');
    expect(screen.queryByTestId('purpose-form')).toBeNull();
    expect(api.callsOf('indicator.list').at(-1)).toMatchObject({ search: '0612', purpose: 'Beoordelen van de melding' });
  });
});

describe('the list of purposes in Instellingen', () => {
  /** The editor as the officer with this role sees it. */
  async function renderEditor(role: 'officer' | 'supervisor') {
    const api = new FakeApi()
      .handle('session.get', () => ({ officer: { id: 'officer-2', displayName: 'B. Brigadier', role, team: 'Cyber' }, demo: false, offline: false, locked: false, idleLockMinutes: 15, offlineCode: null }))
      .handle('audit.setPurposes', ({ purposes }) => ({ purposes }));
    const { store } = renderWithStore(<PurposeListEditor />, api);
    await act(async () => {
      await store.getState().loadSession();
      await settle();
    });
    return { api, store };
  }

  it('a supervisor edits it, one purpose per line', async () => {
    const { api, store } = await renderEditor('supervisor');
    const input = screen.getByTestId('purposes-input');
    expect((input as HTMLTextAreaElement).value).toBe(DEFAULT_PURPOSES.join('\n'));
    fireEvent.change(input, { target: { value: '' } });
    expect(screen.getByText('Geef minstens één doel.')).toBeTruthy();
    expect(screen.getByTestId('purposes-save')).toHaveProperty('disabled', true);
    fireEvent.change(input, { target: { value: 'Beoordelen van de melding\n\n  Onderzoek   Katvanger \n' } });
    await act(async () => {
      fireEvent.click(screen.getByTestId('purposes-save'));
      await settle();
    });
    expect(api.callsOf('audit.setPurposes')).toEqual([{ purposes: ['Beoordelen van de melding', 'Onderzoek Katvanger'] }]);
    expect(store.getState().purposes).toEqual(['Beoordelen van de melding', 'Onderzoek Katvanger']);
  });

  it('an officer reads it and is told supervisors change it', async () => {
    await renderEditor('officer');
    expect(screen.queryByTestId('purposes-input')).toBeNull();
    expect(within(screen.getByTestId('purposes-list')).getAllByRole('listitem').map((item) => item.textContent)).toEqual([...DEFAULT_PURPOSES]);
  });
});
