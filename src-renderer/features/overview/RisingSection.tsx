import { Sparkline } from '@mantine/charts';
import { Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isIndicatorType } from '../../../shared/indicators/types';
import { risingLists } from '../../../shared/overview/number-lists';
import type { Overview } from '../../../shared/overview/types';
import { useAppStore } from '../../state/store-context';
import { Section } from '../../ui/Section';
import { Slot } from '../../ui/slots';
import { subjectQuery } from './draft-subject';
import { Figure } from './Figure';
import { OverviewTable, type Row } from './OverviewTable';

/** Spikes with their sparklines, rising words, rising shapes (banks, number ranges, TLDs) and brand names in fresh domains. */
export function RisingSection({ overview }: { overview: Overview }) {
  const { t } = useTranslation();
  const openIndicator = useAppStore((state) => state.openIndicator);
  const openReport = useAppStore((state) => state.openReport);
  const openQueueWith = useAppStore((state) => state.openQueueWith);
  const openSubject = (row: Row) => {
    const type = String(row.type);
    if (isIndicatorType(type)) openIndicator(type, String(row.value));
    else openReport(String(row.value));
  };
  return (
    <Section title={t('overview.spikes')} testId="overview-spikes">
      <Stack gap="xs" mb="sm">
        {overview.spikes.slice(0, 5).map((spike) => (
          <Group key={`${spike.type}:${spike.value}`} gap="sm" wrap="nowrap">
            <Figure label={t('overview.sparkline', { value: spike.value })}>
              <Sparkline w={160} h={32} data={spike.sparkline} curveType="linear" color="red.8" fillOpacity={0.3} />
            </Figure>
            <Text size="sm">
              {spike.value} — {t('overview.spikeLine', { recent: spike.recent, baseline: spike.baseline })}
            </Text>
          </Group>
        ))}
      </Stack>
      <OverviewTable
        label={t('overview.spikes')}
        fileName="pieken.csv"
        testId="overview-spikes-table"
        columns={[
          { key: 'value', header: t('overview.subject') },
          { key: 'type', header: t('overview.type') },
          { key: 'recent', header: t('overview.recent'), numeric: true, onOpen: (_row, index) => openQueueWith(risingLists.spike(overview, overview.spikes[index]!)) },
          { key: 'baseline', header: t('overview.baseline'), numeric: true },
          { key: 'score', header: t('overview.score'), numeric: true },
          { key: 'perDay', header: t('overview.perDayCounts') },
        ]}
        rows={overview.spikes.map((spike) => ({ value: spike.value, type: spike.type, recent: spike.recent, baseline: spike.baseline, score: spike.score, perDay: spike.sparkline.join(' ') }))}
        onOpen={openSubject}
        action={{ header: t('overview.draft'), render: (row) => <Slot name="draftRequest" kind="prevention_warning" variant="light" query={{ kind: 'prevention_warning', ...subjectQuery(row) }} /> }}
      />
      <OverviewTable
        label={t('overview.risingTerms')}
        fileName="nieuwe-werkwijzen.csv"
        testId="overview-rising-terms"
        columns={[
          { key: 'term', header: t('overview.term') },
          { key: 'thisWeek', header: t('overview.lastSevenDays'), numeric: true, onOpen: (row) => openQueueWith(risingLists.term(overview, String(row.term))) },
          { key: 'lastWeek', header: t('overview.sevenDaysBefore'), numeric: true },
        ]}
        rows={overview.risingTerms.map((term) => ({ ...term }))}
        onOpen={(row) => openQueueWith(risingLists.term(overview, String(row.term)))}
      />
      <OverviewTable
        label={t('overview.risingShapes')}
        fileName="nieuwe-banken-nummerreeksen-domeinen.csv"
        testId="overview-rising-shapes"
        columns={[
          { key: 'shape', header: t('overview.shape') },
          { key: 'kind', header: t('overview.shapeKind') },
          { key: 'thisWeek', header: t('overview.lastSevenDays'), numeric: true, onOpen: (_row, index) => openQueueWith(risingLists.shape(overview, overview.risingShapes[index]!)) },
          { key: 'lastWeek', header: t('overview.sevenDaysBefore'), numeric: true },
        ]}
        rows={overview.risingShapes.map((entry) => ({ ...entry, kind: t(`overview.shapeKinds.${entry.kind}`) }))}
        onOpen={(_row, index) => openQueueWith(risingLists.shape(overview, overview.risingShapes[index]!))}
      />
      <OverviewTable
        label={t('overview.brandDomains')}
        fileName="merknamen-in-nieuwe-domeinen.csv"
        testId="overview-brand-domains"
        columns={[
          { key: 'domain', header: t('overview.domain') },
          { key: 'brand', header: t('overview.brand') },
          { key: 'firstSeen', header: t('overview.firstSeen') },
          { key: 'reports', header: t('overview.reports'), numeric: true, onOpen: (row) => openQueueWith(risingLists.indicator(overview, 'domain', String(row.domain))) },
        ]}
        rows={overview.freshBrandDomains.map(({ domain, brand, firstSeen, reports }) => ({ domain, brand, firstSeen, reports }))}
        onOpen={(row) => openIndicator('domain', String(row.domain))}
      />
    </Section>
  );
}
