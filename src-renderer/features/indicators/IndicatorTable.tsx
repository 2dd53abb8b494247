import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { IndicatorRow } from '../../../shared/api/views';
import { useAppStore } from '../../state/store-context';
import { IndicatorTypeBadge } from '../../ui/badges';
import { formatCount, formatDate, formatMoneyWhole } from '../../ui/format';
import { enrichmentText } from '../../ui/enrichment-text';
import { IndicatorLink } from '../../ui/IndicatorLink';

/** The puzzle pieces as a table; the value opens the piece's summary. */
export function IndicatorTable({ rows }: { rows: IndicatorRow[] }) {
  const { t } = useTranslation();
  const open = useAppStore((state) => (state.view.screen === 'indicators' ? state.view.indicator : undefined));

  return (
    <Table.ScrollContainer minWidth={900}>
      <Table verticalSpacing={5} fz="sm" striped highlightOnHover stickyHeader aria-label={t('indicators.tableLabel')} data-testid="indicator-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('indicators.columns.type')}</Table.Th>
            <Table.Th miw={260}>{t('indicators.columns.value')}</Table.Th>
            <Table.Th>{t('indicators.columns.enrichment')}</Table.Th>
            <Table.Th>{t('indicators.columns.benign')}</Table.Th>
            <Table.Th ta="right">{t('indicators.columns.reports')}</Table.Th>
            <Table.Th ta="right">{t('indicators.columns.loss')}</Table.Th>
            <Table.Th>{t('indicators.columns.firstSeen')}</Table.Th>
            <Table.Th>{t('indicators.columns.lastSeen')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => {
            const selected = open?.type === row.type && open.value === row.value;
            return (
              <Table.Tr
                key={`${row.type}:${row.value}`}
                className={`${row.benignReason ? 'benign-row' : ''}${selected ? ' selected-row' : ''}`}
                data-testid={`indicator-row-${row.type}-${row.value}`}
                aria-selected={selected}
              >
                <Table.Td>
                  <IndicatorTypeBadge type={row.type} />
                </Table.Td>
                <Table.Td>
                  <IndicatorLink type={row.type} value={row.value} />
                </Table.Td>
                <Table.Td>{enrichmentText(row.enrichment, t)}</Table.Td>
                <Table.Td>
                  {row.benignReason && (
                    <Text span size="xs">
                      {row.benignReason}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td ta="right" className="num">
                  {formatCount(row.reports)}
                </Table.Td>
                <Table.Td ta="right" className="num">
                  {row.totalLossCents > 0 ? formatMoneyWhole(row.totalLossCents) : '—'}
                </Table.Td>
                <Table.Td className="nowrap">{formatDate(row.firstSeen)}</Table.Td>
                <Table.Td className="nowrap">{formatDate(row.lastSeen)}</Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
