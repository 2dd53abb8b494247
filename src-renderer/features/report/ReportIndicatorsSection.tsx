import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { IndicatorMentionView } from '../../../shared/api/views';
import { IndicatorTypeBadge } from '../../ui/badges';
import { defangFreeText } from '../../ui/defang';
import { DataTable } from '../../ui/DataTable';
import { TableSection } from '../../ui/TableSection';
import { enrichmentText } from '../../ui/enrichment-text';
import { IndicatorLink } from '../../ui/IndicatorLink';
import { SeenElsewhereLine } from './SeenElsewhereLine';

/** The puzzle pieces found in this report: canonical value, what the victim typed, where, and what is known. */
export function ReportIndicatorsSection({ indicators }: { indicators: IndicatorMentionView[] }) {
  const { t } = useTranslation();
  return (
    <TableSection title={t('report.indicators.title')} testId="report-indicators" empty={indicators.length === 0} noneText={t('report.indicators.none')}>
      <DataTable
        minWidth={640}
        head={
          <>
            <Table.Th>{t('indicators.columns.type')}</Table.Th>
            <Table.Th miw={240}>{t('indicators.columns.value')}</Table.Th>
            <Table.Th>{t('report.indicators.asTyped')}</Table.Th>
            <Table.Th>{t('indicators.columns.enrichment')}</Table.Th>
          </>
        }
      >
        {indicators.map((indicator) => (
          <Table.Tr key={`${indicator.type}:${indicator.value}:${indicator.field}`} className={indicator.benignReason ? 'benign-row' : undefined}>
            <Table.Td>
              <IndicatorTypeBadge type={indicator.type} />
            </Table.Td>
            <Table.Td>
              <IndicatorLink type={indicator.type} value={indicator.value} />
              {!indicator.benignReason && <SeenElsewhereLine type={indicator.type} value={indicator.value} />}
            </Table.Td>
            <Table.Td>
              <Text ff="monospace" fz="xs" style={{ overflowWrap: 'anywhere' }}>
                {defangFreeText(indicator.raw)}
              </Text>
              <Text fz="xs" c="dimmed">
                {t('report.indicators.inField', { field: indicator.field })}
              </Text>
            </Table.Td>
            <Table.Td>
              {indicator.benignReason ? (
                <Text span size="xs" c="dimmed">
                  {t('indicators.benignBecause', { reason: indicator.benignReason })}
                </Text>
              ) : (
                <Text span size="xs">
                  {enrichmentText(indicator.enrichment, t)}
                </Text>
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </DataTable>
    </TableSection>
  );
}
