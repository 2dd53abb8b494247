// The charts' styles come with the only screen that draws charts, not with the first screen.
import '@mantine/charts/styles.css';
import { Button, Loader, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../state/store-context';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { ScreenHeader } from '../../ui/ScreenHeader';
import { BacklogSection } from './BacklogSection';
import { RisingSection } from './RisingSection';
import { StopFirstSection } from './StopFirstSection';
import { WarningsSection } from './WarningsSection';
import { WeeklySection } from './WeeklySection';

/** Overzicht: the backlog, throughput, what is rising, what to stop first and which channels work. */
export function OverviewScreen() {
  const { t } = useTranslation();
  const overview = useAppStore((state) => state.overview);
  const error = useAppStore((state) => state.overviewError);
  const none = t('overview.none');
  return (
    <Stack gap="md" data-testid="overview-screen">
      <ScreenHeader title={t('overview.title')}>
        {overview && (
          <Text size="sm" c="dimmed">
            {t('overview.asOf', { day: overview.asOf, team: overview.team === null ? t('overview.allTeams') : overview.team || none })}
          </Text>
        )}
        {overview?.keptCountsPending && (
          <Text size="sm" c="orange" data-testid="overview-being-counted">
            {t('overview.beingCounted')}
          </Text>
        )}
        <Button size="compact-sm" variant="default" className="no-print" onClick={() => window.print()} data-testid="overview-print">
          {t('overview.print')}
        </Button>
      </ScreenHeader>
      {error && <ErrorAlert error={error} />}
      {!overview && !error && <Loader size="sm" aria-label={t('overview.loading')} />}
      {overview && (
        <>
          <BacklogSection overview={overview} />
          <WeeklySection overview={overview} />
          <RisingSection overview={overview} />
          <StopFirstSection overview={overview} />
          <WarningsSection overview={overview} />
        </>
      )}
    </Stack>
  );
}
