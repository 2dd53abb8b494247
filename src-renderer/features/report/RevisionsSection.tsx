import { Code, Group, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RevisionView } from '../../../shared/api/views';
import { labelFor } from '../../i18n/label-for';
import { formatDateTime } from '../../ui/format';
import { Section } from '../../ui/Section';

/** Every revision the portal sent, with the fields that changed (names only, never their values). */
export function RevisionsSection({ revisions }: { revisions: RevisionView[] | null }) {
  const { t } = useTranslation();
  return (
    <Section title={t('report.revisions.title')} testId="report-revisions">
      {!revisions || revisions.length === 0 ? (
        <Text size="sm" c="dimmed">
          {revisions ? t('report.revisions.none') : t('common.loading')}
        </Text>
      ) : (
        <Table verticalSpacing={4} fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('report.revisions.revision')}</Table.Th>
              <Table.Th>{t('report.revisions.received')}</Table.Th>
              <Table.Th>{t('report.revisions.status')}</Table.Th>
              <Table.Th>{t('report.revisions.changed')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {revisions.map((revision) => (
              <Table.Tr key={revision.revision}>
                <Table.Td>{revision.revision}</Table.Td>
                <Table.Td className="nowrap">{formatDateTime(revision.receivedAt)}</Table.Td>
                <Table.Td>{labelFor(t, 'reportStatus', revision.status)}</Table.Td>
                <Table.Td>
                  {revision.changedFields.length === 0 ? (
                    <Text span size="sm" c="dimmed">
                      {revision.revision === 1 ? t('report.revisions.first') : t('report.revisions.noChanges')}
                    </Text>
                  ) : (
                    <Group gap={4}>
                      {revision.changedFields.map((field) => (
                        <Code key={field}>{field}</Code>
                      ))}
                    </Group>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Section>
  );
}
