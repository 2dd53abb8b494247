import { Button, Group, Select, Stack, Text } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DIRECTORY_KINDS, type DirectoryEntryView, type DirectoryKind } from '../../../shared/requests/directory';
import { useAppStore } from '../../state/store-context';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { SupervisorScreen } from '../../ui/SupervisorScreen';
import { DirectoryEntryDialog } from './DirectoryEntryDialog';
import { DirectoryTable } from './DirectoryTable';

const ALL = 'all';
type Editing = { entry?: DirectoryEntryView } | null;

function DirectoryEditor() {
  const { t } = useTranslation();
  const entries = useAppStore((state) => state.directoryEntries);
  const error = useAppStore((state) => state.directoryError);
  const loadDirectory = useAppStore((state) => state.loadDirectory);
  const [kind, setKind] = useState<DirectoryKind | typeof ALL>(ALL);
  const [editing, setEditing] = useState<Editing>(null);
  const shown = useMemo(
    () => (entries ?? []).filter((entry) => kind === ALL || entry.kind === kind).sort((a, b) => a.kind.localeCompare(b.kind) || a.name.localeCompare(b.name, 'nl')),
    [entries, kind],
  );

  return (
    <Stack gap="sm">
      <Group align="flex-end" gap="sm">
        <Select
          w={260}
          label={t('directory.kindFilter')}
          data={[{ value: ALL, label: t('directory.allKinds') }, ...DIRECTORY_KINDS.map((value) => ({ value, label: t(`directoryKind.${value}`) }))]}
          value={kind}
          allowDeselect={false}
          onChange={(value) => value && setKind(value)}
          data-testid="directory-kind-filter"
        />
        <Button size="sm" onClick={() => setEditing({})} data-testid="directory-add">
          {t('directory.add')}
        </Button>
      </Group>
      {error && <ErrorAlert error={error} onRetry={() => void loadDirectory()} />}
      {entries && shown.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('directory.empty')}
        </Text>
      )}
      {shown.length > 0 && <DirectoryTable entries={shown} onEdit={(entry) => setEditing({ entry })} />}
      <DirectoryEntryDialog opened={editing !== null} onClose={() => setEditing(null)} entry={editing?.entry} kind={kind === ALL ? 'bank' : kind} />
    </Stack>
  );
}

/** Supervisors: the addressees of requests, by kind. */
export function DirectoryScreen() {
  const { t } = useTranslation();
  return (
    <SupervisorScreen title={t('directory.title')} explanation={t('directory.explain')} maxWidth={1400}>
      <DirectoryEditor />
    </SupervisorScreen>
  );
}
