import { Button, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useTranslation } from 'react-i18next';
import type { RequestDetail, RequestNextStep } from '../../../shared/api/request-views';
import { isPublication, type RequestKind, type RequestState } from '../../../shared/requests/lifecycle';
import { useAppStore } from '../../state/store-context';
import { Section } from '../../ui/Section';
import { stepRefusalText } from './refusal-text';
import { StepDialog } from './StepDialog';
import { stepNeedsDialog } from './step-form';

const STEP_COLOR: Partial<Record<RequestState, string>> = { approved: 'confirm', refused: 'danger' };
const STEP_VARIANT: Partial<Record<RequestState, string>> = { draft: 'default', expired: 'default', refused: 'outline', withdrawn: 'outline' };

const refusalId = (actionId: string, to: RequestState) => `step-refusal-${actionId}-${to}`;

/** A warning is carried out by publishing it; every other step has its own label. */
const stepLabelKey = (kind: RequestKind, to: RequestState) => (isPublication(kind, to) ? 'requests.publication.button' : (`requests.stepButton.${to}` as const));

function StepButton({ actionId, kind, step, onTake }: { actionId: string; kind: RequestKind; step: RequestNextStep; onTake: () => unknown }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  return (
    <Button
      size="compact-sm"
      color={STEP_COLOR[step.to]}
      variant={STEP_VARIANT[step.to] ?? 'filled'}
      disabled={step.refusal !== null}
      aria-describedby={step.refusal ? refusalId(actionId, step.to) : undefined}
      loading={busy}
      onClick={() => {
        setBusy(true);
        void Promise.resolve(onTake()).finally(() => setBusy(false));
      }}
      data-testid={`step-${step.to}`}
    >
      {t(stepLabelKey(kind, step.to))}
    </Button>
  );
}

/**
 * The steps the signed-in officer could take next. A step they may not take stays visible, disabled, with the
 * reason under it in words (a tooltip would not reach a disabled button by keyboard).
 */
export function NextSteps({ detail }: { detail: RequestDetail }) {
  const { t } = useTranslation();
  const transitionRequest = useAppStore((state) => state.transitionRequest);
  const viewer = useAppStore(useShallow((state) => ({ id: state.session?.officer?.id ?? null, role: state.session?.officer?.role ?? null })));
  const [dialogStep, setDialogStep] = useState<RequestState | null>(null);
  const refused = detail.nextSteps.filter((step) => step.refusal !== null);

  const take = (to: RequestState) => (stepNeedsDialog(detail.state, to, detail.kind) ? setDialogStep(to) : transitionRequest({ to }));

  return (
    <Section title={t('requests.next.title')} testId="action-next-steps">
      {detail.nextSteps.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('requests.next.none')}
        </Text>
      ) : (
        <Stack gap="xs">
          <Group gap="xs">
            {detail.nextSteps.map((step) => (
              <StepButton key={step.to} actionId={detail.actionId} kind={detail.kind} step={step} onTake={() => take(step.to)} />
            ))}
          </Group>
          {refused.map((step) => (
            <Text key={step.to} size="sm" c="warn.8" id={refusalId(detail.actionId, step.to)} data-testid={`step-refusal-${step.to}`}>
              {t('requests.next.refused', { step: t(stepLabelKey(detail.kind, step.to)), refusal: stepRefusalText(detail, step.to, step.refusal!, viewer, t) })}
            </Text>
          ))}
        </Stack>
      )}
      <StepDialog from={detail.state} kind={detail.kind} to={dialogStep} onClose={() => setDialogStep(null)} />
    </Section>
  );
}
