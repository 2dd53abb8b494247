import { Alert, Select, SimpleGrid, TagsInput, TextInput, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CONTACT_CHANNELS, DIRECTORY_KINDS, type DirectoryEntry, type DirectoryEntryView, type DirectoryKind } from '../../../shared/requests/directory';
import { useAppStore } from '../../state/store-context';
import { Dialog } from '../../ui/Dialog';
import { DialogForm } from '../../ui/DialogForm';
import { useCheckedForm } from '../../ui/use-checked-form';
import { emptyDirectoryForm, entryOfForm, formOfEntry, MATCH_LIST_OF_KIND, type DirectoryForm, type DirectoryFormField } from './directory-form';

export interface DirectoryEntryDialogProps {
  opened: boolean;
  onClose: () => void;
  /** The entry being edited; absent for a new one. */
  entry?: DirectoryEntryView;
  /** The kind a new entry starts as (the list's filter). */
  kind: DirectoryKind;
}

/** Adding or editing an addressee: who, how to reach them, and what they are recognised by. */
export function DirectoryEntryDialog(props: DirectoryEntryDialogProps) {
  const { t } = useTranslation();
  return (
    <Dialog opened={props.opened} onClose={props.onClose} title={props.entry ? t('directory.form.titleEdit') : t('directory.form.titleNew')} size="lg">
      {props.opened && <EntryEditor {...props} />}
    </Dialog>
  );
}

function EntryEditor({ entry, kind, onClose }: DirectoryEntryDialogProps) {
  const { t } = useTranslation();
  const putDirectoryEntry = useAppStore((state) => state.putDirectoryEntry);
  const { form, change, error, hasError, checked } = useCheckedForm<DirectoryForm, DirectoryFormField, { entry: DirectoryEntry }>(
    () => (entry ? formOfEntry(entry) : emptyDirectoryForm(kind)),
    entryOfForm,
    (field) => t(`directory.form.errors.${field}`),
  );
  const matchList = MATCH_LIST_OF_KIND[form.kind];

  const submit = () => {
    const valid = checked();
    return valid && putDirectoryEntry(entry?.id, valid.entry);
  };

  return (
    <DialogForm onSubmit={submit} onClose={onClose} submitLabel={t('common.save')} submitTestId="directory-save" testId="directory-form">
      <SimpleGrid cols={2} spacing="sm">
        <Select
          label={t('directory.form.kind')}
          data={DIRECTORY_KINDS.map((value) => ({ value, label: t(`directoryKind.${value}`) }))}
          value={form.kind}
          allowDeselect={false}
          onChange={(value) => value && change({ kind: value })}
        />
        <Select
          label={t('directory.form.channel')}
          data={CONTACT_CHANNELS.map((value) => ({ value, label: t(`sendMethod.${value}`) }))}
          value={form.channel}
          allowDeselect={false}
          onChange={(value) => value && change({ channel: value })}
        />
      </SimpleGrid>
      <TextInput
        label={t('directory.form.name')}
        withAsterisk
        aria-required
        data-autofocus
        value={form.name}
        onChange={(event) => change({ name: event.currentTarget.value })}
        error={error('name')}
        data-testid="directory-name"
      />
      <SimpleGrid cols={2} spacing="sm">
        <TextInput
          label={t('directory.form.email')}
          type="email"
          value={form.email}
          onChange={(event) => change({ email: event.currentTarget.value })}
          error={error('email')}
          data-testid="directory-email"
        />
        <TextInput
          label={t('directory.form.portalUrl')}
          value={form.portalUrl}
          onChange={(event) => change({ portalUrl: event.currentTarget.value })}
          error={error('portalUrl')}
          data-testid="directory-portal"
        />
      </SimpleGrid>
      <Textarea label={t('directory.form.postalAddress')} autosize minRows={2} value={form.postalAddress} onChange={(event) => change({ postalAddress: event.currentTarget.value })} />
      {matchList && (
        <TagsInput
          label={t(`directory.form.${matchList}`)}
          description={t(`directory.form.${matchList}Help`)}
          value={form[matchList]}
          onChange={(values) => change({ [matchList]: values })}
          error={error(matchList)}
          clearable
          data-testid="directory-matches"
        />
      )}
      <Textarea label={t('directory.form.notes')} autosize minRows={2} value={form.notes} onChange={(event) => change({ notes: event.currentTarget.value })} />
      {hasError('invalid') && (
        <Alert color="red" variant="light">
          {t('directory.form.errors.invalid')}
        </Alert>
      )}
    </DialogForm>
  );
}
