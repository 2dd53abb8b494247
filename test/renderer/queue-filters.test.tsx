// @vitest-environment jsdom
import './support/dom-setup';
import { act, fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { QueueFilterBar } from '../../src-renderer/features/queue/QueueFilterBar';
import { queueRow } from './support/builders';
import { FakeApi, settle } from './support/fake-api';
import { renderWithStore } from './support/render';

async function renderFilters() {
  const api = new FakeApi(Array.from({ length: 30 }, (_, index) => queueRow(index)));
  const rendered = renderWithStore(<QueueFilterBar />, api);
  await act(async () => {
    await rendered.store.getState().loadQueueRegions();
    await settle();
  });
  return rendered;
}

const lastQuery = (api: FakeApi) => api.callsOf('queue.list').at(-1)!;

describe('queue filters', () => {
  it('a checklist filter says what is chosen and asks the queue for exactly those values', async () => {
    const { api, store } = await renderFilters();
    const category = screen.getByTestId('filter-category');
    expect(category.textContent).toContain('Alle');
    expect(category.getAttribute('aria-haspopup')).toBe('dialog');

    await act(async () => {
      fireEvent.click(category);
      await settle();
    });
    const list = screen.getByRole('group', { name: 'Categorie' });
    await act(async () => {
      fireEvent.click(within(list).getByRole('checkbox', { name: 'Phishing' }));
      await settle();
    });
    expect(store.getState().queueFilters.categories).toEqual(['phishing']);
    expect(lastQuery(api).filters.categories).toEqual(['phishing']);
    expect(category.textContent).toContain('Phishing');

    await act(async () => {
      fireEvent.click(within(list).getByRole('checkbox', { name: 'Ransomware' }));
      await settle();
    });
    expect(lastQuery(api).filters.categories).toEqual(['ransomware', 'phishing']);
    expect(category.textContent).toContain('2 gekozen');
  });

  it('offers the regions the store has, and single-value filters are native selects', async () => {
    const { api } = await renderFilters();
    await act(async () => {
      fireEvent.click(screen.getByTestId('filter-region'));
      await settle();
    });
    expect(within(screen.getByRole('group', { name: 'Regio' })).getAllByRole('checkbox').map((box) => box.getAttribute('value'))).toEqual(['Amsterdam', 'Rotterdam']);

    const loss = screen.getByLabelText('Schade');
    expect(loss.tagName).toBe('SELECT');
    await act(async () => {
      fireEvent.change(loss, { target: { value: 'yes' } });
      await settle();
    });
    expect(lastQuery(api).filters.hasLoss).toBe(true);
    await act(async () => {
      fireEvent.change(screen.getByLabelText('Behandelaar'), { target: { value: 'unassigned' } });
      await settle();
    });
    expect(lastQuery(api).filters.assignee).toBe('unassigned');
  });
});
