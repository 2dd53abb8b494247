import { Group, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { IndicatorType } from '../../shared/indicators/types';
import { useAppStore } from '../state/store-context';
import { CopyValueButton } from './CopyValueButton';
import { defang } from './defang';

/** An indicator value, defanged, that opens its puzzle-piece summary in the app (never the URL itself). */
export function IndicatorLink({ type, value }: { type: IndicatorType; value: string }) {
  const { t } = useTranslation();
  const openIndicator = useAppStore((state) => state.openIndicator);
  const shown = defang(type, value);
  return (
    <Group gap={4} wrap="nowrap" className="evidence-value">
      <UnstyledButton className="link-button evidence-link" onClick={() => openIndicator(type, value)} aria-label={t('indicators.open', { value: shown })}>
        {shown}
      </UnstyledButton>
      <CopyValueButton value={shown} label={shown} />
    </Group>
  );
}
