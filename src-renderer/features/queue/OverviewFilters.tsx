import { Group, Pill, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { QueueFilters } from '../../../shared/api/views';
import { useAppStore } from '../../state/store-context';

type OverviewFilterKey = 'teams' | 'overdueOn' | 'closed' | 'openOn' | 'afterBlock' | 'indicator' | 'shape' | 'clusterOf' | 'summaryTerm' | 'noRegion';

/** What clearing one of these filters sets back. */
const CLEARED: Record<OverviewFilterKey, (filters: QueueFilters) => Partial<QueueFilters>> = {
  teams: () => ({ teams: undefined }),
  overdueOn: () => ({ overdueOn: undefined }),
  closed: () => ({ closedFrom: undefined, closedTo: undefined }),
  openOn: () => ({ openOn: undefined }),
  afterBlock: () => ({ afterBlock: undefined }),
  indicator: () => ({ indicator: undefined }),
  shape: () => ({ shape: undefined }),
  clusterOf: () => ({ clusterOf: undefined }),
  summaryTerm: () => ({ summaryTerm: undefined }),
  noRegion: (filters) => ({ regions: filters.regions?.filter((region) => region !== '') }),
};

/**
 * The filters the overview sets that have no control of their own in the filter bar (team, past the service
 * level, closed in a week, open at a week's end, named after a block, an indicator, a shape, a cluster, a term of
 * the summary, no region), each named and removable, so the officer sees why the list is what it is.
 */
export function OverviewFilters() {
  const { t } = useTranslation();
  const filters = useAppStore((state) => state.queueFilters);
  const setQueueFilters = useAppStore((state) => state.setQueueFilters);
  const shown: Array<[OverviewFilterKey, string]> = [];
  if (filters.teams?.length) shown.push(['teams', t('queue.filters.teams', { teams: filters.teams.map((team) => team || t('queue.filters.noTeam')).join(', ') })]);
  if (filters.overdueOn) shown.push(['overdueOn', t('queue.filters.overdueOn', { day: filters.overdueOn })]);
  if (filters.closedFrom || filters.closedTo) shown.push(['closed', t('queue.filters.closed', { from: filters.closedFrom ?? '…', to: filters.closedTo ?? '…' })]);
  if (filters.openOn) shown.push(['openOn', t('queue.filters.openOn', { day: filters.openOn })]);
  if (filters.afterBlock) shown.push(['afterBlock', t('queue.filters.afterBlock', { addressee: filters.afterBlock.addresseeId, day: filters.afterBlock.asOf })]);
  if (filters.indicator) shown.push(['indicator', t('queue.filters.indicator', { value: filters.indicator.value })]);
  if (filters.shape) shown.push(['shape', t('queue.filters.shape', { shape: filters.shape.shape })]);
  if (filters.clusterOf) shown.push(['clusterOf', t('queue.filters.clusterOf', { reportId: filters.clusterOf })]);
  if (filters.summaryTerm) shown.push(['summaryTerm', t('queue.filters.summaryTerm', { term: filters.summaryTerm })]);
  if (filters.regions?.includes('')) shown.push(['noRegion', t('queue.filters.noRegion')]);
  if (shown.length === 0) return null;
  return (
    <Group gap="xs" aria-label={t('queue.filters.fromOverview')} role="group" data-testid="queue-overview-filters">
      <Text size="sm" c="dimmed">
        {t('queue.filters.fromOverview')}
      </Text>
      {shown.map(([key, label]) => (
        // Mantine hides a pill's remove button from the keyboard and screen readers (it expects an input beside it); here it is the only way.
        <Pill
          key={key}
          size="md"
          withRemoveButton
          onRemove={() => setQueueFilters(CLEARED[key](filters))}
          removeButtonProps={{ 'aria-label': t('queue.filters.remove', { filter: label }), 'aria-hidden': false, tabIndex: 0 }}
          data-testid={`queue-filter-${key}`}
        >
          {label}
        </Pill>
      ))}
    </Group>
  );
}
