import { BarChart } from '@mantine/charts';
import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { QueueFilters } from '../../../shared/api/views';
import type { Category } from '../../../shared/intake/vocabulary';
import { backlogLists } from '../../../shared/overview/number-lists';
import { AGE_BUCKETS, type Overview } from '../../../shared/overview/types';
import { useAppStore } from '../../state/store-context';
import { Section } from '../../ui/Section';
import { Figure } from './Figure';
import { OverviewTable, type Row } from './OverviewTable';

/** Open reports by age, category, team, region and officer, and the overdue ones; each count opens its reports. */
export function BacklogSection({ overview }: { overview: Overview }) {
  const { t } = useTranslation();
  const openQueueWith = useAppStore((state) => state.openQueueWith);
  const openReport = useAppStore((state) => state.openReport);
  const { backlog } = overview;
  const ageRows = AGE_BUCKETS.map((bucket) => ({ bucket, label: t(`overview.age.${bucket}`), open: backlog.byAge[bucket] }));
  const countRows = (counts: Record<string, { open: number; overdue: number }>, name: (key: string) => string) =>
    Object.entries(counts)
      .sort(([, a], [, b]) => b.open - a.open)
      .map(([key, count]) => ({ key, name: name(key), open: count.open, overdue: count.overdue }));
  // Each count opens the queue with the reports it counts: the row's name and open count all of them, overdue those past the level.
  const countColumns = (header: string, list: (key: string, overdue: boolean) => QueueFilters) => [
    { key: 'name', header, onOpen: (row: Row) => openQueueWith(list(String(row.key), false)) },
    { key: 'open', header: t('overview.open'), numeric: true as const, onOpen: (row: Row) => openQueueWith(list(String(row.key), false)) },
    { key: 'overdue', header: t('overview.overdue'), numeric: true as const, onOpen: (row: Row) => openQueueWith(list(String(row.key), true)) },
  ];
  const none = t('overview.none');
  return (
    <Section title={t('overview.backlog')} testId="overview-backlog">
      <Group gap="xl" mb="sm">
        <Button variant="subtle" onClick={() => openQueueWith(backlogLists.open(overview))} data-testid="overview-open">
          {t('overview.openCount', { count: backlog.open })}
        </Button>
        <Button variant="subtle" {...(backlog.overdue > 0 ? { color: 'red', c: 'red.9' } : {})} onClick={() => openQueueWith(backlogLists.open(overview, true))} data-testid="overview-overdue">
          {t('overview.overdueCount', { count: backlog.overdue })}
        </Button>
      </Group>
      <Figure label={t('overview.byAge')}>
        <BarChart h={180} data={ageRows} dataKey="label" series={[{ name: 'open', label: t('overview.open'), color: 'blue.7' }]} />
      </Figure>
      <OverviewTable
        label={t('overview.byAge')}
        fileName="achterstand-leeftijd.csv"
        testId="overview-by-age"
        columns={[
          { key: 'label', header: t('overview.ageHeader') },
          { key: 'open', header: t('overview.open'), numeric: true, onOpen: (_row, index) => openQueueWith(backlogLists.age(overview, AGE_BUCKETS[index]!)) },
        ]}
        rows={ageRows}
        onOpen={(_row, index) => openQueueWith(backlogLists.age(overview, AGE_BUCKETS[index]!))}
      />
      <OverviewTable
        label={t('overview.byCategory')}
        fileName="achterstand-categorie.csv"
        testId="overview-by-category"
        columns={countColumns(t('overview.category'), (key, overdue) => backlogLists.category(overview, key as Category, overdue))}
        rows={countRows(backlog.byCategory, (key) => t(`categories.${key as Category}`))}
      />
      <OverviewTable
        label={t('overview.byTeam')}
        fileName="achterstand-team.csv"
        testId="overview-by-team"
        columns={countColumns(t('overview.team'), (key, overdue) => backlogLists.team(overview, key, overdue))}
        rows={countRows(backlog.byTeam, (key) => key || none)}
      />
      <OverviewTable
        label={t('overview.byRegion')}
        fileName="achterstand-regio.csv"
        testId="overview-by-region"
        columns={countColumns(t('overview.region'), (key, overdue) => backlogLists.region(overview, key, overdue))}
        rows={countRows(backlog.byRegion, (key) => key || none)}
      />
      <OverviewTable
        label={t('overview.byOfficer')}
        fileName="achterstand-rechercheur.csv"
        testId="overview-by-officer"
        columns={[
          ...countColumns(t('overview.officer'), (key, overdue) => backlogLists.officer(overview, key, overdue)),
          { key: 'team', header: t('overview.team') },
          { key: 'teamMedian', header: t('overview.teamMedian'), numeric: true },
        ]}
        rows={Object.entries(backlog.byOfficer).map(([officer, entry]) => ({ key: officer, name: officer, open: entry.open, overdue: entry.overdue, team: entry.team ?? none, teamMedian: entry.teamMedian }))}
      />
      <OverviewTable
        label={t('overview.overdueList')}
        fileName="over-de-termijn.csv"
        testId="overview-overdue-list"
        columns={[
          { key: 'reportId', header: t('overview.report') },
          { key: 'category', header: t('overview.category') },
          { key: 'workingDays', header: t('overview.workingDays'), numeric: true },
          { key: 'levelDays', header: t('overview.levelDays'), numeric: true },
        ]}
        rows={backlog.overdueList.map((entry) => ({ reportId: entry.reportId, category: t(`categories.${entry.category as Category}`), workingDays: entry.workingDays, levelDays: entry.levelDays }))}
        onOpen={(row) => openReport(String(row.reportId))}
      />
    </Section>
  );
}
