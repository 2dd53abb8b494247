import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ACTION_KIND_OF_INDICATOR } from '../../../shared/requests/lifecycle';
import type { IndicatorType } from '../../../shared/indicators/types';
import { DraftActionButton } from './DraftActionButton';
import { SubjectActionList } from './SubjectActionList';

/** In a puzzle piece's detail: draft the request it leads to, and see the requests already made about it. */
export function IndicatorActions({ type, value, benign }: { type: IndicatorType; value: string; benign: boolean }) {
  const { t } = useTranslation();
  const kind = ACTION_KIND_OF_INDICATOR[type];
  return (
    <Stack gap="xs" data-testid="indicator-actions">
      <Text size="sm" fw={600}>
        {t('actions.subject.title')}
      </Text>
      {benign ? (
        <Text size="sm" c="dimmed">
          {t('actions.indicator.benign')}
        </Text>
      ) : (
        <div>
          <DraftActionButton kind={kind} query={{ kind, indicatorType: type, indicatorValue: value }} />
        </div>
      )}
      <SubjectActionList query={{ indicatorType: type, indicatorValue: value }} />
    </Stack>
  );
}
