// @vitest-environment jsdom
import './support/dom-setup';
import { act, fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { CaseRequestPanel } from '../../src-renderer/features/requests/CaseRequestPanel';
import { requestDraft, IBAN } from './support/request-builders';
import { FakeApi, settle } from './support/fake-api';
import { renderWithStore } from './support/render';

const CASE_ID = '0b7f3c1e-5a4d-4c39-9d55-2f0c1f1f7a11';
const PIECES = [
  { type: 'iban' as const, value: IBAN, reports: 2 },
  { type: 'phone' as const, value: '+31612345678', reports: 1 },
];

async function draftFrom(panel: HTMLElement) {
  await act(async () => {
    fireEvent.click(within(panel).getByRole('button', { name: 'Blokkeringsverzoek opstellen' }));
    await settle();
  });
  fireEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Annuleren' }));
}

describe('follow-up actions on a case', () => {
  it('drafts a request about the case’s most shared piece without typing it', async () => {
    const api = new FakeApi().handle('request.draft', () => requestDraft());
    renderWithStore(<CaseRequestPanel caseId={CASE_ID} indicators={PIECES} />, api);
    const panel = screen.getByTestId('case-actions');
    expect(within(panel).getByTestId('case-action-indicator')).toHaveProperty('value', `IBAN: ${IBAN} (2 meldingen)`);
    expect(within(panel).queryByTestId('case-action-value')).toBeNull();
    await draftFrom(panel);
    expect(api.callsOf('request.draft')).toEqual([{ kind: 'bank_block', indicatorType: 'iban', indicatorValue: IBAN, caseId: CASE_ID }]);
  });

  it('lets the officer type a piece that is not in the case’s reports', async () => {
    const api = new FakeApi().handle('request.draft', () => requestDraft());
    renderWithStore(<CaseRequestPanel caseId={CASE_ID} indicators={[]} />, api);
    const panel = screen.getByTestId('case-actions');
    expect(within(panel).getByRole('button', { name: 'Blokkeringsverzoek opstellen' })).toHaveProperty('disabled', true);
    fireEvent.change(within(panel).getByTestId('case-action-value'), { target: { value: 'NL91 ABNA 0417 1643 00' } });
    await draftFrom(panel);
    expect(api.callsOf('request.draft')).toEqual([{ kind: 'bank_block', indicatorType: 'iban', indicatorValue: 'NL91 ABNA 0417 1643 00', caseId: CASE_ID }]);
  });
});
