import { LineChart } from '@mantine/charts';
import { useTranslation } from 'react-i18next';
import type { Category } from '../../../shared/intake/vocabulary';
import { weeklyLists } from '../../../shared/overview/number-lists';
import type { Overview } from '../../../shared/overview/types';
import { useAppStore } from '../../state/store-context';
import { formatMoneyWhole } from '../../ui/format';
import { Section } from '../../ui/Section';
import { Figure } from './Figure';
import { OverviewTable } from './OverviewTable';

/** Throughput per week with the backlog at each week's end, and each category's last seven days against its baseline. */
export function WeeklySection({ overview }: { overview: Overview }) {
  const { t } = useTranslation();
  const openQueueWith = useAppStore((state) => state.openQueueWith);
  const openRequestsWith = useAppStore((state) => state.openRequestsWith);
  const weekAt = (index: number) => overview.weekly[index]!;
  const rows = overview.weekly.map((week) => ({
    week: week.week,
    received: week.received,
    closed: week.closed,
    openAtEnd: week.openAtEnd,
    requestsSent: week.requestsSent,
    requestsExecuted: week.requestsExecuted,
    loss: formatMoneyWhole(week.loss),
  }));
  const trendOf = (index: number) => weeklyLists.trend(overview, overview.categoryTrends[index]!.category as Category);
  const trendRows = overview.categoryTrends.map((trend) => ({
    category: t(`categories.${trend.category as Category}`),
    received: trend.received,
    expected: `${trend.expectedLow}–${trend.expectedHigh}`,
    flag: trend.flag === null ? '' : t(`overview.flag.${trend.flag}`),
    explanation: t('overview.trendExplanation', { category: t(`categories.${trend.category as Category}`), count: trend.received, low: trend.expectedLow, high: trend.expectedHigh }),
  }));
  return (
    <Section title={t('overview.weekly')} testId="overview-weekly">
      <Figure label={t('overview.weeklyChart')}>
        <LineChart
          h={220}
          data={rows}
          dataKey="week"
          series={[
            { name: 'received', label: t('overview.received'), color: 'blue.7' },
            { name: 'closed', label: t('overview.closed'), color: 'green.8' },
            { name: 'openAtEnd', label: t('overview.openAtEnd'), color: 'orange.8' },
          ]}
          withLegend
        />
      </Figure>
      <OverviewTable
        label={t('overview.weeklyChart')}
        fileName="doorstroom-per-week.csv"
        testId="overview-weekly-table"
        columns={[
          { key: 'week', header: t('overview.week') },
          { key: 'received', header: t('overview.received'), numeric: true, onOpen: (_row, index) => openQueueWith(weeklyLists.received(overview, weekAt(index))) },
          { key: 'closed', header: t('overview.closed'), numeric: true, onOpen: (_row, index) => openQueueWith(weeklyLists.closed(overview, weekAt(index))) },
          { key: 'openAtEnd', header: t('overview.openAtEnd'), numeric: true, onOpen: (_row, index) => openQueueWith(weeklyLists.openAtEnd(overview, weekAt(index))) },
          { key: 'requestsSent', header: t('overview.requestsSent'), numeric: true, onOpen: (_row, index) => openRequestsWith(weeklyLists.requestsSent(weekAt(index))) },
          { key: 'requestsExecuted', header: t('overview.requestsExecuted'), numeric: true, onOpen: (_row, index) => openRequestsWith(weeklyLists.requestsExecuted(weekAt(index))) },
          { key: 'loss', header: t('overview.loss'), numeric: true, onOpen: (_row, index) => openQueueWith(weeklyLists.loss(overview, weekAt(index))) },
        ]}
        rows={rows}
      />
      <OverviewTable
        label={t('overview.trends')}
        fileName="categorieen-tegen-verwachting.csv"
        testId="overview-trends"
        columns={[
          { key: 'category', header: t('overview.category'), onOpen: (_row, index) => openQueueWith(trendOf(index)) },
          { key: 'received', header: t('overview.lastSevenDays'), numeric: true, onOpen: (_row, index) => openQueueWith(trendOf(index)) },
          { key: 'expected', header: t('overview.expected'), numeric: true },
          { key: 'flag', header: t('overview.signal') },
          { key: 'explanation', header: t('overview.explanation') },
        ]}
        rows={trendRows}
      />
    </Section>
  );
}
