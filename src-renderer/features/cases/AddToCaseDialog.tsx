import { Select, Text } from '@mantine/core';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../state/store-context';
import { Dialog } from '../../ui/Dialog';
import { DialogForm } from '../../ui/DialogForm';
import type { SlotProps } from '../../ui/slots';

type AddToCaseDialogProps = SlotProps['addToCase'];

/** Adds reports to an existing case that is not closed. */
export function AddToCaseDialog(props: AddToCaseDialogProps) {
  const { t } = useTranslation();
  return (
    <Dialog opened={props.opened} onClose={props.onClose} title={t('cases.addTo.title')}>
      {props.opened && <AddToCaseForm {...props} />}
    </Dialog>
  );
}

function AddToCaseForm({ onClose, reportIds }: AddToCaseDialogProps) {
  const { t } = useTranslation();
  const loadCases = useAppStore((state) => state.loadCases);
  const addReportsToCase = useAppStore((state) => state.addReportsToCase);
  const caseList = useAppStore((state) => state.caseList);
  const cases = useMemo(
    () => (caseList ?? []).filter((item) => item.status !== 'closed').map((item) => ({ value: item.caseId, label: item.title })),
    [caseList],
  );
  const [caseId, setCaseId] = useState<string | null>(null);

  useEffect(() => void loadCases(), [loadCases]);

  const submit = () => (caseId ? addReportsToCase(caseId, reportIds) : null);

  return (
    <DialogForm onSubmit={submit} onClose={onClose} submitLabel={t('cases.addTo.submit')} submitDisabled={!caseId}>
      <Text size="sm">{t('cases.addTo.explain', { count: reportIds.length })}</Text>
      <Select
        label={t('cases.addTo.case')}
        data={cases}
        value={caseId}
        onChange={setCaseId}
        searchable
        required
        data-autofocus
        nothingFoundMessage={t('cases.empty')}
      />
    </DialogForm>
  );
}
