import { useTranslation } from 'react-i18next';
import type { RequestBundle } from '../../../shared/api/request-views';
import { FactList } from '../../ui/FactList';
import { formatCount, formatDay, formatMoney } from '../../ui/format';

/** What the bundled reports add up to: victims, total loss, period and categories. */
export function BundleFacts({ bundle }: { bundle: RequestBundle }) {
  const { t } = useTranslation();
  return (
    <FactList
      facts={[
        { label: t('requests.bundle.victims'), value: formatCount(bundle.victims) },
        { label: t('requests.bundle.totalLoss'), value: formatMoney(bundle.totalLossCents) },
        {
          label: t('requests.bundle.period'),
          value: bundle.period ? t('requests.bundle.periodValue', { from: formatDay(bundle.period.from), to: formatDay(bundle.period.to) }) : '—',
        },
        {
          label: t('requests.bundle.categories'),
          value: bundle.categories.map((entry) => `${t(`categories.${entry.category}`)} (${formatCount(entry.count)})`).join(', ') || '—',
        },
      ]}
    />
  );
}
