// @vitest-environment jsdom
import './support/dom-setup';
import { act, fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { RequestDraftDialog } from '../../src-renderer/features/requests/RequestDraftDialog';
import { ACTION_ID, requestDetail, requestDraft, directoryEntry, IBAN } from './support/request-builders';
import { reportIdOf } from './support/builders';
import { FakeApi, settle } from './support/fake-api';
import { renderWithStore } from './support/render';

const QUERY = { kind: 'bank_block' as const, indicatorType: 'iban' as const, indicatorValue: IBAN, clusterReportId: reportIdOf(0) };

async function openDraft(api: FakeApi) {
  const rendered = renderWithStore(<RequestDraftDialog opened onClose={() => undefined} kind="bank_block" query={QUERY} />, api);
  await act(settle);
  return { ...rendered, dialog: screen.getByRole('dialog', { name: 'Blokkeringsverzoek opstellen' }) };
}

function draftApi() {
  return new FakeApi()
    .handle('request.draft', () => requestDraft())
    .handle('directory.list', () => [directoryEntry(), directoryEntry({ id: 'liaison', kind: 'liaison', name: 'Internationale rechtshulp' })])
    .handle('request.create', () => ({ actionId: ACTION_ID }))
    .handle('request.get', () => requestDetail());
}

describe('draft dialog', () => {
  it('shows the proposal: addressee with the reason, the bundle in Dutch notation, evidence defanged', async () => {
    const api = draftApi();
    const { dialog } = await openDraft(api);
    expect(api.callsOf('request.draft')).toEqual([QUERY]);
    expect(within(dialog).getByTestId('action-addressee')).toHaveProperty('value', 'ABN AMRO (voorgesteld)');
    const route = within(dialog).getByTestId('addressee-route');
    expect(route.textContent).toContain('NL-IBAN met bankcode ABNA → ABN AMRO');
    expect(route.textContent).toContain('Land: NL');
    expect(within(dialog).getByText('€ 1.250,00')).toBeTruthy();
    expect(within(dialog).getByText('27-02-2026 t/m 02-03-2026')).toBeTruthy();
    expect(within(dialog).getByText('Marktplaatsfraude (1), Webwinkelfraude (1)')).toBeTruthy();
    const evidence = within(dialog).getByTestId(`bundle-report-${reportIdOf(1)}`);
    expect(evidence.textContent).toContain('betaald naar NL91ABNA0417164300 via hxxps://nep-shop[.]example/kassa');
    expect(dialog.querySelectorAll('a[href]')).toHaveLength(0);
  });

  it('warns when personal data is deliberately included, asks why, and sends the request as edited with that purpose', async () => {
    const api = draftApi().handle('audit.lastPurpose', () => ({ purpose: 'Onderzoek in een zaak' }));
    const { dialog, store } = await openDraft(api);
    expect(within(dialog).queryByTestId('personal-data-warning')).toBeNull();
    expect(within(dialog).queryByTestId('personal-data-purpose')).toBeNull();
    await act(async () => {
      fireEvent.click(within(dialog).getByRole('checkbox', { name: /Persoonsgegevens van melders opnemen/ }));
      await settle();
    });
    expect(within(dialog).getByTestId('personal-data-warning').textContent).toContain('auditlogboek');
    // The officer's last purpose for the first report's case is offered; here they write their own.
    const purpose = within(within(dialog).getByTestId('personal-data-purpose'));
    expect(api.callsOf('audit.lastPurpose')).toEqual([{ reportId: reportIdOf(0) }]);
    expect(purpose.getByRole('radio', { name: 'Onderzoek in een zaak' })).toHaveProperty('checked', true);
    fireEvent.click(purpose.getByRole('radio', { name: 'Anders: …' }));
    fireEvent.change(within(dialog).getByTestId('action-title'), { target: { value: 'Blokkade rekening Visser' } });
    await act(async () => {
      fireEvent.click(within(dialog).getByTestId('action-create-submit'));
      await settle();
    });
    expect(api.callsOf('request.create')).toEqual([]);
    expect(purpose.getByText('Schrijf op met welk doel u de gegevens inziet.')).toBeTruthy();
    fireEvent.change(purpose.getByRole('textbox', { name: /Ander doel/ }), { target: { value: 'Bank belt slachtoffers terug' } });
    await act(async () => {
      fireEvent.click(within(dialog).getByTestId('action-create-submit'));
      await settle();
    });
    expect(api.callsOf('request.create')).toEqual([
      {
        kind: 'bank_block',
        indicatorType: 'iban',
        indicatorValue: IBAN,
        caseId: null,
        clusterReportId: reportIdOf(0),
        reportIds: [reportIdOf(0), reportIdOf(1)],
        title: 'Blokkade rekening Visser',
        addresseeId: 'abn-amro',
        legalBasis: 'Art. 126nc Sv',
        body: 'Wij verzoeken u de rekening te blokkeren.',
        includePersonalData: true,
        purpose: 'Bank belt slachtoffers terug',
      },
    ]);
    expect(store.getState().view).toEqual({ screen: 'requests', actionId: ACTION_ID });
  });

  it('refuses a request without a title', async () => {
    const api = draftApi();
    const { dialog } = await openDraft(api);
    fireEvent.change(within(dialog).getByTestId('action-title'), { target: { value: '  ' } });
    await act(async () => {
      fireEvent.click(within(dialog).getByTestId('action-create-submit'));
      await settle();
    });
    expect(api.callsOf('request.create')).toHaveLength(0);
    expect(within(dialog).getByText('Geef het verzoek een titel.')).toBeTruthy();
  });

  it('shows why no draft could be made', async () => {
    const { dialog } = await openDraft(new FakeApi());
    expect(within(dialog).getByRole('alert').textContent).toContain('FakeApi has no handler for request.draft');
  });
});
