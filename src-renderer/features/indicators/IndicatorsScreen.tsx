import { Drawer, Pagination, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../state/store-context';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { formatCount } from '../../ui/format';
import { ScreenHeader } from '../../ui/ScreenHeader';
import { useFocusOnMount } from '../../ui/use-focus-on-mount';
import { IndicatorDetail } from './IndicatorDetail';
import { IndicatorFilterBar } from './IndicatorFilterBar';
import { INDICATOR_PAGE_SIZE } from './indicators-slice';
import { IndicatorTable } from './IndicatorTable';

/** Screen 3: the puzzle pieces (indicators) across all reports, with one opened beside the table. */
export function IndicatorsScreen() {
  const { t } = useTranslation();
  const rows = useAppStore((state) => state.indicatorRows);
  const total = useAppStore((state) => state.indicatorTotal);
  const page = useAppStore((state) => state.indicatorPage);
  const error = useAppStore((state) => state.indicatorsError);
  const detailOpen = useAppStore((state) => state.view.screen === 'indicators' && state.view.indicator !== undefined);
  const setIndicatorPage = useAppStore((state) => state.setIndicatorPage);
  const loadIndicators = useAppStore((state) => state.loadIndicators);
  const navigate = useAppStore((state) => state.navigate);
  useFocusOnMount(true);
  const pages = Math.max(1, Math.ceil(total / INDICATOR_PAGE_SIZE));

  return (
    <Stack gap="sm">
      <ScreenHeader title={t('indicators.title')}>
        {rows && (
          <Text size="sm" c="dimmed" aria-live="polite">
            {t('indicators.count', { count: total, formatted: formatCount(total) })}
          </Text>
        )}
      </ScreenHeader>
      <IndicatorFilterBar />
      {error && <ErrorAlert error={error} onRetry={() => void loadIndicators()} />}
      <Stack gap="sm">
        {rows?.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('indicators.empty')}
          </Text>
        )}
        {rows && rows.length > 0 && <IndicatorTable rows={rows} />}
        {pages > 1 && (
          <Pagination
            total={pages}
            value={page + 1}
            onChange={(next) => setIndicatorPage(next - 1)}
            size="sm"
            getControlProps={(control) => ({ 'aria-label': t(`common.pagination.${control}`) })}
            getItemProps={(item) => ({ 'aria-label': t('common.pagination.page', { page: item }) })}
          />
        )}
      </Stack>
      <Drawer
        opened={detailOpen}
        onClose={() => navigate({ screen: 'indicators' })}
        position="right"
        size={600}
        title={t('indicators.detail.title')}
        closeButtonProps={{ 'aria-label': t('common.close') }}
        overlayProps={{ backgroundOpacity: 0.15 }}
      >
        {detailOpen && <IndicatorDetail />}
      </Drawer>
    </Stack>
  );
}
