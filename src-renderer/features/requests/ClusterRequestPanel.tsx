import { Group, Select, Stack, Text } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { REQUEST_KIND_OF_INDICATOR } from '../../../shared/requests/lifecycle';
import { useAppStore } from '../../state/store-context';
import { defang } from '../../ui/defang';
import { Section } from '../../ui/Section';
import { clusterIndicators, type ClusterIndicator } from '../../state/cluster-selectors';
import { DraftRequestButton } from './DraftRequestButton';
import { SubjectRequestList } from './SubjectRequestList';

const keyOf = (indicator: ClusterIndicator) => `${indicator.type}|${indicator.value}`;

/** A Dutch account's bank: the country and the bank code after the check digits (`NL` + `INGB`), its addressee. */
const dutchBankOf = (indicator: ClusterIndicator) => (indicator.type === 'iban' && indicator.value.startsWith('NL') ? indicator.value.slice(4, 8) : null);

/** The cluster's other accounts at the chosen account's Dutch bank: one letter to that bank can name them all. */
function sameBankAccounts(indicators: readonly ClusterIndicator[], chosen: ClusterIndicator | undefined): ClusterIndicator[] {
  const bank = chosen === undefined ? null : dutchBankOf(chosen);
  if (chosen === undefined || bank === null) return [];
  return indicators.filter((indicator) => indicator.value !== chosen.value && dutchBankOf(indicator) === bank);
}

/** On a cluster: a request about one of its puzzle pieces, or a prevention warning about how it works. */
export function ClusterRequestPanel({ reportId }: { reportId: string }) {
  const { t } = useTranslation();
  const graph = useAppStore((state) => state.graph);
  const indicators = useMemo(() => clusterIndicators(graph), [graph]);
  const [chosenKey, setChosenKey] = useState<string | null>(null);
  const chosen = indicators.find((indicator) => keyOf(indicator) === chosenKey) ?? indicators[0];
  const sameBank = sameBankAccounts(indicators, chosen);
  const options = indicators.map((indicator) => ({
    value: keyOf(indicator),
    label: t('requests.cluster.indicatorOption', {
      type: t(`indicatorType.${indicator.type}`),
      value: defang(indicator.type, indicator.value),
      count: indicator.reports,
    }),
  }));

  return (
    <Section title={t('requests.cluster.title')} testId="cluster-actions">
      <Stack gap="sm">
        <Text size="sm">{t('requests.cluster.explain')}</Text>
        {indicators.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('requests.cluster.noIndicators')}
          </Text>
        ) : (
          <Select
            label={t('requests.cluster.indicator')}
            data={options}
            value={chosen ? keyOf(chosen) : null}
            allowDeselect={false}
            onChange={setChosenKey}
            maw={560}
            data-testid="cluster-action-indicator"
          />
        )}
        <Group gap="xs">
          {chosen && (
            <DraftRequestButton
              kind={REQUEST_KIND_OF_INDICATOR[chosen.type]}
              query={{ kind: REQUEST_KIND_OF_INDICATOR[chosen.type], indicatorType: chosen.type, indicatorValue: chosen.value, clusterReportId: reportId }}
            />
          )}
          {chosen && sameBank.length > 0 && (
            <DraftRequestButton
              kind="bank_block"
              variant="light"
              label={t('requests.cluster.sameBank', { count: sameBank.length + 1 })}
              testId="draft-action-same-bank"
              query={{ kind: 'bank_block', indicatorType: chosen.type, indicatorValue: chosen.value, batch: sameBank.map(({ type, value }) => ({ type, value })) }}
            />
          )}
          <DraftRequestButton kind="prevention_warning" variant="default" query={{ kind: 'prevention_warning', clusterReportId: reportId }} />
        </Group>
        {chosen && <SubjectRequestList query={{ indicatorType: chosen.type, indicatorValue: chosen.value }} />}
      </Stack>
    </Section>
  );
}
