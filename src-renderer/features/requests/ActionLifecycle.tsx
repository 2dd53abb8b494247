import { Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ActionDetail, ActionStepView } from '../../../shared/api/action-views';
import type { ActionState } from '../../../shared/requests/lifecycle';
import { formatDateTime, formatDay } from '../../ui/format';
import { OfficerName } from '../../ui/Officer';
import { Section } from '../../ui/Section';

/** The way a request normally goes; a refusal or expiry ends it early. */
const MAIN_PATH: readonly ActionState[] = ['draft', 'awaiting_approval', 'approved', 'sent', 'acknowledged', 'executed'];

/** The states this request passes through: the main path, cut where it ended if it was refused or expired. */
export function pathOf(detail: Pick<ActionDetail, 'state' | 'steps'>): ActionState[] {
  if (MAIN_PATH.includes(detail.state)) return [...MAIN_PATH];
  const leftFrom = detail.steps.find((step) => step.to === detail.state)?.from ?? 'sent';
  return [...MAIN_PATH.slice(0, MAIN_PATH.indexOf(leftFrom) + 1), detail.state];
}

function StepDetails({ step }: { step: ActionStepView }) {
  const { t } = useTranslation();
  const parts = [
    step.method && t('actions.lifecycle.method', { method: t(`sendMethod.${step.method}`) }),
    step.occurredAt && t('actions.lifecycle.occurredAt', { date: formatDay(step.occurredAt) }),
    step.dueAt && t('actions.lifecycle.dueAt', { date: formatDay(step.dueAt) }),
    step.reference && t('actions.lifecycle.reference', { reference: step.reference }),
    step.reason && t('actions.lifecycle.reason', { reason: step.reason }),
  ].filter(Boolean);
  return <>{parts.join(' · ')}</>;
}

/** Who took the request into a state, and when (the creation for a concept never sent back). */
function Reached({ detail, state }: { detail: ActionDetail; state: ActionState }) {
  const step = detail.steps.find((candidate) => candidate.to === state);
  if (!step && state !== 'draft') return null;
  return (
    <Text span size="xs" c="dimmed">
      {formatDateTime(step?.at ?? detail.createdAt)} · <OfficerName id={step?.by ?? detail.createdBy} />
    </Text>
  );
}

function LifecyclePath({ detail }: { detail: ActionDetail }) {
  const { t } = useTranslation();
  const path = pathOf(detail);
  const currentIndex = path.indexOf(detail.state);
  return (
    <ol className="lifecycle-path" aria-label={t('actions.lifecycle.path')} data-testid="action-lifecycle-path">
      {path.map((state, index) => {
        const stage = index < currentIndex ? 'done' : index === currentIndex ? 'current' : 'todo';
        return (
          <li key={state} className={`lifecycle-stage ${stage}`} aria-current={stage === 'current' ? 'step' : undefined} data-stage={stage}>
            <Text span size="sm" fw={stage === 'current' ? 700 : 500}>
              {t(`actionState.${state}`)}
            </Text>{' '}
            {stage === 'todo' ? (
              <Text span size="xs" c="dimmed">
                {t('actions.lifecycle.notYet')}
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

function StepHistory({ steps }: { steps: ActionStepView[] }) {
  const { t } = useTranslation();
  if (steps.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('actions.lifecycle.noSteps')}
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
            <Table.Td className="nowrap">{t('actions.lifecycle.step', { from: t(`actionState.${step.from}`), to: t(`actionState.${step.to}`) })}</Table.Td>
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
export function ActionLifecycle({ detail }: { detail: ActionDetail }) {
  const { t } = useTranslation();
  return (
    <Section title={t('actions.lifecycle.title')} testId="action-lifecycle">
      <Stack gap="sm">
        <LifecyclePath detail={detail} />
        <Text size="sm" fw={600}>
          {t('actions.lifecycle.history')}
        </Text>
        <StepHistory steps={detail.steps} />
      </Stack>
    </Section>
  );
}
