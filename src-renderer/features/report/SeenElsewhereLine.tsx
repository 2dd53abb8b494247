import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { IndicatorType } from '../../../shared/indicators/types';
import { useAppStore } from '../../state/store-context';
import { seenElsewhereKey } from './report-slice';

/**
 * "ook in 37 meldingen elders: 3 eenheden": how many live reports outside this workstation's scope mention the
 * indicator, from the hub — counts only; the regions are in the tooltip. Says so when it cannot be asked.
 */
export function SeenElsewhereLine({ type, value }: { type: IndicatorType; value: string }) {
  const { t } = useTranslation();
  const answer = useAppStore((state) => state.seenElsewhere[seenElsewhereKey(type, value)]);
  if (!answer) return null;
  if (!answer.available) {
    return (
      <Text fz="xs" c="dimmed" data-testid="seen-elsewhere" title={answer.message}>
        {answer.reason === 'no-hub' ? t('report.indicators.elsewhere.noHub') : answer.reason === 'refused' ? t('report.indicators.elsewhere.refused') : t('report.indicators.elsewhere.offline')}
      </Text>
    );
  }
  if (answer.total === 0) {
    return (
      <Text fz="xs" c="dimmed" data-testid="seen-elsewhere">
        {t('report.indicators.elsewhere.none')}
      </Text>
    );
  }
  const units = answer.regions.length === 1 ? t('report.indicators.elsewhere.oneUnit') : t('report.indicators.elsewhere.units', { count: answer.regions.length });
  const perRegion = answer.regions.map(({ region, reports }) => `${region ?? t('report.indicators.elsewhere.noRegion')}: ${reports}`).join(', ');
  return (
    <Text fz="xs" fw={600} c="orange.8" data-testid="seen-elsewhere" title={perRegion}>
      {answer.total === 1 ? t('report.indicators.elsewhere.one', { units }) : t('report.indicators.elsewhere.many', { count: answer.total, units })}
    </Text>
  );
}
