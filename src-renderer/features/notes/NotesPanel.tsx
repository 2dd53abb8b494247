import { Badge, Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../state/store-context';
import { formatDateTime } from '../../ui/format';
import { OfficerName } from '../../ui/Officer';
import { Section } from '../../ui/Section';
import { noteSubjectKey, type NoteSubjectType } from './notes-slice';

const EMPTY: never[] = [];

/** Notes on a report or case: newest first, and a field to add one (Ctrl+Enter saves). */
export function NotesPanel({ subjectType, subjectId }: { subjectType: NoteSubjectType; subjectId: string }) {
  const { t } = useTranslation();
  const notes = useAppStore((state) => state.notes[noteSubjectKey(subjectType, subjectId)] ?? EMPTY);
  const addNote = useAppStore((state) => state.addNote);
  const [body, setBody] = useState('');
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    if (body.trim() === '') return;
    setBusy(true);
    const added = await addNote(subjectType, subjectId, body.trim());
    setBusy(false);
    if (added) setBody('');
  };

  const newestFirst = [...notes].sort((a, b) => b.createdAt.localeCompare(a.createdAt));

  return (
    <Section title={t('notes.title')} testId="notes">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <Textarea
          label={t('notes.label')}
          placeholder={t('notes.placeholder')}
          description={t('notes.hint')}
          autosize
          minRows={2}
          maxRows={10}
          value={body}
          onChange={(event) => setBody(event.currentTarget.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
              event.preventDefault();
              void submit();
            }
          }}
          data-testid="note-input"
        />
        <Group justify="flex-end" mt="xs">
          <Button type="submit" size="compact-sm" loading={busy} disabled={body.trim() === ''} data-testid="note-submit">
            {t('notes.add')}
          </Button>
        </Group>
      </form>
      <Stack gap="xs" mt="sm" component="ul" className="plain-list" aria-label={t('notes.listLabel')}>
        {newestFirst.length === 0 && (
          <Text size="sm" c="dimmed" component="li">
            {t('notes.empty')}
          </Text>
        )}
        {newestFirst.map((note) => (
          <li key={note.noteId} className="note" data-testid="note-item">
            <Group gap="xs" justify="space-between">
              <Text size="xs" c="dimmed">
                <OfficerName id={note.author} /> · {formatDateTime(note.createdAt)}
              </Text>
              {!note.synced && (
                <Badge size="xs" variant="outline" color="gray" tt="none" styles={{ label: { color: 'var(--mantine-color-dark-6)' } }}>
                  {t('notes.unsynced')}
                </Badge>
              )}
            </Group>
            <Text size="sm" className="note-body">
              {note.body}
            </Text>
          </li>
        ))}
      </Stack>
    </Section>
  );
}
