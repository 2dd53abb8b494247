import { Alert, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditRefusal, RefusedChange } from '../../../shared/hub/protocol';
import { labelFor } from '../../i18n/label-for';
import { useAppStore } from '../../state/store-context';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { formatDateTime } from '../../ui/format';
import { Section } from '../../ui/Section';

function RefusedChangeItem({ change }: { change: RefusedChange }) {
  const { t } = useTranslation();
  return (
    <li data-testid="refused-change">
      <Text size="sm">
        {t('logbook.refused.change', {
          kind: labelFor(t, 'auditAction', change.kind),
          officer: change.officer,
          at: formatDateTime(change.at),
          refusedAt: formatDateTime(change.refusedAt),
          pushedBy: change.pushedBy,
        })}
      </Text>
      <Text size="xs" c="dimmed">
        {t('logbook.refused.hubSaid', { reason: change.reason })} · {change.mutationId}
      </Text>
    </li>
  );
}

function AuditRefusalItem({ refusal }: { refusal: AuditRefusal }) {
  const { t } = useTranslation();
  return (
    <li data-testid="refused-audit-log">
      <Text size="sm">
        {t('logbook.refused.auditLog', {
          workstation: refusal.workstationId,
          firstBad: refusal.firstBad,
          refusedAt: formatDateTime(refusal.refusedAt),
          pushedBy: refusal.pushedBy,
        })}
      </Text>
      <Text size="xs" c="dimmed">
        {t('logbook.refused.hubSaid', { reason: refusal.reason })}
      </Text>
    </li>
  );
}

/** One list of what the hub refused: its items, or that there are none, or that the hub could not be asked. */
function RefusedList({ title, reachable, count, none, testId, children }: { title: string; reachable: boolean; count: number; none: string; testId: string; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Stack gap={4} data-testid={testId}>
      <Title order={3} fz="sm">
        {title}
      </Title>
      {!reachable ? (
        <Alert color="yellow" variant="light">
          {t('logbook.refused.unreachable')}
        </Alert>
      ) : count === 0 ? (
        <Text size="sm" c="dimmed">
          {none}
        </Text>
      ) : (
        <Stack component="ul" gap="xs" className="plain-list">
          {children}
        </Stack>
      )}
    </Stack>
  );
}

/** Supervisors: changes and audit logs the hub refused, each explained, so none is lost unseen. */
export function HubRefusalsSection() {
  const { t } = useTranslation();
  const refusals = useAppStore((state) => state.hubRefusals);
  const error = useAppStore((state) => state.hubRefusalsError);
  const loadHubRefusals = useAppStore((state) => state.loadHubRefusals);
  return (
    <Section title={t('logbook.refused.title')} testId="hub-refusals">
      <Stack gap="md">
        <Text size="sm">{t('logbook.refused.explain')}</Text>
        {error && <ErrorAlert error={error} onRetry={() => void loadHubRefusals()} />}
        {refusals && (
          <>
            <RefusedList
              title={t('logbook.refused.changesTitle')}
              reachable={refusals.changes.reachable}
              count={refusals.changes.refused.length}
              none={t('logbook.refused.noChanges')}
              testId="refused-changes"
            >
              {refusals.changes.refused.map((change) => (
                <RefusedChangeItem key={change.mutationId} change={change} />
              ))}
            </RefusedList>
            <RefusedList
              title={t('logbook.refused.auditLogsTitle')}
              reachable={refusals.auditLogs.reachable}
              count={refusals.auditLogs.refusals.length}
              none={t('logbook.refused.noAuditLogs')}
              testId="refused-audit-logs"
            >
              {refusals.auditLogs.refusals.map((refusal) => (
                <AuditRefusalItem key={`${refusal.workstationId}-${refusal.refusedAt}-${refusal.firstBad}`} refusal={refusal} />
              ))}
            </RefusedList>
          </>
        )}
      </Stack>
    </Section>
  );
}
