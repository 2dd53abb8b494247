import { NumberInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { IDLE_LOCK_MINUTES } from '../../../shared/api/views';
import { selectIsSupervisor } from '../../state/session-selectors';
import { useAppStore } from '../../state/store-context';
import { Section } from '../../ui/Section';

/**
 * How long the workstation waits without keyboard or mouse before it locks the screen (1–60 minutes, never off).
 * Once the store holds its hub's reports only a supervisor makes it longer; anyone may make it shorter.
 */
export function IdleLockSettings() {
  const { t } = useTranslation();
  const stored = useAppStore((state) => state.settings?.idleLockMinutes ?? null);
  const setIdleLockMinutes = useAppStore((state) => state.setIdleLockMinutes);
  const shortenOnly = useAppStore((state) => state.settings?.supervisorGuarded === true && !selectIsSupervisor(state));
  const max = shortenOnly && stored !== null ? stored : IDLE_LOCK_MINUTES.max;
  const [minutes, setMinutes] = useState<number | string>(stored ?? IDLE_LOCK_MINUTES.default);
  useEffect(() => {
    if (stored !== null) setMinutes(stored);
  }, [stored]);

  const save = () => {
    if (typeof minutes === 'number' && minutes !== stored) void setIdleLockMinutes(minutes);
  };

  return (
    <Section title={t('settings.idleLock.title')} testId="settings-idle-lock">
      <NumberInput
        label={t('settings.idleLock.label')}
        description={max === IDLE_LOCK_MINUTES.max ? t('settings.idleLock.help') : t('settings.idleLock.shortenOnly', { minutes: max })}
        min={IDLE_LOCK_MINUTES.min}
        max={max}
        clampBehavior="strict"
        allowDecimal={false}
        maw={320}
        value={minutes}
        onChange={setMinutes}
        onBlur={save}
        data-testid="idle-lock-minutes"
      />
    </Section>
  );
}
