import { Group, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RequestDetail } from '../../../shared/api/request-views';
import { useAppStore } from '../../state/store-context';
import { formatDay } from '../../ui/format';
import { Section } from '../../ui/Section';

/** After a block or takedown: do reports still mention the indicator? The measure of whether it worked. */
export function RequestEffect({ effect }: { effect: NonNullable<RequestDetail['effect']> }) {
  const { t } = useTranslation();
  const openReport = useAppStore((state) => state.openReport);
  const since = formatDay(effect.since.slice(0, 10));
  return (
    <Section title={t('requests.effect.title')} testId="action-effect">
      <Text size="lg" fw={700} data-testid="action-effect-count">
        {t('requests.effect.count', { count: effect.reportsAfter })}
      </Text>
      <Text size="sm" c="dimmed" mb="xs">
        {effect.reportsAfter === 0 ? t('requests.effect.none', { date: since }) : t('requests.effect.since', { date: since })}
      </Text>
      {effect.reportIdsAfter.length > 0 && (
        <Group component="ul" gap="xs" className="plain-list">
          {effect.reportIdsAfter.map((reportId) => (
            <li key={reportId}>
              <UnstyledButton className="link-button mono" onClick={() => openReport(reportId)}>
                {reportId}
              </UnstyledButton>
            </li>
          ))}
        </Group>
      )}
    </Section>
  );
}
