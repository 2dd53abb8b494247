import { Badge, Checkbox, Table, Text, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { RequestSummaryView } from '../../../shared/api/request-views';
import { useAppStore } from '../../state/store-context';
import { RequestStateBadge, OverdueBadge } from '../../ui/badges';
import { formatCount, formatDay } from '../../ui/format';
import { selectMyId } from '../../state/session-selectors';
import { RequestSubject } from './RequestSubject';
import { isBatchableConcept } from './letter-batch';

const ROW_ESTIMATE = 56;

interface RequestTableProps {
  rows: RequestSummaryView[];
  openRequestId: string | undefined;
  /** The approval queue marks the supervisor's own requests (four eyes: someone else approves them). */
  markOwn?: boolean;
  /** The requests list lets the officer choose concepts for one batched letter. */
  batch?: ConceptChoice;
}

interface ConceptChoice {
  chosen: readonly string[];
  onChoose: (actionId: string, chosen: boolean) => void;
}

/** A concept about an account or number can be chosen for one letter with others to the same addressee. */
function ChooseCell({ action, choice }: { action: RequestSummaryView; choice: ConceptChoice }) {
  const { t } = useTranslation();
  return (
    <Table.Td>
      {isBatchableConcept(action) && (
        <Checkbox
          aria-label={t('requests.batch.choose', { title: action.title })}
          checked={choice.chosen.includes(action.actionId)}
          onChange={(event) => choice.onChoose(action.actionId, event.currentTarget.checked)}
          data-testid={`action-batch-choose-${action.actionId}`}
        />
      )}
    </Table.Td>
  );
}

function RequestRowCells({ action, markOwn }: { action: RequestSummaryView; markOwn: boolean }) {
  const { t } = useTranslation();
  const openRequest = useAppStore((state) => state.openRequest);
  const mine = useAppStore((state) => markOwn && selectMyId(state) === action.createdBy);
  return (
    <>
      <Table.Td className="request-title-cell">
        <UnstyledButton className="link-button" onClick={() => openRequest(action.actionId)} data-testid={`action-open-${action.actionId}`}>
          {action.title}
        </UnstyledButton>
        <div className="request-subject">
          {t(`requestKind.${action.kind}`)} · <RequestSubject action={action} />
        </div>
      </Table.Td>
      <Table.Td>
        <div className="badge-stack">
          <RequestStateBadge state={action.state} />
          {mine && (
            <Badge size="sm" variant="outline" color="gray" tt="none" styles={{ label: { color: 'var(--mantine-color-dark-8)' } }}>
              {t('approvals.own')}
            </Badge>
          )}
        </div>
      </Table.Td>
      <Table.Td>{action.addresseeName ?? t('requests.noAddressee')}</Table.Td>
      <Table.Td className={action.overdue ? 'nowrap overdue-cell' : 'nowrap'}>
        {formatDay(action.dueAt)}
        {action.overdue && (
          <div>
            <OverdueBadge />
          </div>
        )}
      </Table.Td>
      <Table.Td ta="right" className="num">
        {formatCount(action.reportCount)}
      </Table.Td>
    </>
  );
}

/**
 * Requests as a table that renders only the rows in view (a unit may keep thousands of them). Spacer rows above
 * and below keep the scroll height and are hidden from assistive technology; aria-rowcount/rowindex tell the rest.
 */
export function RequestTable({ rows, openRequestId, markOwn = false, batch }: RequestTableProps) {
  const { t } = useTranslation();
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_ESTIMATE,
    overscan: 8,
  });
  const items = virtualizer.getVirtualItems();
  const before = items[0]?.start ?? 0;
  const after = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0);

  return (
    <div ref={scrollRef} className="action-table-scroll" data-testid="action-table">
      <Table verticalSpacing={5} fz="sm" stickyHeader highlightOnHover aria-label={t('requests.tableLabel')} aria-rowcount={rows.length + 1} miw={560}>
        <Table.Thead>
          <Table.Tr aria-rowindex={1}>
            {batch && (
              <Table.Th>
                <VisuallyHidden>{t('requests.batch.column')}</VisuallyHidden>
              </Table.Th>
            )}
            <Table.Th>{t('requests.columns.title')}</Table.Th>
            <Table.Th>{t('requests.columns.state')}</Table.Th>
            <Table.Th>{t('requests.columns.addressee')}</Table.Th>
            <Table.Th>{t('requests.columns.due')}</Table.Th>
            <Table.Th ta="right">{t('requests.columns.reports')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {before > 0 && <tr aria-hidden="true" style={{ height: before }} />}
          {items.map((item) => {
            const action = rows[item.index]!;
            const selected = action.actionId === openRequestId;
            return (
              <Table.Tr
                key={action.actionId}
                ref={virtualizer.measureElement}
                data-index={item.index}
                aria-rowindex={item.index + 2}
                aria-selected={selected}
                className={selected ? 'selected-row' : undefined}
                data-testid={`action-row-${action.actionId}`}
              >
                {batch && <ChooseCell action={action} choice={batch} />}
                <RequestRowCells action={action} markOwn={markOwn} />
              </Table.Tr>
            );
          })}
          {after > 0 && <tr aria-hidden="true" style={{ height: after }} />}
        </Table.Tbody>
      </Table>
      {rows.length === 0 && (
        <Text size="sm" c="dimmed" p="sm">
          {t('requests.empty')}
        </Text>
      )}
    </div>
  );
}
