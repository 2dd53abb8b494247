import { SegmentedControl, SimpleGrid, Text, TextInput, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isPublication, SEND_METHODS, type RequestKind, type RequestState } from '../../../shared/requests/lifecycle';
import { useAppStore } from '../../state/store-context';
import { Dialog } from '../../ui/Dialog';
import { DialogForm } from '../../ui/DialogForm';
import { todayIso } from '../../ui/format';
import { initialStepForm, stepFields, stepInput, type StepError, type StepField, type StepForm } from './step-form';

interface StepDialogProps {
  from: RequestState;
  kind: RequestKind;
  /** The step being taken; null while closed. */
  to: RequestState | null;
  onClose: () => void;
}

/** One step of a request that needs words or dates: a reason, how and when it was sent, when it happened. */
export function StepDialog({ from, kind, to, onClose }: StepDialogProps) {
  const { t } = useTranslation();
  const title = to === null ? '' : isPublication(kind, to) ? t('requests.publication.title') : t(`requests.stepButton.${to}`);
  return (
    <Dialog opened={to !== null} onClose={onClose} title={title} size="lg">
      {to && <StepFormView from={from} kind={kind} to={to} onClose={onClose} />}
    </Dialog>
  );
}

function StepFormView({ from, kind, to, onClose }: { from: RequestState; kind: RequestKind; to: RequestState; onClose: () => void }) {
  const { t } = useTranslation();
  const transitionRequest = useAppStore((state) => state.transitionRequest);
  const [form, setForm] = useState<StepForm>(() => initialStepForm(todayIso()));
  const [errors, setErrors] = useState<Partial<Record<StepField, StepError>>>({});
  const fields = stepFields(from, to, kind);
  const change = (patch: Partial<StepForm>) => setForm({ ...form, ...patch });
  const errorText = (field: StepField) => {
    const error = errors[field];
    return error === 'reasonRequired' ? t('common.reasonRequired') : error ? t(`requests.stepForm.${error}`) : undefined;
  };

  const submit = () => {
    const result = stepInput(from, to, kind, form);
    if ('errors' in result) {
      setErrors(result.errors);
      return null;
    }
    setErrors({});
    return transitionRequest(result.input);
  };

  return (
    <DialogForm onSubmit={submit} onClose={onClose} submitLabel={t('requests.stepForm.submit')} submitTestId="step-submit" testId="step-form">
      <Text size="sm">{fields.publication ? t('requests.publication.explain') : t(`requests.stepExplain.${to}`)}</Text>
      {fields.sending && (
        <div>
          <Text size="sm" fw={500} mb={4} id="step-method-label">
            {t('requests.stepForm.method')}
          </Text>
          <SegmentedControl
            aria-labelledby="step-method-label"
            value={form.method}
            onChange={(method) => change({ method: method })}
            data={SEND_METHODS.map((method) => ({ value: method, label: t(`sendMethod.${method}`) }))}
            data-testid="step-method"
          />
        </div>
      )}
      {fields.dated && (
        <SimpleGrid cols={fields.sending ? 2 : 1} spacing="sm">
          <TextInput
            type="date"
            label={fields.sending ? t('requests.stepForm.sentAt') : fields.publication ? t('requests.publication.publishedAt') : t('requests.stepForm.occurredAt')}
            withAsterisk
            value={form.occurredAt}
            onChange={(event) => change({ occurredAt: event.currentTarget.value })}
            error={errorText('occurredAt')}
            data-testid="step-occurred-at"
          />
          {fields.sending && (
            <TextInput
              type="date"
              label={t('requests.stepForm.dueAt')}
              withAsterisk
              value={form.dueAt}
              onChange={(event) => change({ dueAt: event.currentTarget.value })}
              error={errorText('dueAt')}
              data-testid="step-due-at"
            />
          )}
        </SimpleGrid>
      )}
      {fields.reference && (
        <TextInput
          label={fields.publication ? t('requests.publication.place') : t('requests.stepForm.reference')}
          withAsterisk={fields.publication}
          value={form.reference}
          onChange={(event) => change({ reference: event.currentTarget.value })}
          error={errorText('reference')}
          data-testid="step-reference"
        />
      )}
      {fields.reason && (
        <Textarea
          label={t('requests.stepForm.reason')}
          withAsterisk
          aria-required
          autosize
          minRows={3}
          data-autofocus
          value={form.reason}
          onChange={(event) => change({ reason: event.currentTarget.value })}
          error={errorText('reason')}
          data-testid="step-reason"
        />
      )}
    </DialogForm>
  );
}
