import { Group, Stack, Text, UnstyledButton } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActionQuery, ActionSummaryView } from '../../../shared/api/action-views';
import { useAppStore } from '../../state/store-context';
import { ActionStateBadge, OverdueBadge } from '../../ui/badges';
import { formatDay } from '../../ui/format';
import { subjectKey } from './actions-slice';

function SubjectActionItem({ action }: { action: ActionSummaryView }) {
  const { t } = useTranslation();
  const openAction = useAppStore((state) => state.openAction);
  return (
    <li data-testid={`subject-action-${action.actionId}`}>
      <Group gap="xs" wrap="wrap">
        <UnstyledButton className="link-button" onClick={() => openAction(action.actionId)}>
          {action.title}
        </UnstyledButton>
        <ActionStateBadge state={action.state} />
        {action.overdue && <OverdueBadge />}
        {action.dueAt && (
          <Text span size="xs" c="dimmed">
            {t('actions.lifecycle.dueAt', { date: formatDay(action.dueAt) })}
          </Text>
        )}
      </Group>
    </li>
  );
}

/** The requests already made about a subject (an indicator, a case), so nobody drafts the same one twice. */
export function SubjectActionList({ query }: { query: ActionQuery }) {
  const { t } = useTranslation();
  const key = subjectKey(query);
  const rows = useAppStore((state) => (state.subjectActions?.key === key ? state.subjectActions.rows : null));
  const loadSubjectActions = useAppStore((state) => state.loadSubjectActions);

  useEffect(() => {
    void loadSubjectActions(JSON.parse(key) as ActionQuery);
  }, [key, loadSubjectActions]);

  if (rows === null) return null;
  return (
    <div data-testid="subject-actions">
      <Text size="sm" fw={600} mb={4}>
        {t('actions.subject.existing')}
      </Text>
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('actions.subject.none')}
        </Text>
      ) : (
        <Stack component="ul" gap={4} className="plain-list">
          {rows.map((action) => (
            <SubjectActionItem key={action.actionId} action={action} />
          ))}
        </Stack>
      )}
    </div>
  );
}
