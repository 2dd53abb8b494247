// @vitest-environment jsdom
import './support/dom-setup';
import { act, fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { App } from '../../src-renderer/app/App';
import { ACTION_ID, requestDraft, requestSummary, SUPERVISOR } from './support/request-builders';
import { FakeApi, settle } from './support/fake-api';
import { renderWithStore } from './support/render';

const ING_1 = 'NL20INGB0001234567';
const ING_2 = 'NL69INGB0123456789';
const ING_3 = 'NL80INGB0007654321';
const ABN = 'NL91ABNA0417164300';
const id = (n: number) => `0a4c5b1e-000${n}-4b7a-9f0e-2a4b6c8d0e1f`;

/** Concepts to ING (one already a batch of two), one to ABN AMRO, a submitted request and a warning concept. */
const requests = [
  requestSummary({ actionId: id(1), title: 'Blokkade ING 1', indicatorValue: ING_1, addresseeId: 'bank.ing', addresseeName: 'ING Bank N.V.' }),
  requestSummary({ actionId: id(2), title: 'Blokkade ING 2 en 3', indicatorValue: ING_2, batchIndicators: [{ type: 'iban', value: ING_3 }], addresseeId: 'bank.ing', addresseeName: 'ING Bank N.V.' }),
  requestSummary({ actionId: id(3), title: 'Blokkade ABN', indicatorValue: ABN, addresseeId: 'bank.abn-amro' }),
  requestSummary({ actionId: id(4), title: 'Ingediend', indicatorValue: ING_3, addresseeId: 'bank.ing', state: 'awaiting_approval' }),
  requestSummary({ actionId: id(5), title: 'Waarschuwing', kind: 'prevention_warning', indicatorType: null, indicatorValue: null, addresseeId: null }),
];

const click = async (element: HTMLElement) =>
  act(async () => {
    fireEvent.click(element);
    await settle();
  });

describe('batching letters from the requests list', () => {
  it('concepts to one addressee become one batched letter naming every account they name; others are refused in words', async () => {
    const api = new FakeApi()
      .handle('session.get', () => ({ officer: SUPERVISOR, demo: true, offline: false, locked: false, idleLockMinutes: 15, offlineCode: null }))
      .handle('request.list', () => requests)
      .handle('request.draft', () => requestDraft({ indicatorValue: ING_1, batchIndicators: [{ type: 'iban', value: ING_2 }, { type: 'iban', value: ING_3 }] }))
      .handle('request.create', () => ({ actionId: ACTION_ID }));
    const rendered = renderWithStore(<App />, api);
    await act(async () => rendered.store.getState().loadSession());
    await click(screen.getByTestId('nav-requests'));
    await screen.findByTestId(`action-row-${id(1)}`, {}, { timeout: 15_000 });

    // Only concepts about an account or number can be chosen.
    for (const n of [1, 2, 3]) expect(screen.getByRole('checkbox', { name: `${requests[n - 1]!.title} kiezen voor één brief` })).toBeTruthy();
    expect(screen.queryByTestId(`action-batch-choose-${id(4)}`)).toBeNull();
    expect(screen.queryByTestId(`action-batch-choose-${id(5)}`)).toBeNull();
    expect(screen.queryByTestId('actions-batch')).toBeNull();

    await click(screen.getByTestId(`action-batch-choose-${id(1)}`));
    expect(screen.getByTestId('actions-batch').textContent).toContain('1 concept gekozen voor één brief aan dezelfde geadresseerde');
    expect(screen.getByTestId('actions-batch').textContent).toContain('Kies er nog een over een andere rekening of een ander nummer');
    expect(within(screen.getByTestId('actions-batch')).queryByRole('button')).toBeNull();

    await click(screen.getByTestId(`action-batch-choose-${id(3)}`));
    expect(screen.getByTestId('actions-batch').textContent).toContain('Kies concepten aan één en dezelfde geadresseerde voor één brief');
    expect(within(screen.getByTestId('actions-batch')).queryByRole('button')).toBeNull();

    await click(screen.getByTestId(`action-batch-choose-${id(3)}`));
    await click(screen.getByTestId(`action-batch-choose-${id(2)}`));
    const bar = screen.getByTestId('actions-batch');
    expect(bar.textContent).toContain('2 concepten gekozen');
    await click(within(bar).getByTestId('draft-action-bank_block'));
    expect(api.callsOf('request.draft').at(-1)).toEqual({ indicatorType: 'iban', indicatorValue: ING_1, batch: [{ type: 'iban', value: ING_2 }, { type: 'iban', value: ING_3 }] });
    await screen.findByTestId('action-draft-form');
    // The concepts the letter is made of are withdrawn with it, and the dialog says so before.
    expect(screen.getByTestId('draft-replaces').textContent).toContain('De 2 gekozen concepten worden ingetrokken');
    await click(screen.getByTestId('action-create-submit'));
    expect(api.callsOf('request.create').at(-1)).toMatchObject({ indicatorValue: ING_1, batchIndicators: [{ type: 'iban', value: ING_2 }, { type: 'iban', value: ING_3 }], replaces: [id(1), id(2)] });
    // The new letter is open; nothing is chosen any more.
    expect(rendered.store.getState().conceptBatch).toEqual([]);
    expect(screen.queryByTestId('actions-batch')).toBeNull();
  });
});
