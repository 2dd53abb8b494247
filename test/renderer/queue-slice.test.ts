import { describe, expect, it } from 'vitest';
import { SELECTION_CAP } from '../../src-renderer/features/queue/queue-slice';
import { PAGE_SIZE } from '../../src-renderer/features/queue/row-window';
import { createAppStore } from '../../src-renderer/app/create-app-store';
import { queueRow, reportIdOf } from './support/builders';
import { FakeApi, settle } from './support/fake-api';

const rows = (count: number) => Array.from({ length: count }, (_, index) => queueRow(index));

function setup(count = 1000) {
  const api = new FakeApi(rows(count));
  const store = createAppStore(api);
  return { api, store, state: () => store.getState() };
}

describe('queue slice', () => {
  it('loads the first window and keeps the total', async () => {
    const { api, state } = setup(1000);
    await state().loadQueue();
    expect(state().queueTotal).toBe(1000);
    expect(api.callsOf('queue.list')).toEqual([expect.objectContaining({ offset: 0, limit: PAGE_SIZE })]);
    expect(state().queuePages[0]).toHaveLength(PAGE_SIZE);
  });

  it('fetches only the pages a scrolled-to range is missing', async () => {
    const { api, state } = setup(1000);
    await state().loadQueue();
    await state().showQueueRange({ start: 250, end: 290 });
    await state().showQueueRange({ start: 260, end: 280 });
    const offsets = api.callsOf('queue.list').map((query) => query.offset);
    expect(offsets).toEqual([0, 200]);
  });

  it('drops answers that belong to filters the officer already changed', async () => {
    const { api, state } = setup(300);
    state().setSearchPurpose('Beoordelen van de melding');
    api.hold();
    const first = state().loadQueue();
    state().setQueueFilters({ text: 'nummer 1' });
    api.release();
    await first;
    await settle();
    expect(state().queueFilters.text).toBe('nummer 1');
    expect(state().queueTotal).toBe(api.rows.filter((row) => row.summary!.includes('nummer 1')).length);
    expect(state().queueSavedView).toBeNull();
  });

  it('a query typed waits for the purpose of searching: nothing goes out until the officer gives it, then every query carries it', async () => {
    const { api, state } = setup(300);
    await state().loadQueue();
    state().setQueueFilters({ text: 'nummer 1' });
    await settle();
    expect(state().queueSearchPurposeAsked).toBe(true);
    expect(api.callsOf('queue.list').filter((query) => query.filters.text)).toEqual([]);
    await state().refreshQueue();
    expect(api.callsOf('queue.list').filter((query) => query.filters.text)).toEqual([]);

    expect(await state().confirmSearchPurpose('Onderzoek in een zaak')).toBe(true);
    expect(state().queueSearchPurposeAsked).toBe(false);
    expect(api.callsOf('queue.list').at(-1)).toEqual(expect.objectContaining({ filters: expect.objectContaining({ text: 'nummer 1' }) as unknown, purpose: 'Onderzoek in een zaak' }));
    state().setQueueFilters({ text: 'nummer 2' });
    await settle();
    expect(api.callsOf('queue.list').at(-1)).toEqual(expect.objectContaining({ filters: expect.objectContaining({ text: 'nummer 2' }) as unknown, purpose: 'Onderzoek in een zaak' }));
    // Without a query the list needs no purpose and is not sent one.
    state().setQueueFilters({ text: '' });
    await settle();
    expect(api.callsOf('queue.list').at(-1)).not.toHaveProperty('purpose');
  });

  it('cancelling the purpose of searching drops the query typed', async () => {
    const { api, state } = setup(300);
    state().setQueueFilters({ text: 'nummer 1' });
    await settle();
    state().cancelSearchPurpose();
    await settle();
    expect(state().queueFilters.text).toBeUndefined();
    expect(state().queueSearchPurposeAsked).toBe(false);
    expect(state().queueTotal).toBe(300);
    expect(api.callsOf('queue.list').every((query) => !query.filters.text)).toBe(true);
  });

  it('refreshes in place on reports.changed: same range, new total, selection kept', async () => {
    const { api, state } = setup(1000);
    await state().loadQueue();
    await state().showQueueRange({ start: 500, end: 530 });
    state().toggleQueueSelected(510);
    api.rows = rows(1200);
    await state().refreshQueue();
    expect(state().queueTotal).toBe(1200);
    expect(api.callsOf('queue.list').at(-1)).toEqual(expect.objectContaining({ offset: 500, limit: PAGE_SIZE }));
    expect(Object.keys(state().queuePages)).toEqual(['5']);
    expect(state().queueSelection.has(reportIdOf(510))).toBe(true);
  });

  it('sorting on the same column flips the direction', async () => {
    const { state } = setup(10);
    state().setQueueSort('loss');
    expect(state().queueSort).toEqual({ key: 'loss', direction: 'desc' });
    state().setQueueSort('loss');
    expect(state().queueSort).toEqual({ key: 'loss', direction: 'asc' });
    await settle();
  });

  it('saved views set filters and sort', async () => {
    const { state } = setup(10);
    state().applySavedView('mine');
    expect(state().queueFilters).toEqual({ assignee: 'me', workStatuses: ['new', 'in_progress'] });
    expect(state().queueSavedView).toBe('mine');
    await settle();
  });

  it('selects a range with shift, across pages that were not loaded yet', async () => {
    const { state } = setup(1000);
    await state().loadQueue();
    state().toggleQueueSelected(5);
    await state().selectQueueRangeTo(250);
    expect(state().queueSelection.size).toBe(246);
    expect(state().queueSelection.has(reportIdOf(250))).toBe(true);
  });

  it('select all fetches ids up to the cap and says so', async () => {
    const { api, state } = setup(SELECTION_CAP + 10);
    await state().loadQueue();
    await state().selectAllQueue();
    expect(state().queueSelection.size).toBe(SELECTION_CAP);
    expect(state().queueSelectionCapped).toBe(true);
    expect(api.callsOf('queue.list').every((query) => query.limit <= 500)).toBe(true);
  });

  it('bulk-assigns the selection and refreshes the queue', async () => {
    const { api, state } = setup(50);
    api.handle('report.assign', ({ reportIds }) => ({ changed: reportIds.length }));
    await state().loadQueue();
    state().toggleQueueSelected(1);
    state().toggleQueueSelected(2);
    expect(await state().assignSelected('officer-2')).toBe(true);
    expect(api.callsOf('report.assign')).toEqual([{ reportIds: [reportIdOf(1), reportIdOf(2)], assignee: 'officer-2' }]);
    await settle();
    expect(api.callsOf('queue.list').length).toBeGreaterThan(1);
    expect(state().notices.at(-1)).toEqual(expect.objectContaining({ tone: 'success', key: 'assigned', values: { count: 2 } }));
  });

  it('keyboard moves clamp to the rows there are', async () => {
    const { state } = setup(3);
    await state().loadQueue();
    await state().moveQueueActive(10, false);
    expect(state().queueActiveIndex).toBe(2);
    await state().moveQueueActive(-1, true);
    expect(state().queueSelection).toEqual(new Set([reportIdOf(1), reportIdOf(2)]));
  });
});
