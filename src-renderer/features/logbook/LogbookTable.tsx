import { Loader, Table, Text } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { LogbookEntryView } from '../../../shared/api/views';
import { labelFor } from '../../i18n/label-for';
import { formatDateTime } from '../../ui/format';
import { auditDetailsText } from '../../ui/audit-details';
import { OfficerName } from '../../ui/Officer';

const ROW_ESTIMATE = 41;
/** The next page is asked for this many rows before the last one loaded comes into view. */
const LOAD_AHEAD_ROWS = 50;
/** A workstation is named by the start of its id (the whole id in its title): enough to tell a few apart. */
const SHORT_ID = 8;

function Workstation({ id, here }: { id: string; here: boolean }) {
  const { t } = useTranslation();
  if (here) return <>{t('logbook.thisWorkstation')}</>;
  return <span title={id}>{id.slice(0, SHORT_ID)}</span>;
}

function EntryCells({ entry, here }: { entry: LogbookEntryView; here: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      <Table.Td className="nowrap">{formatDateTime(entry.at)}</Table.Td>
      <Table.Td className="nowrap" data-testid="logbook-workstation">
        <Workstation id={entry.workstationId} here={here} />
      </Table.Td>
      <Table.Td>
        <OfficerName id={entry.actor} />
        <Text span size="xs" c="dimmed" ml={4}>
          ({entry.actor})
        </Text>
      </Table.Td>
      <Table.Td>{labelFor(t, 'auditAction', entry.action)}</Table.Td>
      <Table.Td className="nowrap">
        {labelFor(t, 'entity', entry.subjectType)} {entry.subjectId}
      </Table.Td>
      <Table.Td data-testid="logbook-purpose">
        {entry.purpose ?? (
          <Text span size="sm" c="dimmed">
            {t('logbook.noPurpose')}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <Text span size="xs">
          {auditDetailsText(t, entry.details, ['purpose'])}
        </Text>
      </Table.Td>
    </>
  );
}

interface LogbookTableProps {
  entries: readonly LogbookEntryView[];
  /** All entries of the answer, also those not loaded yet. */
  total: number;
  /** This workstation's id: its own entries say so. */
  workstationId: string;
  /** More entries follow: asked for as the supervisor scrolls towards them. */
  hasMore: boolean;
  loadingMore: boolean;
  onLoadMore: () => void;
}

/**
 * The entries that answer the question, newest first, in a table that renders only the rows in view (an answer
 * may hold 100,000 entries) and asks for the next page before its end comes into view. Spacer rows above and below
 * keep the scroll height and are hidden from assistive technology; aria-rowcount/rowindex tell the rest.
 */
export function LogbookTable({ entries, total, workstationId, hasMore, loadingMore, onLoadMore }: LogbookTableProps) {
  const { t } = useTranslation();
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: entries.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_ESTIMATE,
    overscan: 10,
  });
  const items = virtualizer.getVirtualItems();
  const lastShown = items.at(-1)?.index ?? 0;
  const before = items[0]?.start ?? 0;
  const after = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0);

  useEffect(() => {
    if (hasMore && !loadingMore && lastShown >= entries.length - LOAD_AHEAD_ROWS) onLoadMore();
  }, [hasMore, loadingMore, lastShown, entries.length, onLoadMore]);

  return (
    <div ref={scrollRef} className="logbook-table-scroll" data-testid="logbook-scroll">
      <Table verticalSpacing={4} fz="sm" stickyHeader highlightOnHover miw={1000} aria-label={t('logbook.tableLabel')} aria-rowcount={total + 1} data-testid="logbook-table">
        <Table.Thead>
          <Table.Tr aria-rowindex={1}>
            <Table.Th>{t('logbook.at')}</Table.Th>
            <Table.Th>{t('logbook.workstation')}</Table.Th>
            <Table.Th>{t('logbook.who')}</Table.Th>
            <Table.Th>{t('logbook.action')}</Table.Th>
            <Table.Th>{t('logbook.subject')}</Table.Th>
            <Table.Th>{t('logbook.purpose')}</Table.Th>
            <Table.Th>{t('logbook.details')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {before > 0 && <tr aria-hidden="true" style={{ height: before }} />}
          {items.map((item) => {
            const entry = entries[item.index]!;
            return (
              <Table.Tr
                key={`${entry.workstationId}:${entry.id}`}
                ref={virtualizer.measureElement}
                data-index={item.index}
                aria-rowindex={item.index + 2}
                data-testid="logbook-row"
                data-entry-id={entry.id}
                data-workstation={entry.workstationId}
              >
                <EntryCells entry={entry} here={entry.workstationId === workstationId} />
              </Table.Tr>
            );
          })}
          {after > 0 && <tr aria-hidden="true" style={{ height: after }} />}
        </Table.Tbody>
      </Table>
      {loadingMore && <Loader size="sm" m="sm" aria-label={t('logbook.loadingMore')} />}
    </div>
  );
}
