import { Button, Group, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DirectoryEntryView } from '../../../shared/requests/directory';
import { useAppStore } from '../../state/store-context';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { DataTable } from '../../ui/DataTable';
import { formatDateTime } from '../../ui/format';
import { OfficerName } from '../../ui/Officer';
import { MATCH_LISTS } from './directory-form';

/** How to reach an addressee, as plain text (never a link: the workbench opens nothing). */
function Contact({ entry }: { entry: DirectoryEntryView }) {
  const lines = [entry.email, entry.portalUrl, entry.postalAddress?.split('\n')[0]].filter(Boolean);
  return (
    <>
      {lines.map((line) => (
        <Text key={line} size="xs" className="mono" style={{ overflowWrap: 'anywhere' }}>
          {line}
        </Text>
      ))}
    </>
  );
}

export function DirectoryTable({ entries, onEdit }: { entries: DirectoryEntryView[]; onEdit: (entry: DirectoryEntryView) => void }) {
  const { t } = useTranslation();
  const removeDirectoryEntry = useAppStore((state) => state.removeDirectoryEntry);
  const [removing, setRemoving] = useState<DirectoryEntryView | null>(null);
  return (
    <>
      <DataTable
        minWidth={960}
        verticalSpacing={5}
        label={t('directory.tableLabel')}
        testId="directory-table"
        withActionsColumn
        head={
          <>
            <Table.Th>{t('directory.columns.name')}</Table.Th>
            <Table.Th>{t('directory.columns.kind')}</Table.Th>
            <Table.Th>{t('directory.columns.channel')}</Table.Th>
            <Table.Th>{t('directory.columns.contact')}</Table.Th>
            <Table.Th>{t('directory.columns.matches')}</Table.Th>
            <Table.Th>{t('directory.columns.updated')}</Table.Th>
          </>
        }
      >
        {entries.map((entry) => (
          <Table.Tr key={entry.id} data-testid={`directory-row-${entry.id}`}>
            <Table.Td>{entry.name}</Table.Td>
            <Table.Td>{t(`directoryKind.${entry.kind}`)}</Table.Td>
            <Table.Td>{t(`sendMethod.${entry.channel}`)}</Table.Td>
            <Table.Td>
              <Contact entry={entry} />
            </Table.Td>
            <Table.Td className="mono">{MATCH_LISTS.flatMap((list) => entry[list] ?? []).join(', ') || '—'}</Table.Td>
            <Table.Td>
              <Text size="xs">{formatDateTime(entry.updatedAt)}</Text>
              <Text size="xs" c="dimmed">
                <OfficerName id={entry.updatedBy} />
              </Text>
            </Table.Td>
            <Table.Td>
              <Group gap={4} wrap="nowrap">
                <Button size="compact-xs" variant="subtle" onClick={() => onEdit(entry)} aria-label={t('directory.editLabel', { name: entry.name })}>
                  {t('routing.edit')}
                </Button>
                <Button size="compact-xs" variant="subtle" color="danger" onClick={() => setRemoving(entry)} aria-label={t('directory.removeLabel', { name: entry.name })}>
                  {t('common.remove')}
                </Button>
              </Group>
            </Table.Td>
          </Table.Tr>
        ))}
      </DataTable>
      <ConfirmDialog
        opened={removing !== null}
        title={t('directory.removeTitle')}
        explanation={removing ? t('directory.removeExplain', { name: removing.name }) : ''}
        confirmLabel={t('common.remove')}
        onClose={() => setRemoving(null)}
        onConfirm={() => (removing ? removeDirectoryEntry(removing.id) : Promise.resolve(false))}
      />
    </>
  );
}
