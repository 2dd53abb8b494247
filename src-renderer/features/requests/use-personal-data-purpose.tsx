import { Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { PurposeChoice, chosenPurpose, usePurposeChoice } from '../../ui/PurposeChoice';

/**
 * Why a request takes the reporters' data along (issue 15 §1): the field under the draft's warning, and the
 * purpose chosen (null while none is). The officer's last purpose for the request's first report or its case
 * is preselected.
 */
export function usePersonalDataPurpose(reportId: string | null, showProblem: boolean): { field: ReactNode; purpose: string | null } {
  const { t } = useTranslation();
  const { value, setValue, purposes } = usePurposeChoice(reportId);
  const chosen = chosenPurpose(value);
  const field =
    purposes === null ? null : (
      <div data-testid="personal-data-purpose">
        <Text size="sm" fw={500} mb={4}>
          {t('requests.draft.personalDataPurpose')}
        </Text>
        <PurposeChoice purposes={purposes} value={value} onChange={setValue} showProblem={showProblem} />
      </div>
    );
  return { field, purpose: chosen.ok ? chosen.purpose : null };
}
