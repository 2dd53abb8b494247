import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore, useAppStoreApi } from '../../state/store-context';
import { useNow } from '../../ui/use-now';
import { HEADER_HEIGHT, ROW_HEIGHT } from './columns';
import { QueueHeader } from './QueueHeader';
import { QueueRowView, queueRowDomId } from './QueueRowView';
import { rowAt } from './row-window';

/** Rows are fetched once the visible range has been still this long, not for every row flown past. */
const FETCH_DELAY_MS = 60;

/**
 * The work queue as an ARIA grid: one tab stop, the keyboard moves the active row (aria-activedescendant),
 * only the rows on screen exist in the DOM, and rows arrive in pages as the officer scrolls.
 */
export function QueueTable() {
  const { t } = useTranslation();
  const store = useAppStoreApi();
  const total = useAppStore((state) => state.queueTotal ?? 0);
  const activeIndex = useAppStore((state) => state.queueActiveIndex);
  const selectionCount = useAppStore((state) => state.queueSelection.size);
  const showQueueRange = useAppStore((state) => state.showQueueRange);
  const rememberQueueScroll = useAppStore((state) => state.rememberQueueScroll);
  const now = useNow();
  const scrollRef = useRef<HTMLDivElement>(null);

  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 5,
    scrollMargin: HEADER_HEIGHT,
    scrollPaddingStart: HEADER_HEIGHT,
    // Coming back from a report puts the officer where they left the queue.
    initialOffset: () => store.getState().queueScrollOffset,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items.at(-1)?.index ?? 0;

  useEffect(() => {
    if (total === 0) return;
    const timer = setTimeout(() => void showQueueRange({ start: first, end: last }), FETCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [first, last, total, showQueueRange]);

  useEffect(() => () => rememberQueueScroll(virtualizer.scrollOffset ?? 0), [virtualizer, rememberQueueScroll]);

  // Back from a report: the keyboard continues in the grid, on the row it left.
  useEffect(() => {
    if (store.getState().cameFrom === 'report') scrollRef.current?.focus({ preventScroll: true });
  }, [store]);

  const moveTo = (target: number, extend: boolean) => {
    const state = store.getState();
    const clamped = Math.max(0, Math.min(total - 1, target));
    void state.moveQueueActive(clamped - state.queueActiveIndex, extend);
    virtualizer.scrollToIndex(clamped);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.target !== event.currentTarget || total === 0) return;
    const state = store.getState();
    const active = state.queueActiveIndex;
    const pageRows = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 400) / ROW_HEIGHT) - 1);
    const withModifier = event.ctrlKey || event.metaKey;
    if (event.key === 'ArrowDown') moveTo(active + 1, event.shiftKey);
    else if (event.key === 'ArrowUp') moveTo(active - 1, event.shiftKey);
    else if (event.key === 'PageDown') moveTo(active + pageRows, event.shiftKey);
    else if (event.key === 'PageUp') moveTo(active - pageRows, event.shiftKey);
    else if (event.key === 'Home') moveTo(0, event.shiftKey);
    else if (event.key === 'End') moveTo(total - 1, event.shiftKey);
    else if (event.key === 'Enter') {
      const row = rowAt(state.queuePages, active);
      if (row) state.openReport(row.reportId);
    } else if (event.key === ' ') state.toggleQueueSelected(active);
    else if (withModifier && event.key.toLowerCase() === 'a') void state.selectAllQueue();
    else if (event.key === 'Escape' && state.queueSelection.size > 0) state.clearQueueSelection();
    else return;
    event.preventDefault();
  };

  const activeRendered = items.some((item) => item.index === activeIndex);

  return (
    <div
      ref={scrollRef}
      role="grid"
      aria-label={t('queue.tableLabel')}
      aria-rowcount={total + 1}
      aria-colcount={11}
      aria-multiselectable="true"
      aria-activedescendant={activeRendered ? queueRowDomId(activeIndex) : undefined}
      aria-describedby="queue-keyboard-hint"
      data-testid="queue-table"
      data-selected-count={selectionCount}
      tabIndex={0}
      className="queue-grid"
      onKeyDown={onKeyDown}
    >
      <QueueHeader />
      <div role="rowgroup" className="queue-body" style={{ height: virtualizer.getTotalSize() }}>
        {items.map((item) => (
          <QueueRowView key={item.key} index={item.index} top={item.start - HEADER_HEIGHT} active={item.index === activeIndex} now={now} t={t} />
        ))}
      </div>
    </div>
  );
}
