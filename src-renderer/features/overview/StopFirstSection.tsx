import { Checkbox, Group } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isIndicatorType, type IndicatorType } from '../../../shared/indicators/types';
import { REQUEST_KIND_OF_INDICATOR } from '../../../shared/requests/lifecycle';
import { ledgerList, reportsAfterBlockList, risingLists, type LedgerColumn } from '../../../shared/overview/number-lists';
import type { Overview } from '../../../shared/overview/types';
import { useAppStore } from '../../state/store-context';
import { formatMoneyWhole } from '../../ui/format';
import { Section } from '../../ui/Section';
import { Slot } from '../../ui/slots';
import { subjectQuery } from './draft-subject';
import { OverviewTable, type Row } from './OverviewTable';

/** What to stop first, ranked by the harm it still does (with letters batched to one bank), and the disruption ledger. */
export function StopFirstSection({ overview }: { overview: Overview }) {
  const { t } = useTranslation();
  const openIndicator = useAppStore((state) => state.openIndicator);
  const openQueueWith = useAppStore((state) => state.openQueueWith);
  const openRequestsWith = useAppStore((state) => state.openRequestsWith);
  const victimsOf = (row: Row) => {
    const type = String(row.type);
    if (isIndicatorType(type)) openQueueWith(risingLists.indicator(overview, type, String(row.value)));
  };
  const [batch, setBatch] = useState<Array<{ type: IndicatorType; value: string }>>([]);
  const toggleBatch = (indicator: { type: IndicatorType; value: string }, checked: boolean) =>
    setBatch((current) => [...current.filter((entry) => entry.type !== indicator.type || entry.value !== indicator.value), ...(checked ? [indicator] : [])]);
  const ledgerColumn = (key: LedgerColumn, header: string) => ({ key, header, numeric: true as const, onOpen: (row: Row) => openRequestsWith(ledgerList(overview, String(row.addresseeId), key)) });
  return (
    <>
      <Section title={t('overview.harm')} testId="overview-harm">
        <OverviewTable
          label={t('overview.harm')}
          fileName="wat-eerst-stoppen.csv"
          testId="overview-harm-table"
          columns={[
            { key: 'value', header: t('overview.subject') },
            { key: 'type', header: t('overview.type') },
            { key: 'perDay', header: t('overview.perDay'), numeric: true },
            { key: 'typicalLoss', header: t('overview.typicalLoss'), numeric: true },
            { key: 'victims', header: t('overview.victims'), numeric: true, onOpen: victimsOf },
            { key: 'loss', header: t('overview.loss'), numeric: true },
            { key: 'request', header: t('overview.request') },
          ]}
          rows={overview.harm.map((entry) => ({
            value: entry.value,
            type: entry.type,
            perDay: entry.perDay,
            typicalLoss: formatMoneyWhole(entry.typicalLoss),
            victims: entry.victims,
            loss: formatMoneyWhole(entry.loss),
            request: entry.request === null ? t('overview.noRequest') : t(`requestState.${entry.request}`),
          }))}
          onOpen={(row) => {
            const type = String(row.type);
            if (isIndicatorType(type)) openIndicator(type, String(row.value));
          }}
          action={{
            header: t('overview.draft'),
            render: (row, index) => {
              const type = String(row.type);
              if (!isIndicatorType(type)) return null;
              const key = `${type}:${String(row.value)}`;
              return (
                <Group gap="xs" wrap="nowrap">
                  <Checkbox
                    aria-label={t('overview.batchSelect', { value: row.value })}
                    checked={batch.some((entry) => `${entry.type}:${entry.value}` === key)}
                    onChange={(event) => toggleBatch({ type, value: String(row.value) }, event.currentTarget.checked)}
                    data-testid={`overview-batch-select-${index}`}
                  />
                  <Slot name="draftRequest" kind={REQUEST_KIND_OF_INDICATOR[type]} variant="light" query={subjectQuery(row)} />
                </Group>
              );
            },
          }}
        />
        <Slot name="batchDraft" indicators={batch} chosen={t('overview.batchSelected', { count: batch.length })} testId="overview-batch" />
      </Section>
      <Section title={t('overview.disruption')} testId="overview-disruption">
        <OverviewTable
          label={t('overview.disruption')}
          fileName="verstoringen-per-geadresseerde.csv"
          testId="overview-disruption-table"
          columns={[
            { key: 'addresseeId', header: t('overview.addressee') },
            ledgerColumn('sent', t('overview.sent')),
            ledgerColumn('executed', t('overview.executed')),
            ledgerColumn('refused', t('overview.refused')),
            ledgerColumn('overdue', t('overview.overdue')),
            { key: 'median', header: t('overview.medianDays'), numeric: true },
            { key: 'after', header: t('overview.reportsAfterBlock'), numeric: true, onOpen: (row) => openQueueWith(reportsAfterBlockList(overview, String(row.addresseeId))) },
          ]}
          rows={overview.disruption.map((entry) => ({
            addresseeId: entry.addresseeId,
            sent: entry.sent,
            executed: entry.executed,
            refused: entry.refused,
            overdue: entry.overdue,
            median: entry.medianDaysToExecuted,
            after: entry.reportsAfterBlock,
          }))}
          onOpen={(row) => openRequestsWith({ addresseeId: String(row.addresseeId) })}
        />
      </Section>
    </>
  );
}
