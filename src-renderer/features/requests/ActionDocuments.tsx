import { Button, Group } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { WARNING_FORMATS, type WarningFormat } from '../../../shared/api/action-views';
import type { ActionKind } from '../../../shared/requests/lifecycle';
import { useAppStore } from '../../state/store-context';
import { documentBlob, jsonBlob, pdfBlob, saveBlob } from '../../ui/download';
import { Section } from '../../ui/Section';
import { LetterPreviewDialog } from './LetterPreviewDialog';

const WARNING_LABEL = { text: 'actions.documents.warningText', html: 'actions.documents.warningHtml', pdf: 'actions.documents.warningPdf' } as const;

/** A prevention warning for the public: its text, an HTML page and a PDF (no letter: it has no addressee to write to). */
function WarningDocuments({ actionId }: { actionId: string }) {
  const { t } = useTranslation();
  const fetchWarningDocument = useAppStore((state) => state.fetchWarningDocument);
  const [busy, setBusy] = useState<WarningFormat | null>(null);
  const download = async (format: WarningFormat) => {
    setBusy(format);
    const file = await fetchWarningDocument(actionId, format);
    setBusy(null);
    if (file) saveBlob(documentBlob(file), file.fileName);
  };
  return (
    <Group gap="xs">
      {WARNING_FORMATS.map((format) => (
        <Button key={format} size="compact-sm" variant="default" loading={busy === format} onClick={() => void download(format)} data-testid={`warning-${format}`}>
          {t(WARNING_LABEL[format])}
        </Button>
      ))}
    </Group>
  );
}

/** The request letter (PDF: preview and download) and the machine-readable export (JSON); a warning's public texts. */
export function ActionDocuments({ actionId, kind }: { actionId: string; kind: ActionKind }) {
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
      {kind === 'prevention_warning' ? (
        <WarningDocuments actionId={actionId} />
      ) : (
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
      )}
      <LetterPreviewDialog actionId={actionId} opened={previewing} onClose={() => setPreviewing(false)} />
    </Section>
  );
}
