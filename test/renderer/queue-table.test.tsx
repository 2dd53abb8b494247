// @vitest-environment jsdom
import './support/dom-setup';
import { act, fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { QueueScreen } from '../../src-renderer/features/queue/QueueScreen';
import { queueRow, reportIdOf } from './support/builders';
import { FakeApi, settle } from './support/fake-api';
import { renderWithStore } from './support/render';

const HUNDRED_THOUSAND = 100_000;

async function renderQueue(count: number) {
  const api = new FakeApi(Array.from({ length: count }, (_, index) => queueRow(index)));
  const rendered = renderWithStore(<QueueScreen />, api);
  await act(async () => {
    await rendered.store.getState().loadQueue();
    await settle();
  });
  return rendered;
}

describe('work queue table', () => {
  it('renders only the visible rows of 100,000 and fetches only their window', async () => {
    const { api } = await renderQueue(HUNDRED_THOUSAND);
    const grid = screen.getByRole('grid', { name: 'Meldingen in de werkvoorraad' });
    expect(grid.getAttribute('aria-rowcount')).toBe(String(HUNDRED_THOUSAND + 1));
    const rendered = within(grid).getAllByRole('row').length - 1;
    expect(rendered).toBeGreaterThan(5);
    expect(rendered).toBeLessThan(60);
    expect(screen.getByTestId(`queue-row-${reportIdOf(0)}`)).toBeTruthy();
    expect(api.callsOf('queue.list').every((query) => query.limit <= 500)).toBe(true);
    expect(screen.getByTestId('queue-total').textContent).toBe('100.000 meldingen');
  });

  it('arrow keys move the active row, Space selects, Enter opens', async () => {
    const { store } = await renderQueue(50);
    const grid = screen.getByRole('grid');
    grid.focus();
    fireEvent.keyDown(grid, { key: 'ArrowDown' });
    fireEvent.keyDown(grid, { key: 'ArrowDown' });
    await act(settle);
    expect(grid.getAttribute('aria-activedescendant')).toBe('queue-row-2');
    fireEvent.keyDown(grid, { key: ' ' });
    expect(screen.getByTestId(`queue-row-${reportIdOf(2)}`).getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(grid, { key: 'ArrowDown', shiftKey: true });
    await act(settle);
    expect(store.getState().queueSelection).toEqual(new Set([reportIdOf(2), reportIdOf(3)]));
    fireEvent.keyDown(grid, { key: 'Enter' });
    expect(store.getState().view).toEqual({ screen: 'report', reportId: reportIdOf(3) });
  });

  it('Ctrl+A selects every row and shows the bulk actions; Escape clears', async () => {
    const { store } = await renderQueue(30);
    const grid = screen.getByRole('grid');
    fireEvent.keyDown(grid, { key: 'a', ctrlKey: true });
    await act(settle);
    expect(store.getState().queueSelection.size).toBe(30);
    expect(within(screen.getByTestId('bulk-actions')).getByText('30 geselecteerd')).toBeTruthy();
    fireEvent.keyDown(grid, { key: 'Escape' });
    expect(screen.queryByTestId('bulk-actions')).toBeNull();
  });

  it('checkbox with shift selects a range; a plain row click opens the report', async () => {
    const { store } = await renderQueue(30);
    fireEvent.click(screen.getByRole('checkbox', { name: `Selecteer ${reportIdOf(1)}` }));
    fireEvent.click(screen.getByRole('checkbox', { name: `Selecteer ${reportIdOf(4)}` }), { shiftKey: true });
    await act(settle);
    expect(store.getState().queueSelection.size).toBe(4);
    fireEvent.click(screen.getByTestId(`queue-row-${reportIdOf(6)}`));
    expect(store.getState().view).toEqual({ screen: 'report', reportId: reportIdOf(6) });
  });

  it('clicking a sortable header re-queries with that sort', async () => {
    const { api } = await renderQueue(30);
    fireEvent.click(screen.getByTestId('queue-sort-loss'));
    await act(settle);
    expect(api.callsOf('queue.list').at(-1)?.sort).toEqual({ key: 'loss', direction: 'desc' });
    expect(screen.getByRole('columnheader', { name: /Schade/ }).getAttribute('aria-sort')).toBe('descending');
  });
});
