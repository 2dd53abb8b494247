import { Group, MultiSelect, Pill, Select } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { REQUEST_KINDS, REQUEST_STATES } from '../../../shared/requests/lifecycle';
import { useAppStore } from '../../state/store-context';
import { addDays, todayIso } from '../../ui/format';
import type { RequestFilters } from './requests-slice';

type Due = 'any' | 'overdue' | 'week';

const dueOf = (filters: RequestFilters): Due => (filters.overdueOnly ? 'overdue' : filters.dueBefore ? 'week' : 'any');

const DUE_FILTERS: Record<Due, () => Partial<RequestFilters>> = {
  any: () => ({ overdueOnly: undefined, dueBefore: undefined }),
  overdue: () => ({ overdueOnly: true, dueBefore: undefined }),
  week: () => ({ overdueOnly: undefined, dueBefore: addDays(todayIso(), 7) }),
};

/** A sent or executed period the overview set (no control of its own), named and removable. */
function DayRangePill({ label, from, to, onClear, testId }: { label: string; from: string | undefined; to: string | undefined; onClear: () => void; testId: string }) {
  const { t } = useTranslation();
  if (from === undefined && to === undefined) return null;
  const text = t('requests.filters.period', { what: label, from: from ?? '…', to: to ?? '…' });
  return (
    <Pill size="md" withRemoveButton onRemove={onClear} removeButtonProps={{ 'aria-label': t('requests.filters.remove', { filter: text }), 'aria-hidden': false, tabIndex: 0 }} data-testid={testId}>
      {text}
    </Pill>
  );
}

/** State, type, addressee, due date and (from the overview) sent or executed period of the requests listed. */
export function RequestFilterBar() {
  const { t } = useTranslation();
  const filters = useAppStore((state) => state.requestFilters);
  const entries = useAppStore((state) => state.directoryEntries);
  const setRequestFilters = useAppStore((state) => state.setRequestFilters);
  const addressees = useMemo(
    () => (entries ?? []).map((entry) => ({ value: entry.id, label: entry.name })).sort((a, b) => a.label.localeCompare(b.label, 'nl')),
    [entries],
  );

  return (
    <Group gap="sm" align="flex-end" wrap="wrap" role="search" aria-label={t('requests.filters.label')}>
      <MultiSelect
        w={260}
        label={t('requests.filters.state')}
        placeholder={filters.states?.length ? undefined : t('common.all')}
        data={REQUEST_STATES.map((state) => ({ value: state, label: t(`requestState.${state}`) }))}
        value={filters.states ?? []}
        onChange={(values) => setRequestFilters({ states: values.length > 0 ? values : undefined })}
        clearable
        data-testid="action-filter-state"
      />
      <MultiSelect
        w={280}
        label={t('requests.filters.kind')}
        placeholder={filters.kinds?.length ? undefined : t('common.all')}
        data={REQUEST_KINDS.map((kind) => ({ value: kind, label: t(`requestKind.${kind}`) }))}
        value={filters.kinds ?? []}
        onChange={(values) => setRequestFilters({ kinds: values.length > 0 ? values : undefined })}
        clearable
        data-testid="action-filter-kind"
      />
      <Select
        w={240}
        label={t('requests.filters.addressee')}
        placeholder={t('common.all')}
        data={addressees}
        value={filters.addresseeId ?? null}
        onChange={(value) => setRequestFilters({ addresseeId: value ?? undefined })}
        clearable
        searchable
        data-testid="action-filter-addressee"
      />
      <Select
        w={190}
        label={t('requests.filters.due')}
        data={[
          { value: 'any', label: t('requests.filters.dueAny') },
          { value: 'overdue', label: t('requests.filters.dueOverdue') },
          { value: 'week', label: t('requests.filters.dueWeek') },
        ]}
        value={dueOf(filters)}
        allowDeselect={false}
        onChange={(value) => value && setRequestFilters(DUE_FILTERS[value]())}
        data-testid="action-filter-due"
      />
      <DayRangePill label={t('requests.filters.sent')} from={filters.sentFrom} to={filters.sentTo} onClear={() => setRequestFilters({ sentFrom: undefined, sentTo: undefined })} testId="action-filter-sent" />
      <DayRangePill
        label={t('requests.filters.executed')}
        from={filters.executedFrom}
        to={filters.executedTo}
        onClear={() => setRequestFilters({ executedFrom: undefined, executedTo: undefined })}
        testId="action-filter-executed"
      />
    </Group>
  );
}
