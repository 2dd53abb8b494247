import { Alert, Select, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { selectMyId } from '../../state/session-selectors';
import { useOfficerOptions } from '../../state/use-officer-options';
import { useAppStore } from '../../state/store-context';
import { Dialog } from '../../ui/Dialog';
import { DialogForm } from '../../ui/DialogForm';
import type { SlotProps } from '../../ui/slots';

type CreateCaseDialogProps = SlotProps['createCase'];

/** Creates a case from a set of reports; the new case opens when it is made. */
export function CreateCaseDialog(props: CreateCaseDialogProps) {
  const { t } = useTranslation();
  return (
    <Dialog opened={props.opened} onClose={props.onClose} title={t('cases.create.title')}>
      {props.opened && <CreateCaseForm {...props} />}
    </Dialog>
  );
}

function CreateCaseForm({ onClose, reportIds, origin, warning }: CreateCaseDialogProps) {
  const { t } = useTranslation();
  const myId = useAppStore(selectMyId);
  const myTeam = useAppStore((state) => state.session?.officer?.team ?? '');
  const officers = useOfficerOptions();
  const createCase = useAppStore((state) => state.createCase);
  const [title, setTitle] = useState('');
  const [team, setTeam] = useState(myTeam);
  const [owner, setOwner] = useState<string | null>(myId);
  const [touched, setTouched] = useState(false);
  const valid = title.trim() !== '' && reportIds.length > 0;

  const submit = () => {
    setTouched(true);
    return valid ? createCase({ title: title.trim(), reportIds, team: team.trim() || null, owner }) : null;
  };

  return (
    <DialogForm onSubmit={submit} onClose={onClose} submitLabel={t('cases.create.submit')} submitTestId="case-create-submit" testId="create-case-form">
      <Text size="sm">{origin}</Text>
      {warning && (
        <Alert color="yellow" variant="light">
          {warning}
        </Alert>
      )}
      <TextInput
        label={t('cases.create.titleLabel')}
        withAsterisk
        aria-required
        data-autofocus
        value={title}
        onChange={(event) => setTitle(event.currentTarget.value)}
        error={touched && title.trim() === '' ? t('cases.create.titleRequired') : undefined}
        data-testid="case-title-input"
      />
      <Select label={t('cases.fields.owner')} data={officers} value={owner} onChange={setOwner} clearable searchable />
      <TextInput label={t('cases.fields.team')} value={team} onChange={(event) => setTeam(event.currentTarget.value)} />
    </DialogForm>
  );
}
