import { Button, Group } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../state/store-context';
import { jsonBlob, pdfBlob, saveBlob } from '../../ui/download';
import { Section } from '../../ui/Section';
import { LetterPreviewDialog } from './LetterPreviewDialog';

/** The request letter (PDF: preview and download) and the machine-readable export (JSON). */
export function ActionDocuments({ actionId }: { actionId: string }) {
  const { t } = useTranslation();
  const fetchActionLetter = useAppStore((state) => state.fetchActionLetter);
  const fetchActionExport = useAppStore((state) => state.fetchActionExport);
  const [previewing, setPreviewing] = useState(false);
  const [busy, setBusy] = useState<'letter' | 'export' | null>(null);

  const downloadLetter = async () => {
    setBusy('letter');
    const letter = await fetchActionLetter(actionId);
    setBusy(null);
    if (letter) saveBlob(pdfBlob(letter.contentBase64), letter.fileName);
  };

  const downloadExport = async () => {
    setBusy('export');
    const exported = await fetchActionExport(actionId);
    setBusy(null);
    if (exported) saveBlob(jsonBlob(exported.document), exported.fileName);
  };

  return (
    <Section title={t('actions.documents.title')} testId="action-documents">
      <Group gap="xs">
        <Button size="compact-sm" variant="default" onClick={() => setPreviewing(true)} data-testid="letter-preview">
          {t('actions.documents.preview')}
        </Button>
        <Button size="compact-sm" variant="default" loading={busy === 'letter'} onClick={() => void downloadLetter()} data-testid="letter-download">
          {t('actions.documents.downloadLetter')}
        </Button>
        <Button size="compact-sm" variant="default" loading={busy === 'export'} onClick={() => void downloadExport()} data-testid="action-export">
          {t('actions.documents.exportJson')}
        </Button>
      </Group>
      <LetterPreviewDialog actionId={actionId} opened={previewing} onClose={() => setPreviewing(false)} />
    </Section>
  );
}
