import { Table, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { BundleReport } from '../../../shared/api/request-views';
import { defangFreeText } from '../../ui/defang';
import { formatDateTime, formatMoney } from '../../ui/format';

function EvidenceLines({ report }: { report: BundleReport }) {
  return (
    <ul className="plain-list evidence-lines">
      {report.evidence.map((line, index) => (
        <li key={index}>
          <Text span size="xs" c="dimmed">
            {line.field}:
          </Text>{' '}
          <Text span size="xs" ff="monospace">
            {defangFreeText(line.text)}
          </Text>
        </li>
      ))}
    </ul>
  );
}

function Reporter({ reporter }: { reporter: NonNullable<BundleReport['reporter']> }) {
  return <>{[reporter.name, reporter.email, reporter.phone].filter(Boolean).join(' · ')}</>;
}

/**
 * The reports a request bundles, each with the lines of evidence where the indicator was found. Evidence is the
 * victims' text: shown as text, links defanged. Scrolls on its own when the bundle is long.
 */
export function BundleReports({ reports, onOpenReport }: { reports: BundleReport[]; onOpenReport?: (reportId: string) => void }) {
  const { t } = useTranslation();
  const withReporter = reports.some((report) => report.reporter !== null);
  if (reports.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('requests.bundle.none')}
      </Text>
    );
  }
  return (
    <div className="bundle-reports" tabIndex={0} role="region" aria-label={t('requests.bundle.reports', { count: reports.length })} data-testid="bundle-reports">
      <Table verticalSpacing={4} fz="sm" striped stickyHeader>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('queue.columns.reportId')}</Table.Th>
            <Table.Th>{t('requests.bundle.received')}</Table.Th>
            <Table.Th>{t('queue.columns.category')}</Table.Th>
            <Table.Th ta="right">{t('requests.bundle.loss')}</Table.Th>
            <Table.Th>{t('requests.bundle.evidence')}</Table.Th>
            {withReporter && <Table.Th>{t('requests.bundle.reporter')}</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {reports.map((report) => (
            <Table.Tr key={report.reportId} data-testid={`bundle-report-${report.reportId}`}>
              <Table.Td className="nowrap">
                {onOpenReport ? (
                  <UnstyledButton className="link-button mono" onClick={() => onOpenReport(report.reportId)}>
                    {report.reportId}
                  </UnstyledButton>
                ) : (
                  <span className="mono">{report.reportId}</span>
                )}
              </Table.Td>
              <Table.Td className="nowrap">{formatDateTime(report.receivedAt)}</Table.Td>
              <Table.Td>{t(`categories.${report.category}`)}</Table.Td>
              <Table.Td ta="right" className="num nowrap">
                {report.lossCents > 0 ? formatMoney(report.lossCents) : '—'}
              </Table.Td>
              <Table.Td>
                <EvidenceLines report={report} />
              </Table.Td>
              {withReporter && <Table.Td>{report.reporter && <Reporter reporter={report.reporter} />}</Table.Td>}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </div>
  );
}
