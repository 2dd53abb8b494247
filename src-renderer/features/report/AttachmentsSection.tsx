import { Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatCount } from '../../ui/format';
import { DataTable } from '../../ui/DataTable';
import { TableSection } from '../../ui/TableSection';
import type { AttachmentLine } from './record-readers';

const formatBytes = (size: number | null): string => {
  if (size === null) return '—';
  if (size < 1024) return `${formatCount(size)} B`;
  if (size < 1024 * 1024) return `${formatCount(Math.round(size / 1024))} kB`;
  return `${formatCount(Math.round((size / (1024 * 1024)) * 10) / 10)} MB`;
};

/** Metadata only: the files themselves are not in the workbench. */
export function AttachmentsSection({ attachments }: { attachments: AttachmentLine[] }) {
  const { t } = useTranslation();
  return (
    <TableSection title={t('report.attachments.title')} testId="report-attachments" empty={attachments.length === 0} noneText={t('report.attachments.none')}>
      <DataTable
        minWidth={560}
        striped={false}
        head={
          <>
            <Table.Th>{t('report.attachments.fileName')}</Table.Th>
            <Table.Th>{t('report.attachments.mediaType')}</Table.Th>
            <Table.Th ta="right">{t('report.attachments.size')}</Table.Th>
            <Table.Th>{t('report.attachments.sha256')}</Table.Th>
          </>
        }
      >
        {attachments.map((attachment, index) => (
          <Table.Tr key={index}>
            <Table.Td>{attachment.fileName ?? '—'}</Table.Td>
            <Table.Td>{attachment.mediaType ?? '—'}</Table.Td>
            <Table.Td ta="right" className="num">
              {formatBytes(attachment.size)}
            </Table.Td>
            <Table.Td ff="monospace" fz="xs" style={{ wordBreak: 'break-all' }}>
              {attachment.sha256 ?? '—'}
            </Table.Td>
          </Table.Tr>
        ))}
      </DataTable>
    </TableSection>
  );
}
