import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { REQUEST_KIND_OF_INDICATOR } from '../../../shared/requests/lifecycle';
import type { IndicatorType } from '../../../shared/indicators/types';
import { DraftRequestButton } from './DraftRequestButton';
import { SubjectRequestList } from './SubjectRequestList';

/** In a puzzle piece's detail: draft the request it leads to, and see the requests already made about it. */
export function IndicatorRequests({ type, value, benign }: { type: IndicatorType; value: string; benign: boolean }) {
  const { t } = useTranslation();
  const kind = REQUEST_KIND_OF_INDICATOR[type];
  return (
    <Stack gap="xs" data-testid="indicator-actions">
      <Text size="sm" fw={600}>
        {t('requests.subject.title')}
      </Text>
      {benign ? (
        <Text size="sm" c="dimmed">
          {t('requests.indicator.benign')}
        </Text>
      ) : (
        <div>
          <DraftRequestButton kind={kind} query={{ kind, indicatorType: type, indicatorValue: value }} />
        </div>
      )}
      <SubjectRequestList query={{ indicatorType: type, indicatorValue: value }} />
    </Stack>
  );
}
