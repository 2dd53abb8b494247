import { NumberInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { IDLE_LOCK_MINUTES } from '../../../shared/api/views';
import { useAppStore } from '../../state/store-context';
import { Section } from '../../ui/Section';

/** How long the workstation waits without keyboard or mouse before it locks the screen (1–60 minutes, never off). */
export function IdleLockSettings() {
  const { t } = useTranslation();
  const stored = useAppStore((state) => state.settings?.idleLockMinutes ?? null);
  const setIdleLockMinutes = useAppStore((state) => state.setIdleLockMinutes);
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
        description={t('settings.idleLock.help')}
        min={IDLE_LOCK_MINUTES.min}
        max={IDLE_LOCK_MINUTES.max}
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
