import { Select, SimpleGrid, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../shared/api/views';
import { useAppStore } from '../../state/store-context';
import { SaveForm } from '../../ui/SaveForm';
import { useOfficerOptions } from '../../state/use-officer-options';

/** Title, owner and team of a case; saved together. Remounted (by key) when another case opens. */
export function CaseDetailsForm({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const officers = useOfficerOptions();
  const updateCase = useAppStore((state) => state.updateCase);
  const [title, setTitle] = useState(detail.title);
  const [owner, setOwner] = useState<string | null>(detail.owner);
  const [team, setTeam] = useState(detail.team ?? '');
  const changed = title.trim() !== detail.title || owner !== detail.owner || (team.trim() || null) !== detail.team;

  const save = () => (title.trim() === '' ? null : updateCase({ title: title.trim(), owner, team: team.trim() || null }));

  return (
    <SaveForm onSave={save} saveDisabled={!changed || title.trim() === ''} gap="xs">
      <TextInput
        label={t('cases.fields.title')}
        required
        value={title}
        onChange={(event) => setTitle(event.currentTarget.value)}
        data-testid="case-edit-title"
      />
      <SimpleGrid cols={2} spacing="sm">
        <Select label={t('cases.fields.owner')} data={officers} value={owner} onChange={setOwner} clearable searchable />
        <TextInput label={t('cases.fields.team')} value={team} onChange={(event) => setTeam(event.currentTarget.value)} />
      </SimpleGrid>
    </SaveForm>
  );
}
