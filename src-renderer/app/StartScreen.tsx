import { Center, Paper, Progress, Stack, Text, Title } from '@mantine/core';
import { useSyncExternalStore, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { StartState } from '../../shared/api/start-state';
import { ErrorAlert } from '../ui/ErrorAlert';
import type { StartWatch } from './start-state';

/** The workstation once its core has started; until then what the core is doing, or why it could not start. */
export function StartGate({ start, children }: { start: StartWatch; children: ReactNode }) {
  const state = useSyncExternalStore(
    (listener) => start.subscribe(listener),
    () => start.get(),
  );
  if (state?.phase === 'ready') return children;
  return <StartScreen state={state ?? { phase: 'opening' }} />;
}

export function StartScreen({ state }: { state: Exclude<StartState, { phase: 'ready' }> }) {
  const { t } = useTranslation();
  return (
    <Center h="100vh">
      <Paper withBorder p="xl" w={520} maw="90vw">
        <Stack gap="sm">
          <Title order={1} fz="h3">
            {t(state.phase === 'failed' ? 'app.start.failedTitle' : 'app.start.title')}
          </Title>
          {state.phase === 'opening' && <Text role="status">{t('app.start.opening')}</Text>}
          {state.phase === 'upgrading' && (
            <>
              <Text role="status">{t('app.start.upgrading', { step: state.step, of: state.of })}</Text>
              <Progress value={(100 * (state.step - 1)) / state.of} animated aria-label={t('app.start.upgrading', { step: state.step, of: state.of })} />
              <Text size="sm" c="dimmed">
                {t('app.start.upgradingWait')}
              </Text>
            </>
          )}
          {state.phase === 'failed' && (
            <>
              <ErrorAlert error={state.error} />
              <Text size="sm">{t('app.start.failedAdvice')}</Text>
            </>
          )}
        </Stack>
      </Paper>
    </Center>
  );
}
