import { BarChart, LineChart, Sparkline } from '@mantine/charts';
import { Button, Checkbox, Group, Loader, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActionDraftQuery } from '../../../shared/api/action-views';
import type { QueueFilters } from '../../../shared/api/views';
import { isIndicatorType, type IndicatorType } from '../../../shared/indicators/types';
import { ACTION_KIND_OF_INDICATOR } from '../../../shared/requests/lifecycle';
import type { Category } from '../../../shared/intake/vocabulary';
import { backlogLists, ledgerList, reportsAfterBlockList, risingLists, weeklyLists, type LedgerColumn } from '../../../shared/overview/number-lists';
import { AGE_BUCKETS, type Overview } from '../../../shared/overview/types';
import { useAppStore } from '../../state/store-context';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { formatMoneyWhole } from '../../ui/format';
import { ScreenHeader } from '../../ui/ScreenHeader';
import { Section } from '../../ui/Section';
import { Slot } from '../../ui/slots';
import { OverviewTable, type Row } from './OverviewTable';

/** What a draft is about: a spike's or harm row's indicator, or the cluster of a report. */
function subjectQuery(row: Row): ActionDraftQuery {
  const type = String(row.type);
  return isIndicatorType(type) ? { indicatorType: type, indicatorValue: String(row.value) } : { clusterReportId: String(row.value) };
}

/** A chart with its name for screen readers; the table beside it is its text view. */
function Figure({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <figure className="overview-figure" aria-label={label}>
      {children}
    </figure>
  );
}

function BacklogSection({ overview }: { overview: Overview }) {
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

function WeeklySection({ overview }: { overview: Overview }) {
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

function RisingSection({ overview }: { overview: Overview }) {
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
        action={{ header: t('overview.draft'), render: (row) => <Slot name="draftAction" kind="prevention_warning" variant="light" query={{ kind: 'prevention_warning', ...subjectQuery(row) }} /> }}
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

function StopFirstSection({ overview }: { overview: Overview }) {
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
            request: entry.request === null ? t('overview.noRequest') : t(`actionState.${entry.request}`),
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
                  <Slot name="draftAction" kind={ACTION_KIND_OF_INDICATOR[type]} variant="light" query={subjectQuery(row)} />
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

/** Published prevention warnings and whether new reports of their cluster (or indicator) dropped since. */
function WarningsSection({ overview }: { overview: Overview }) {
  const { t } = useTranslation();
  const navigate = useAppStore((state) => state.navigate);
  return (
    <Section title={t('overview.warnings')} testId="overview-warnings">
      {overview.warningEffects.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('overview.noWarnings')}
        </Text>
      ) : (
        <Stack gap="xs" mb="sm">
          {overview.warningEffects.slice(0, 5).map((effect) => (
            <Group key={effect.actionId} gap="sm" wrap="nowrap">
              <Figure label={t('overview.sparkline', { value: effect.title })}>
                <Sparkline w={160} h={32} data={effect.sparkline} curveType="linear" color="blue.7" fillOpacity={0.3} />
              </Figure>
              <Text size="sm">{t('overview.warningLine', { title: effect.title, before: effect.perDayBefore, after: effect.perDayAfter })}</Text>
            </Group>
          ))}
        </Stack>
      )}
      <OverviewTable
        label={t('overview.warnings')}
        fileName="waarschuwingen-effect.csv"
        testId="overview-warnings-table"
        columns={[
          { key: 'title', header: t('overview.warningTitle') },
          { key: 'publishedAt', header: t('overview.publishedAt') },
          { key: 'where', header: t('overview.where') },
          { key: 'perDayBefore', header: t('overview.perDayBefore'), numeric: true },
          { key: 'perDayAfter', header: t('overview.perDayAfter'), numeric: true },
          { key: 'daysAfter', header: t('overview.daysAfter'), numeric: true },
        ]}
        rows={overview.warningEffects.map((effect) => ({
          actionId: effect.actionId,
          title: effect.title,
          publishedAt: effect.publishedAt,
          where: effect.where,
          perDayBefore: effect.perDayBefore,
          perDayAfter: effect.perDayAfter,
          daysAfter: effect.daysAfter,
        }))}
        onOpen={(row) => navigate({ screen: 'actions', actionId: String(row.actionId) })}
      />
    </Section>
  );
}

/** Overzicht: the backlog, throughput, what is rising, what to stop first and which channels work. */
export function OverviewScreen() {
  const { t } = useTranslation();
  const overview = useAppStore((state) => state.overview);
  const error = useAppStore((state) => state.overviewError);
  const none = t('overview.none');
  return (
    <Stack gap="md" data-testid="overview-screen">
      <ScreenHeader title={t('overview.title')}>
        {overview && (
          <Text size="sm" c="dimmed">
            {t('overview.asOf', { day: overview.asOf, team: overview.team === null ? t('overview.allTeams') : overview.team || none })}
          </Text>
        )}
        <Button size="compact-sm" variant="default" className="no-print" onClick={() => window.print()} data-testid="overview-print">
          {t('overview.print')}
        </Button>
      </ScreenHeader>
      {error && <ErrorAlert error={error} />}
      {!overview && !error && <Loader size="sm" aria-label={t('overview.loading')} />}
      {overview && (
        <>
          <BacklogSection overview={overview} />
          <WeeklySection overview={overview} />
          <RisingSection overview={overview} />
          <StopFirstSection overview={overview} />
          <WarningsSection overview={overview} />
        </>
      )}
    </Stack>
  );
}
