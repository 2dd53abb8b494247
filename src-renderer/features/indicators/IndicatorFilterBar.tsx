import { Checkbox, Group, MultiSelect, NumberInput, Select, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { INDICATOR_TYPES } from '../../../shared/indicators/types';
import { useAppStore } from '../../state/store-context';
import { SearchIcon } from '../../ui/icons';
import { SearchPurpose } from '../../ui/SearchPurpose';
import type { IndicatorFilters } from './indicators-slice';

const SORTS: Array<IndicatorFilters['sort']> = ['reports', 'loss', 'lastSeen'];

export function IndicatorFilterBar() {
  const { t } = useTranslation();
  const filters = useAppStore((state) => state.indicatorFilters);
  const setIndicatorFilters = useAppStore((state) => state.setIndicatorFilters);
  const purposeAsked = useAppStore((state) => state.indicatorSearchPurposeAsked);
  const confirmSearchPurpose = useAppStore((state) => state.confirmIndicatorSearchPurpose);
  const cancelSearchPurpose = useAppStore((state) => state.cancelIndicatorSearchPurpose);
  const [search, setSearch] = useState(filters.search ?? '');
  const applySearch = useDebouncedCallback((value: string) => setIndicatorFilters({ search: value.trim() || undefined }), 300);
  useEffect(() => setSearch(filters.search ?? ''), [filters.search]);

  return (
    <Group gap="sm" align="flex-end" wrap="wrap" role="search" aria-label={t('indicators.filters.label')}>
      <TextInput
        type="search"
        role="searchbox"
        w={280}
        label={t('indicators.filters.search')}
        leftSection={<SearchIcon />}
        value={search}
        onChange={(event) => {
          setSearch(event.currentTarget.value);
          applySearch(event.currentTarget.value);
        }}
        data-testid="indicator-search"
      />
      <SearchPurpose asked={purposeAsked} onConfirm={confirmSearchPurpose} onCancel={cancelSearchPurpose} />
      <MultiSelect
        w={260}
        label={t('indicators.filters.type')}
        placeholder={filters.types?.length ? undefined : t('common.all')}
        data={INDICATOR_TYPES.map((type) => ({ value: type, label: t(`indicatorType.${type}`) }))}
        value={filters.types ?? []}
        onChange={(values) => setIndicatorFilters({ types: values.length > 0 ? (values) : undefined })}
        clearable
        data-testid="indicator-filter-type"
      />
      <NumberInput
        w={150}
        label={t('indicators.filters.minReports')}
        min={1}
        value={filters.minReports ?? 1}
        onChange={(value) => setIndicatorFilters({ minReports: typeof value === 'number' && value >= 1 ? value : undefined })}
        data-testid="indicator-filter-min-reports"
      />
      <Select
        w={180}
        label={t('indicators.filters.sort')}
        data={SORTS.map((sort) => ({ value: sort, label: t(`indicators.sort.${sort}`) }))}
        value={filters.sort}
        allowDeselect={false}
        onChange={(value) => value && setIndicatorFilters({ sort: value })}
        data-testid="indicator-sort"
      />
      <Checkbox
        label={t('indicators.filters.includeBenign')}
        checked={filters.includeBenign ?? false}
        onChange={(event) => setIndicatorFilters({ includeBenign: event.currentTarget.checked })}
        mb={8}
        data-testid="indicator-filter-benign"
      />
    </Group>
  );
}
