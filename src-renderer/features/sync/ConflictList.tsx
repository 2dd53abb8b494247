import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SyncConflictView } from '../../../shared/api/views';
import { labelFor } from '../../i18n/label-for';
import { formatDateTime } from '../../ui/format';
import { OfficerName } from '../../ui/Officer';

const show = (value: unknown): string => (value === null || value === undefined ? '—' : typeof value === 'string' ? value : JSON.stringify(value));

/** The officer's own changes that lost to another officer's on the hub. */
export function ConflictList({ conflicts }: { conflicts: SyncConflictView[] | null }) {
  const { t } = useTranslation();
  if (!conflicts) return <Text size="sm">{t('common.loading')}</Text>;
  if (conflicts.length === 0) return <Text size="sm">{t('sync.noConflicts')}</Text>;
  return (
    <Table verticalSpacing={4} fz="sm" striped data-testid="sync-conflicts">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('sync.conflict.entity')}</Table.Th>
          <Table.Th>{t('sync.conflict.field')}</Table.Th>
          <Table.Th>{t('sync.conflict.mine')}</Table.Th>
          <Table.Th>{t('sync.conflict.winning')}</Table.Th>
          <Table.Th>{t('sync.conflict.by')}</Table.Th>
          <Table.Th>{t('sync.conflict.at')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {conflicts.map((conflict) => (
          <Table.Tr key={`${conflict.mutationId}:${conflict.field}`}>
            <Table.Td>
              {labelFor(t, 'entity', conflict.entity)} <span className="mono">{conflict.entityId}</span>
            </Table.Td>
            <Table.Td className="mono">{conflict.field}</Table.Td>
            <Table.Td>{show(conflict.mine)}</Table.Td>
            <Table.Td>{show(conflict.winning)}</Table.Td>
            <Table.Td>
              <OfficerName id={conflict.winningOfficer} />
            </Table.Td>
            <Table.Td className="nowrap">{formatDateTime(conflict.at)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
