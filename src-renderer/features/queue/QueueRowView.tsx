import type { TFunction } from 'i18next';
import { memo, type MouseEvent } from 'react';
import type { QueueRow } from '../../../shared/api/views';
import { useAppStore, useAppStoreApi } from '../../state/store-context';
import { WorkStatusBadge } from '../../ui/badges';
import { ageOf, formatDateTime, formatMoneyWhole } from '../../ui/format';
import { OfficerName } from '../../ui/Officer';
import { QUEUE_GRID_TEMPLATE, ROW_HEIGHT } from './columns';
import { selectQueueRow, selectRowSelected } from './queue-selectors';

export const queueRowDomId = (index: number) => `queue-row-${index}`;

interface RowProps {
  index: number;
  top: number;
  active: boolean;
  now: number;
  /** The table's: a row of its own would subscribe each of the screen's rows to the language. */
  t: TFunction;
}

function Cells({ row, now, t }: { row: QueueRow; now: number; t: TFunction }) {
  const age = ageOf(row.receivedAt, now);
  return (
    <>
      <div role="gridcell" className="queue-cell mono">
        {row.reportId}
      </div>
      <div role="gridcell" className="queue-cell">
        {formatDateTime(row.receivedAt)}
      </div>
      <div role="gridcell" className="queue-cell">
        {t(`categories.${row.category}`)}
      </div>
      <div role="gridcell" className="queue-cell">
        {row.region ?? '—'}
      </div>
      <div role="gridcell" className="queue-cell summary" title={row.summary ?? undefined}>
        {row.summary ?? '—'}
      </div>
      <div role="gridcell" className="queue-cell align-end num">
        {row.lossCents > 0 ? formatMoneyWhole(row.lossCents) : '—'}
      </div>
      <div role="gridcell" className="queue-cell align-end num">
        {row.clusterSize > 1 ? <span className="cluster-size">{row.clusterSize}</span> : '—'}
      </div>
      <div role="gridcell" className="queue-cell">
        <WorkStatusBadge status={row.workStatus} />
      </div>
      <div role="gridcell" className="queue-cell">
        <OfficerName id={row.assignee} />
      </div>
      <div role="gridcell" className="queue-cell align-end num">
        {t(`age.${age.unit}`, { count: age.count })}
      </div>
    </>
  );
}

/**
 * One row of the virtualized queue; a placeholder until its page has arrived. It subscribes to its row and whether it
 * is selected only: its clicks take the store's actions when they happen, as the table's keys do.
 */
export const QueueRowView = memo(function QueueRowView({ index, top, active, now, t }: RowProps) {
  const store = useAppStoreApi();
  const row = useAppStore(selectQueueRow(index));
  const selected = useAppStore(selectRowSelected(row?.reportId));

  const style = { transform: `translateY(${top}px)`, height: ROW_HEIGHT, gridTemplateColumns: QUEUE_GRID_TEMPLATE };
  if (!row) {
    return (
      <div role="row" aria-rowindex={index + 2} aria-busy="true" id={queueRowDomId(index)} className="queue-row placeholder" style={style}>
        <div role="gridcell" className="queue-cell placeholder-cell">
          {t('common.loading')}
        </div>
      </div>
    );
  }

  const onRowClick = (event: MouseEvent) => {
    const state = store.getState();
    if (event.shiftKey) void state.selectQueueRangeTo(index);
    else if (event.ctrlKey || event.metaKey) state.toggleQueueSelected(index);
    else {
      state.setQueueActive(index);
      state.openReport(row.reportId);
    }
  };

  const onCheckboxClick = (event: MouseEvent) => {
    event.stopPropagation();
    const state = store.getState();
    if (event.shiftKey) void state.selectQueueRangeTo(index);
    else state.toggleQueueSelected(index);
  };

  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      aria-selected={selected}
      id={queueRowDomId(index)}
      data-testid={`queue-row-${row.reportId}`}
      data-report-id={row.reportId}
      className={`queue-row${active ? ' active' : ''}${selected ? ' selected' : ''}`}
      style={style}
      onClick={onRowClick}
    >
      <div role="gridcell" className="queue-cell queue-check-cell">
        <input
          type="checkbox"
          className="row-checkbox"
          tabIndex={-1}
          checked={selected}
          readOnly
          onClick={onCheckboxClick}
          aria-label={t('queue.selectRow', { id: row.reportId })}
        />
      </div>
      <Cells row={row} now={now} t={t} />
    </div>
  );
});
