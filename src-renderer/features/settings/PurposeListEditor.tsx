import { Button, Group, List, Text, Textarea } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PURPOSE_MAX_LENGTH } from '../../../shared/audit/purpose';
import { selectIsSupervisor } from '../../state/session-selectors';
import { useAppStore } from '../../state/store-context';
import { Section } from '../../ui/Section';
import { useFormSubmit } from '../../ui/use-form-submit';

/** As many as the core accepts (audit.setPurposes): a short list, to choose from at a glance. */
const MAX_PURPOSES = 30;

const linesOf = (text: string) => text.split('\n').map((line) => line.replace(/\s+/g, ' ').trim()).filter((line) => line !== '');

/** The purposes officers choose from when they consult personal data; supervisors edit the list, one per line. */
export function PurposeListEditor() {
  const { t } = useTranslation();
  const purposes = useAppStore((state) => state.purposes);
  const loadPurposes = useAppStore((state) => state.loadPurposes);
  const savePurposes = useAppStore((state) => state.savePurposes);
  const supervisor = useAppStore(selectIsSupervisor);
  const [draft, setDraft] = useState<string | null>(null);
  useEffect(() => {
    if (purposes === null) void loadPurposes();
  }, [purposes, loadPurposes]);

  const text = draft ?? (purposes ?? []).join('\n');
  const lines = linesOf(text);
  const problem =
    lines.length === 0
      ? t('settings.purposes.none')
      : lines.length > MAX_PURPOSES
        ? t('settings.purposes.tooMany', { max: MAX_PURPOSES })
        : lines.some((line) => line.length > PURPOSE_MAX_LENGTH)
          ? t('settings.purposes.tooLong', { max: PURPOSE_MAX_LENGTH })
          : null;
  const { busy, onSubmit } = useFormSubmit(
    () => (problem === null && draft !== null ? savePurposes(lines) : null),
    () => setDraft(null),
  );

  return (
    <Section title={t('settings.purposes.title')} testId="settings-purposes">
      <Text size="sm" mb="xs">
        {t('settings.purposes.explain')}
      </Text>
      {supervisor ? (
        <form onSubmit={onSubmit}>
          <Textarea
            label={t('settings.purposes.label')}
            description={t('settings.purposes.help')}
            autosize
            minRows={4}
            maxRows={14}
            value={text}
            onChange={(event) => setDraft(event.currentTarget.value)}
            error={draft !== null ? problem : undefined}
            data-testid="purposes-input"
          />
          <Group justify="flex-end" mt="sm">
            <Button type="submit" loading={busy} disabled={draft === null || problem !== null} data-testid="purposes-save">
              {t('common.save')}
            </Button>
          </Group>
        </form>
      ) : (
        <>
          <List size="sm" data-testid="purposes-list">
            {(purposes ?? []).map((purpose) => (
              <List.Item key={purpose}>{purpose}</List.Item>
            ))}
          </List>
          <Text size="xs" c="dimmed" mt="xs">
            {t('settings.purposes.supervisorsEdit')}
          </Text>
        </>
      )}
    </Section>
  );
}
