import { Pagination, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LogbookEntryView } from '../../../shared/api/views';
import { labelFor } from '../../i18n/label-for';
import { DataTable } from '../../ui/DataTable';
import { formatDateTime } from '../../ui/format';
import { OfficerName } from '../../ui/Officer';

const PAGE_SIZE = 50;

/** The details besides the purpose (ids, counts, a query's results) as compact "key: value" text. */
const otherDetails = (details: Record<string, unknown> | null): string =>
  Object.entries(details ?? {})
    .filter(([key]) => key !== 'purpose')
    .map(([key, value]) => `${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`)
    .join(' · ');

function EntryRow({ entry }: { entry: LogbookEntryView }) {
  const { t } = useTranslation();
  return (
    <Table.Tr data-testid="logbook-row" data-entry-id={entry.id}>
      <Table.Td className="nowrap">{formatDateTime(entry.at)}</Table.Td>
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
          {otherDetails(entry.details)}
        </Text>
      </Table.Td>
    </Table.Tr>
  );
}

/** The entries that answer the question, newest first, a page at a time. */
export function LogbookTable({ entries }: { entries: readonly LogbookEntryView[] }) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const pages = Math.ceil(entries.length / PAGE_SIZE);
  const shown = entries.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
  return (
    <Stack gap="sm">
      <DataTable
        minWidth={900}
        label={t('logbook.tableLabel')}
        testId="logbook-table"
        head={
          <>
            <Table.Th>{t('logbook.at')}</Table.Th>
            <Table.Th>{t('logbook.who')}</Table.Th>
            <Table.Th>{t('logbook.action')}</Table.Th>
            <Table.Th>{t('logbook.subject')}</Table.Th>
            <Table.Th>{t('logbook.purpose')}</Table.Th>
            <Table.Th>{t('logbook.details')}</Table.Th>
          </>
        }
      >
        {shown.map((entry) => (
          <EntryRow key={entry.id} entry={entry} />
        ))}
      </DataTable>
      {pages > 1 && (
        <Pagination
          total={pages}
          value={Math.min(page, pages)}
          onChange={setPage}
          size="sm"
          getControlProps={(control) => ({ 'aria-label': t(`common.pagination.${control}`) })}
          getItemProps={(item) => ({ 'aria-label': t('common.pagination.page', { page: item }) })}
        />
      )}
    </Stack>
  );
}
