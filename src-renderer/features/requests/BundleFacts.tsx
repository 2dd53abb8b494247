import { useTranslation } from 'react-i18next';
import type { ActionBundle } from '../../../shared/api/action-views';
import { FactList } from '../../ui/FactList';
import { formatCount, formatDay, formatMoney } from '../../ui/format';

/** What the bundled reports add up to: victims, total loss, period and categories. */
export function BundleFacts({ bundle }: { bundle: ActionBundle }) {
  const { t } = useTranslation();
  return (
    <FactList
      facts={[
        { label: t('actions.bundle.victims'), value: formatCount(bundle.victims) },
        { label: t('actions.bundle.totalLoss'), value: formatMoney(bundle.totalLossCents) },
        {
          label: t('actions.bundle.period'),
          value: bundle.period ? t('actions.bundle.periodValue', { from: formatDay(bundle.period.from), to: formatDay(bundle.period.to) }) : '—',
        },
        {
          label: t('actions.bundle.categories'),
          value: bundle.categories.map((entry) => `${t(`categories.${entry.category}`)} (${formatCount(entry.count)})`).join(', ') || '—',
        },
      ]}
    />
  );
}
