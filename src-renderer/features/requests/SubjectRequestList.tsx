import { Group, Stack, Text, UnstyledButton } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { RequestQuery, RequestSummaryView } from '../../../shared/api/request-views';
import { useAppStore } from '../../state/store-context';
import { RequestStateBadge, OverdueBadge } from '../../ui/badges';
import { formatDay } from '../../ui/format';
import { subjectKey } from './requests-slice';

function SubjectRequestItem({ action }: { action: RequestSummaryView }) {
  const { t } = useTranslation();
  const openRequest = useAppStore((state) => state.openRequest);
  return (
    <li data-testid={`subject-action-${action.actionId}`}>
      <Group gap="xs" wrap="wrap">
        <UnstyledButton className="link-button" onClick={() => openRequest(action.actionId)}>
          {action.title}
        </UnstyledButton>
        <RequestStateBadge state={action.state} />
        {action.overdue && <OverdueBadge />}
        {action.dueAt && (
          <Text span size="xs" c="dimmed">
            {t('requests.lifecycle.dueAt', { date: formatDay(action.dueAt) })}
          </Text>
        )}
      </Group>
    </li>
  );
}

/** The requests already made about a subject (an indicator, a case), so nobody drafts the same one twice. */
export function SubjectRequestList({ query }: { query: RequestQuery }) {
  const { t } = useTranslation();
  const key = subjectKey(query);
  const rows = useAppStore((state) => (state.subjectRequests?.key === key ? state.subjectRequests.rows : null));
  const loadSubjectRequests = useAppStore((state) => state.loadSubjectRequests);

  useEffect(() => {
    void loadSubjectRequests(JSON.parse(key) as RequestQuery);
  }, [key, loadSubjectRequests]);

  if (rows === null) return null;
  return (
    <div data-testid="subject-actions">
      <Text size="sm" fw={600} mb={4}>
        {t('requests.subject.existing')}
      </Text>
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('requests.subject.none')}
        </Text>
      ) : (
        <Stack component="ul" gap={4} className="plain-list">
          {rows.map((action) => (
            <SubjectRequestItem key={action.actionId} action={action} />
          ))}
        </Stack>
      )}
    </div>
  );
}
