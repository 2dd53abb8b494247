import { memo, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { QueueRow } from '../../../shared/api/views';
import { useAppStore } from '../../state/store-context';
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
}

function Cells({ row, now }: { row: QueueRow; now: number }) {
  const { t } = useTranslation();
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

/** One row of the virtualized queue; a placeholder until its page has arrived. */
export const QueueRowView = memo(function QueueRowView({ index, top, active, now }: RowProps) {
  const { t } = useTranslation();
  const row = useAppStore(selectQueueRow(index));
  const selected = useAppStore(selectRowSelected(row?.reportId));
  const openReport = useAppStore((state) => state.openReport);
  const setQueueActive = useAppStore((state) => state.setQueueActive);
  const toggleQueueSelected = useAppStore((state) => state.toggleQueueSelected);
  const selectQueueRangeTo = useAppStore((state) => state.selectQueueRangeTo);

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
    if (event.shiftKey) void selectQueueRangeTo(index);
    else if (event.ctrlKey || event.metaKey) toggleQueueSelected(index);
    else {
      setQueueActive(index);
      openReport(row.reportId);
    }
  };

  const onCheckboxClick = (event: MouseEvent) => {
    event.stopPropagation();
    if (event.shiftKey) void selectQueueRangeTo(index);
    else toggleQueueSelected(index);
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
      <Cells row={row} now={now} />
    </div>
  );
});
