import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { IndicatorType } from '../../shared/indicators/types';
import type { CaseStatus, WorkStatus } from '../../shared/mutations/kinds';

// Dark text on light tints keeps every badge above 4.5:1 contrast.
const badgeStyles = { root: { flexShrink: 0, minWidth: 'max-content' }, label: { color: 'var(--mantine-color-dark-8)' } };

const WORK_STATUS_COLOR: Record<WorkStatus, string> = { new: 'blue', in_progress: 'yellow', closed: 'gray' };
const CASE_STATUS_COLOR: Record<CaseStatus, string> = {
  nieuw: 'blue',
  in_behandeling: 'yellow',
  actie_uitgezet: 'grape',
  afgerond: 'gray',
};

export function WorkStatusBadge({ status }: { status: WorkStatus }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={WORK_STATUS_COLOR[status]} styles={badgeStyles} radius="sm" tt="none">
      {t(`workStatus.${status}`)}
    </Badge>
  );
}

export function CaseStatusBadge({ status }: { status: CaseStatus }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={CASE_STATUS_COLOR[status]} styles={badgeStyles} radius="sm" tt="none">
      {t(`caseStatus.${status}`)}
    </Badge>
  );
}

export function IndicatorTypeBadge({ type }: { type: IndicatorType }) {
  const { t } = useTranslation();
  return (
    <Badge variant="outline" color="gray" styles={badgeStyles} radius="sm" tt="none" className={`indicator-type indicator-${type}`}>
      {t(`indicatorType.${type}`)}
    </Badge>
  );
}

