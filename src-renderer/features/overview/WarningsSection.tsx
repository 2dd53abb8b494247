import { Sparkline } from '@mantine/charts';
import { Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Overview } from '../../../shared/overview/types';
import { useAppStore } from '../../state/store-context';
import { Section } from '../../ui/Section';
import { Figure } from './Figure';
import { OverviewTable } from './OverviewTable';

/** Published prevention warnings and whether new reports of their cluster (or indicator) dropped since. */
export function WarningsSection({ overview }: { overview: Overview }) {
  const { t } = useTranslation();
  const navigate = useAppStore((state) => state.navigate);
  return (
    <Section title={t('overview.warnings')} testId="overview-warnings">
      {overview.warningEffects.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('overview.noWarnings')}
        </Text>
      ) : (
        <Stack gap="xs" mb="sm">
          {overview.warningEffects.slice(0, 5).map((effect) => (
            <Group key={effect.actionId} gap="sm" wrap="nowrap">
              <Figure label={t('overview.sparkline', { value: effect.title })}>
                <Sparkline w={160} h={32} data={effect.sparkline} curveType="linear" color="blue.7" fillOpacity={0.3} />
              </Figure>
              <Text size="sm">{t('overview.warningLine', { title: effect.title, before: effect.perDayBefore, after: effect.perDayAfter })}</Text>
            </Group>
          ))}
        </Stack>
      )}
      <OverviewTable
        label={t('overview.warnings')}
        fileName="waarschuwingen-effect.csv"
        testId="overview-warnings-table"
        columns={[
          { key: 'title', header: t('overview.warningTitle') },
          { key: 'publishedAt', header: t('overview.publishedAt') },
          { key: 'where', header: t('overview.where') },
          { key: 'perDayBefore', header: t('overview.perDayBefore'), numeric: true },
          { key: 'perDayAfter', header: t('overview.perDayAfter'), numeric: true },
          { key: 'daysAfter', header: t('overview.daysAfter'), numeric: true },
        ]}
        rows={overview.warningEffects.map((effect) => ({
          actionId: effect.actionId,
          title: effect.title,
          publishedAt: effect.publishedAt,
          where: effect.where,
          perDayBefore: effect.perDayBefore,
          perDayAfter: effect.perDayAfter,
          daysAfter: effect.daysAfter,
        }))}
        onOpen={(row) => navigate({ screen: 'requests', actionId: String(row.actionId) })}
      />
    </Section>
  );
}
