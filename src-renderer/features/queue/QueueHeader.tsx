import { Checkbox, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { SortIcon } from '../../ui/icons';
import { useAppStore } from '../../state/store-context';
import { QUEUE_COLUMNS, QUEUE_GRID_TEMPLATE, type QueueColumn } from './columns';

function SortableHeader({ column, label }: { column: QueueColumn; label: string }) {
  const { t } = useTranslation();
  const sort = useAppStore((state) => state.queueSort);
  const setQueueSort = useAppStore((state) => state.setQueueSort);
  const direction = sort.key === column.sortKey ? sort.direction : null;
  return (
    <div
      role="columnheader"
      className={`queue-cell queue-header-cell${column.align ? ' align-end' : ''}`}
      aria-sort={direction === 'asc' ? 'ascending' : direction === 'desc' ? 'descending' : 'none'}
    >
      <UnstyledButton
        className="sort-button"
        onClick={() => setQueueSort(column.sortKey!)}
        title={t('queue.sortBy', { column: label })}
        data-testid={`queue-sort-${column.id}`}
      >
        {label}
        <SortIcon direction={direction} />
      </UnstyledButton>
    </div>
  );
}

function SelectAllCheckbox() {
  const { t } = useTranslation();
  const selected = useAppStore((state) => state.queueSelection.size);
  const total = useAppStore((state) => state.queueTotal ?? 0);
  const selectAllQueue = useAppStore((state) => state.selectAllQueue);
  const clearQueueSelection = useAppStore((state) => state.clearQueueSelection);
  const all = selected > 0 && selected >= total;
  return (
    <Checkbox
      size="xs"
      aria-label={t('queue.selectAll')}
      checked={all}
      indeterminate={selected > 0 && !all}
      onChange={() => (selected > 0 ? clearQueueSelection() : void selectAllQueue())}
      tabIndex={-1}
    />
  );
}

/** The sticky header row of the queue grid; sortable columns are buttons. */
export function QueueHeader() {
  const { t } = useTranslation();
  return (
    <div role="row" aria-rowindex={1} className="queue-row queue-header" style={{ gridTemplateColumns: QUEUE_GRID_TEMPLATE }}>
      <div role="columnheader" className="queue-cell queue-check-cell">
        <SelectAllCheckbox />
      </div>
      {QUEUE_COLUMNS.map((column) => {
        const label = t(`queue.columns.${column.id}`);
        return column.sortKey ? (
          <SortableHeader key={column.id} column={column} label={label} />
        ) : (
          <div key={column.id} role="columnheader" className={`queue-cell queue-header-cell${column.align ? ' align-end' : ''}`}>
            {label}
          </div>
        );
      })}
    </div>
  );
}
