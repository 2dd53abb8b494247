import { Button, Group, NativeSelect, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { QueueFilters } from '../../../shared/api/views';
import { CATEGORIES } from '../../../shared/intake/vocabulary';
import { WORK_STATUSES } from '../../../shared/mutations/kinds';
import { useAppStore } from '../../state/store-context';
import { useOfficerOptions } from '../../state/use-officer-options';
import { ChecklistFilter } from './ChecklistFilter';
import { SearchBox } from './SearchBox';

type TriState = 'any' | 'yes' | 'no';
const toTriState = (value: boolean | undefined): TriState => (value === undefined ? 'any' : value ? 'yes' : 'no');
const fromTriState = (value: string | null): boolean | undefined => (value === 'yes' ? true : value === 'no' ? false : undefined);

/** Day boundaries in the officer's time zone, as the ISO timestamps the query compares with. */
const startOfDay = (day: string) => (day ? new Date(`${day}T00:00:00`).toISOString() : undefined);
const endOfDay = (day: string) => (day ? new Date(`${day}T23:59:59.999`).toISOString() : undefined);
const toDay = (iso: string | undefined) => {
  if (!iso) return '';
  const date = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
};

function AssigneeFilter({ value, onChange }: { value: string | undefined; onChange: (value: string | undefined) => void }) {
  const { t } = useTranslation();
  const officers = useOfficerOptions();
  const data = [
    { value: 'any', label: t('queue.filters.assigneeAny') },
    { value: 'me', label: t('queue.filters.assigneeMe') },
    { value: 'unassigned', label: t('queue.filters.assigneeUnassigned') },
    ...officers,
  ];
  return (
    <NativeSelect
      size="sm"
      w={170}
      label={t('queue.filters.assignee')}
      data={data}
      value={value ?? 'any'}
      onChange={(event) => onChange(event.currentTarget.value === 'any' ? undefined : event.currentTarget.value)}
      data-testid="filter-assignee"
    />
  );
}

/** Search and every filter of the queue; each change reloads the queue from its first row. */
export function QueueFilterBar() {
  const { t } = useTranslation();
  const filters = useAppStore((state) => state.queueFilters);
  const regions = useAppStore((state) => state.queueRegions);
  const setQueueFilters = useAppStore((state) => state.setQueueFilters);
  const clearQueueFilters = useAppStore((state) => state.clearQueueFilters);
  const set = (patch: Partial<QueueFilters>) => setQueueFilters(patch);
  const triStateData = (prefix: 'loss' | 'cluster') => [
    { value: 'any', label: t(`queue.filters.${prefix}Any`) },
    { value: 'yes', label: t(`queue.filters.${prefix}Yes`) },
    { value: 'no', label: t(`queue.filters.${prefix}No`) },
  ];

  return (
    <Group gap="sm" align="flex-end" wrap="wrap" role="search" aria-label={t('queue.filters.label')}>
      <SearchBox />
      <ChecklistFilter
        width={190}
        label={t('queue.filters.status')}
        options={WORK_STATUSES.map((status) => ({ value: status, label: t(`workStatus.${status}`) }))}
        value={filters.workStatuses ?? []}
        onChange={(values) => set({ workStatuses: values })}
        data-testid="filter-status"
      />
      <ChecklistFilter
        width={220}
        label={t('queue.filters.category')}
        options={CATEGORIES.map((category) => ({ value: category, label: t(`categories.${category}`) }))}
        value={filters.categories ?? []}
        onChange={(values) => set({ categories: values })}
        data-testid="filter-category"
      />
      <ChecklistFilter
        width={190}
        label={t('queue.filters.region')}
        options={regions.map((region) => ({ value: region, label: region }))}
        value={filters.regions ?? []}
        onChange={(values) => set({ regions: values })}
        data-testid="filter-region"
      />
      <AssigneeFilter value={filters.assignee} onChange={(assignee) => set({ assignee })} />
      <TextInput
        size="sm"
        type="date"
        w={150}
        label={t('queue.filters.from')}
        value={toDay(filters.receivedFrom)}
        onChange={(event) => set({ receivedFrom: startOfDay(event.currentTarget.value) })}
        data-testid="filter-received-from"
      />
      <TextInput
        size="sm"
        type="date"
        w={150}
        label={t('queue.filters.to')}
        value={toDay(filters.receivedTo)}
        onChange={(event) => set({ receivedTo: endOfDay(event.currentTarget.value) })}
        data-testid="filter-received-to"
      />
      <NativeSelect
        size="sm"
        w={150}
        label={t('queue.filters.loss')}
        data={triStateData('loss')}
        value={toTriState(filters.hasLoss)}
          onChange={(event) => set({ hasLoss: fromTriState(event.currentTarget.value) })}
        data-testid="filter-has-loss"
      />
      <NativeSelect
        size="sm"
        w={150}
        label={t('queue.filters.cluster')}
        data={triStateData('cluster')}
        value={toTriState(filters.inCluster)}
          onChange={(event) => set({ inCluster: fromTriState(event.currentTarget.value) })}
        data-testid="filter-in-cluster"
      />
      <Button variant="subtle" size="sm" onClick={clearQueueFilters} data-testid="filter-clear">
        {t('queue.filters.clear')}
      </Button>
    </Group>
  );
}
