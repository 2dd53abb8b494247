import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RequestState } from '../../shared/requests/lifecycle';
import type { IndicatorType } from '../../shared/indicators/types';
import type { CaseStatus, WorkStatus } from '../../shared/mutations/kinds';
import type { RoutePriority } from '../../shared/routing/rules';

// Dark text on light tints keeps every badge above 4.5:1 contrast.
const badgeStyles = { root: { flexShrink: 0, minWidth: 'max-content' }, label: { color: 'var(--mantine-color-dark-8)' } };

const WORK_STATUS_COLOR: Record<WorkStatus, string> = { new: 'blue', in_progress: 'yellow', closed: 'gray' };
const CASE_STATUS_COLOR: Record<CaseStatus, string> = {
  new: 'blue',
  in_progress: 'yellow',
  action_taken: 'grape',
  closed: 'gray',
};

const REQUEST_STATE_COLOR: Record<RequestState, string> = {
  draft: 'gray',
  awaiting_approval: 'yellow',
  approved: 'cyan',
  sent: 'blue',
  acknowledged: 'indigo',
  executed: 'green',
  refused: 'red',
  expired: 'orange',
  withdrawn: 'gray',
};
const PRIORITY_COLOR: Record<RoutePriority, string> = { high: 'red', normal: 'blue', low: 'gray' };

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


export function RequestStateBadge({ state }: { state: RequestState }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={REQUEST_STATE_COLOR[state]} styles={badgeStyles} radius="sm" tt="none" data-state={state}>
      {t(`requestState.${state}`)}
    </Badge>
  );
}

/** Open and past its due date: said in words, not only in colour. */
export function OverdueBadge() {
  const { t } = useTranslation();
  return (
    <Badge variant="filled" color="danger" radius="sm" tt="none" styles={{ root: badgeStyles.root }}>
      {t('requests.overdue')}
    </Badge>
  );
}

export function PriorityBadge({ priority }: { priority: RoutePriority }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={PRIORITY_COLOR[priority]} styles={badgeStyles} radius="sm" tt="none">
      {t(`routePriority.${priority}`)}
    </Badge>
  );
}
