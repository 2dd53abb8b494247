import { Group, MultiSelect, Pill, Select } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ACTION_KINDS, ACTION_STATES } from '../../../shared/requests/lifecycle';
import { useAppStore } from '../../state/store-context';
import { addDays, todayIso } from '../../ui/format';
import type { ActionFilters } from './actions-slice';

type Due = 'any' | 'overdue' | 'week';

const dueOf = (filters: ActionFilters): Due => (filters.overdueOnly ? 'overdue' : filters.dueBefore ? 'week' : 'any');

const DUE_FILTERS: Record<Due, () => Partial<ActionFilters>> = {
  any: () => ({ overdueOnly: undefined, dueBefore: undefined }),
  overdue: () => ({ overdueOnly: true, dueBefore: undefined }),
  week: () => ({ overdueOnly: undefined, dueBefore: addDays(todayIso(), 7) }),
};

/** A sent or executed period the overview set (no control of its own), named and removable. */
function DayRangePill({ label, from, to, onClear, testId }: { label: string; from: string | undefined; to: string | undefined; onClear: () => void; testId: string }) {
  const { t } = useTranslation();
  if (from === undefined && to === undefined) return null;
  const text = t('actions.filters.period', { what: label, from: from ?? '…', to: to ?? '…' });
  return (
    <Pill size="md" withRemoveButton onRemove={onClear} removeButtonProps={{ 'aria-label': t('actions.filters.remove', { filter: text }), 'aria-hidden': false, tabIndex: 0 }} data-testid={testId}>
      {text}
    </Pill>
  );
}

/** State, type, addressee, due date and (from the overview) sent or executed period of the requests listed. */
export function ActionFilterBar() {
  const { t } = useTranslation();
  const filters = useAppStore((state) => state.actionFilters);
  const entries = useAppStore((state) => state.directoryEntries);
  const setActionFilters = useAppStore((state) => state.setActionFilters);
  const addressees = useMemo(
    () => (entries ?? []).map((entry) => ({ value: entry.id, label: entry.name })).sort((a, b) => a.label.localeCompare(b.label, 'nl')),
    [entries],
  );

  return (
    <Group gap="sm" align="flex-end" wrap="wrap" role="search" aria-label={t('actions.filters.label')}>
      <MultiSelect
        w={260}
        label={t('actions.filters.state')}
        placeholder={filters.states?.length ? undefined : t('common.all')}
        data={ACTION_STATES.map((state) => ({ value: state, label: t(`actionState.${state}`) }))}
        value={filters.states ?? []}
        onChange={(values) => setActionFilters({ states: values.length > 0 ? values : undefined })}
        clearable
        data-testid="action-filter-state"
      />
      <MultiSelect
        w={280}
        label={t('actions.filters.kind')}
        placeholder={filters.kinds?.length ? undefined : t('common.all')}
        data={ACTION_KINDS.map((kind) => ({ value: kind, label: t(`actionKind.${kind}`) }))}
        value={filters.kinds ?? []}
        onChange={(values) => setActionFilters({ kinds: values.length > 0 ? values : undefined })}
        clearable
        data-testid="action-filter-kind"
      />
      <Select
        w={240}
        label={t('actions.filters.addressee')}
        placeholder={t('common.all')}
        data={addressees}
        value={filters.addresseeId ?? null}
        onChange={(value) => setActionFilters({ addresseeId: value ?? undefined })}
        clearable
        searchable
        data-testid="action-filter-addressee"
      />
      <Select
        w={190}
        label={t('actions.filters.due')}
        data={[
          { value: 'any', label: t('actions.filters.dueAny') },
          { value: 'overdue', label: t('actions.filters.dueOverdue') },
          { value: 'week', label: t('actions.filters.dueWeek') },
        ]}
        value={dueOf(filters)}
        allowDeselect={false}
        onChange={(value) => value && setActionFilters(DUE_FILTERS[value]())}
        data-testid="action-filter-due"
      />
      <DayRangePill label={t('actions.filters.sent')} from={filters.sentFrom} to={filters.sentTo} onClear={() => setActionFilters({ sentFrom: undefined, sentTo: undefined })} testId="action-filter-sent" />
      <DayRangePill
        label={t('actions.filters.executed')}
        from={filters.executedFrom}
        to={filters.executedTo}
        onClear={() => setActionFilters({ executedFrom: undefined, executedTo: undefined })}
        testId="action-filter-executed"
      />
    </Group>
  );
}
