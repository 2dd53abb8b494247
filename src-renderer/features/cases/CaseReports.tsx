import { Button, Group, Table, Textarea, UnstyledButton } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../shared/api/views';
import { REPORT_ID_PATTERN } from '../../../shared/intake/vocabulary';
import { useAppStore } from '../../state/store-context';
import { WorkStatusBadge } from '../../ui/badges';
import { formatMoneyWhole } from '../../ui/format';
import { DataTable } from '../../ui/DataTable';
import { TableSection } from '../../ui/TableSection';
import { useFormSubmit } from '../../ui/use-form-submit';

/** Report numbers typed or pasted in any separation (spaces, commas, new lines). */
const parseReportIds = (text: string) => {
  const words = text.split(/[\s,;]+/).filter(Boolean);
  return { valid: words.filter((word) => REPORT_ID_PATTERN.test(word)), invalid: words.filter((word) => !REPORT_ID_PATTERN.test(word)) };
};

function AddReportsForm({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const addReportsToCase = useAppStore((state) => state.addReportsToCase);
  const [text, setText] = useState('');
  const [invalid, setInvalid] = useState<string[]>([]);
  const { busy, onSubmit } = useFormSubmit(
    () => {
      const parsed = parseReportIds(text);
      setInvalid(parsed.invalid);
      return parsed.invalid.length > 0 || parsed.valid.length === 0 ? null : addReportsToCase(caseId, parsed.valid);
    },
    () => setText(''),
  );

  return (
    <form onSubmit={onSubmit}>
      <Group align="flex-end" gap="sm">
        <Textarea
          label={t('cases.detail.addLabel')}
          placeholder="IA-2026-0000123, IA-2026-0000456"
          autosize
          minRows={1}
          maxRows={4}
          w={420}
          value={text}
          onChange={(event) => setText(event.currentTarget.value)}
          error={invalid.length > 0 ? t('cases.detail.invalidIds', { ids: invalid.join(', ') }) : undefined}
          data-testid="case-add-reports-input"
        />
        <Button type="submit" variant="default" loading={busy} disabled={text.trim() === ''}>
          {t('common.add')}
        </Button>
      </Group>
    </form>
  );
}

export function CaseReports({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const openReport = useAppStore((state) => state.openReport);
  const removeReportsFromCase = useAppStore((state) => state.removeReportsFromCase);
  const closed = detail.status === 'closed';

  return (
    <TableSection
      title={t('cases.detail.reports', { count: detail.reports.length })}
      testId="case-reports"
      empty={detail.reports.length === 0}
      noneText={t('cases.detail.noReports')}
      footer={
        !closed && (
          <div style={{ marginTop: 'var(--mantine-spacing-sm)' }}>
            <AddReportsForm caseId={detail.caseId} />
          </div>
        )
      }
    >
      <DataTable
        minWidth={520}
        withActionsColumn
        head={
          <>
            <Table.Th>{t('queue.columns.reportId')}</Table.Th>
            <Table.Th>{t('queue.columns.category')}</Table.Th>
            <Table.Th>{t('queue.columns.summary')}</Table.Th>
            <Table.Th ta="right">{t('queue.columns.loss')}</Table.Th>
            <Table.Th>{t('queue.columns.status')}</Table.Th>
          </>
        }
      >
        {detail.reports.map((report) => (
          <Table.Tr key={report.reportId} data-testid={`case-report-${report.reportId}`}>
            <Table.Td>
              <UnstyledButton className="link-button mono" onClick={() => openReport(report.reportId)}>
                {report.reportId}
              </UnstyledButton>
            </Table.Td>
            <Table.Td>{t(`categories.${report.category}`)}</Table.Td>
            <Table.Td className="summary-cell">{report.summary ?? '—'}</Table.Td>
            <Table.Td ta="right" className="num">
              {report.lossCents > 0 ? formatMoneyWhole(report.lossCents) : '—'}
            </Table.Td>
            <Table.Td>
              <WorkStatusBadge status={report.workStatus} />
            </Table.Td>
            <Table.Td>
              {!closed && (
                <Button
                  size="compact-xs"
                  variant="subtle"
                  color="danger"
                  onClick={() => void removeReportsFromCase([report.reportId])}
                  aria-label={t('cases.detail.removeLabel', { id: report.reportId })}
                >
                  {t('cases.detail.remove')}
                </Button>
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </DataTable>
    </TableSection>
  );
}
