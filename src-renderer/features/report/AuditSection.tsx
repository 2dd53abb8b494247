import { Button, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AuditEntryView } from '../../../shared/api/views';
import { labelFor } from '../../i18n/label-for';
import { selectMayReadAudit } from '../../state/session-selectors';
import { useAppStore } from '../../state/store-context';
import { formatDateTime } from '../../ui/format';
import { auditDetailsText } from '../../ui/audit-details';
import { OfficerName } from '../../ui/Officer';
import { Section } from '../../ui/Section';

/** Supervisors: the Logboek asked who consulted this report and why (with the CSV for a data-subject request). */
function OpenLogbookButton() {
  const { t } = useTranslation();
  const supervisor = useAppStore(selectMayReadAudit);
  const reportId = useAppStore((state) => (state.view.screen === 'report' ? state.view.reportId : null));
  const openLogbook = useAppStore((state) => state.openLogbook);
  if (!supervisor || reportId === null) return null;
  return (
    <Button size="compact-sm" variant="default" onClick={() => openLogbook(reportId)} data-testid="report-open-logbook">
      {t('report.audit.openLogbook')}
    </Button>
  );
}

/** Who did what with this report, newest first; shown only to those who may read it (selectMayReadAudit). */
export function AuditSection({ entries }: { entries: AuditEntryView[] | null }) {
  const { t } = useTranslation();
  const newestFirst = entries ? [...entries].sort((a, b) => b.at.localeCompare(a.at)) : null;
  return (
    <Section title={t('report.audit.title')} testId="report-audit" actions={<OpenLogbookButton />}>
      {!newestFirst || newestFirst.length === 0 ? (
        <Text size="sm" c="dimmed">
          {newestFirst ? t('report.audit.none') : t('common.loading')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={560} mah={420}>
          <Table verticalSpacing={4} fz="sm" stickyHeader>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('report.audit.at')}</Table.Th>
                <Table.Th>{t('report.audit.actor')}</Table.Th>
                <Table.Th>{t('report.audit.action')}</Table.Th>
                <Table.Th>{t('report.audit.details')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {newestFirst.map((entry, index) => (
                <Table.Tr key={`${entry.at}-${index}`}>
                  <Table.Td className="nowrap">{formatDateTime(entry.at)}</Table.Td>
                  <Table.Td>
                    <OfficerName id={entry.actor} />
                  </Table.Td>
                  <Table.Td>{labelFor(t, 'auditAction', entry.action)}</Table.Td>
                  <Table.Td>
                    <Text span size="xs">
                      {auditDetailsText(t, entry.details)}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Section>
  );
}
