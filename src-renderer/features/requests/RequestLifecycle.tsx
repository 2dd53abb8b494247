import { Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RequestDetail, RequestStepView } from '../../../shared/api/request-views';
import type { RequestState } from '../../../shared/requests/lifecycle';
import { formatDateTime, formatDay } from '../../ui/format';
import { OfficerName } from '../../ui/Officer';
import { Section } from '../../ui/Section';

/** The way a request normally goes; a refusal or expiry ends it early. */
const MAIN_PATH: readonly RequestState[] = ['draft', 'awaiting_approval', 'approved', 'sent', 'acknowledged', 'executed'];

/** The states this request passes through: the main path, cut where it ended if it was refused or expired. */
export function pathOf(detail: Pick<RequestDetail, 'state' | 'steps'>): RequestState[] {
  if (MAIN_PATH.includes(detail.state)) return [...MAIN_PATH];
  const leftFrom = detail.steps.find((step) => step.to === detail.state)?.from ?? 'sent';
  return [...MAIN_PATH.slice(0, MAIN_PATH.indexOf(leftFrom) + 1), detail.state];
}

function StepDetails({ step }: { step: RequestStepView }) {
  const { t } = useTranslation();
  const parts = [
    step.method && t('requests.lifecycle.method', { method: t(`sendMethod.${step.method}`) }),
    step.occurredAt && t('requests.lifecycle.occurredAt', { date: formatDay(step.occurredAt) }),
    step.dueAt && t('requests.lifecycle.dueAt', { date: formatDay(step.dueAt) }),
    step.reference && t('requests.lifecycle.reference', { reference: step.reference }),
    step.reason && t('requests.lifecycle.reason', { reason: step.reason }),
  ].filter(Boolean);
  return <>{parts.join(' · ')}</>;
}

/** Who took the request into a state, and when (the creation for a concept never sent back). */
function Reached({ detail, state }: { detail: RequestDetail; state: RequestState }) {
  const step = detail.steps.find((candidate) => candidate.to === state);
  if (!step && state !== 'draft') return null;
  return (
    <Text span size="xs" c="dimmed">
      {formatDateTime(step?.at ?? detail.createdAt)} · <OfficerName id={step?.by ?? detail.createdBy} />
    </Text>
  );
}

function LifecyclePath({ detail }: { detail: RequestDetail }) {
  const { t } = useTranslation();
  const path = pathOf(detail);
  const currentIndex = path.indexOf(detail.state);
  return (
    <ol className="lifecycle-path" aria-label={t('requests.lifecycle.path')} data-testid="action-lifecycle-path">
      {path.map((state, index) => {
        const stage = index < currentIndex ? 'done' : index === currentIndex ? 'current' : 'todo';
        return (
          <li key={state} className={`lifecycle-stage ${stage}`} aria-current={stage === 'current' ? 'step' : undefined} data-stage={stage}>
            <Text span size="sm" fw={stage === 'current' ? 700 : 500}>
              {t(`requestState.${state}`)}
            </Text>{' '}
            {stage === 'todo' ? (
              <Text span size="xs" c="dimmed">
                {t('requests.lifecycle.notYet')}
              </Text>
            ) : (
              <Reached detail={detail} state={state} />
            )}
          </li>
        );
      })}
    </ol>
  );
}

function StepHistory({ steps }: { steps: RequestStepView[] }) {
  const { t } = useTranslation();
  if (steps.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('requests.lifecycle.noSteps')}
      </Text>
    );
  }
  return (
    <Table verticalSpacing={4} fz="sm" striped data-testid="action-steps">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('report.audit.at')}</Table.Th>
          <Table.Th>{t('report.audit.action')}</Table.Th>
          <Table.Th>{t('report.audit.actor')}</Table.Th>
          <Table.Th>{t('report.audit.details')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {steps.map((step) => (
          <Table.Tr key={`${step.at}:${step.to}`}>
            <Table.Td className="nowrap">{formatDateTime(step.at)}</Table.Td>
            <Table.Td className="nowrap">{t('requests.lifecycle.step', { from: t(`requestState.${step.from}`), to: t(`requestState.${step.to}`) })}</Table.Td>
            <Table.Td>
              <OfficerName id={step.by} />
            </Table.Td>
            <Table.Td>
              <StepDetails step={step} />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** Where the request stands on its way, and every step taken: who, when, how. */
export function RequestLifecycle({ detail }: { detail: RequestDetail }) {
  const { t } = useTranslation();
  return (
    <Section title={t('requests.lifecycle.title')} testId="action-lifecycle">
      <Stack gap="sm">
        <LifecyclePath detail={detail} />
        <Text size="sm" fw={600}>
          {t('requests.lifecycle.history')}
        </Text>
        <StepHistory steps={detail.steps} />
      </Stack>
    </Section>
  );
}
