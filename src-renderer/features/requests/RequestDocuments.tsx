import { Button, Group } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { WARNING_FORMATS, type WarningFormat } from '../../../shared/api/request-views';
import type { RequestKind } from '../../../shared/requests/lifecycle';
import { useAppStore } from '../../state/store-context';
import { documentBlob, jsonBlob, pdfBlob, saveBlob } from '../../ui/download';
import { PurposeDialog } from '../../ui/PurposeDialog';
import { Section } from '../../ui/Section';
import { LetterPreviewDialog } from './LetterPreviewDialog';

const WARNING_LABEL = { text: 'requests.documents.warningText', html: 'requests.documents.warningHtml', pdf: 'requests.documents.warningPdf' } as const;

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

type Document = 'preview' | 'letter' | 'export';

/**
 * The request letter (PDF: preview and download) and the machine-readable export (JSON); a warning's public texts.
 * A letter or export leaves the workstation with the bundle (and the reporters' data when included): each is made
 * under a purpose, the last one for this request or its reports' case preselected.
 */
export function RequestDocuments({ actionId, kind }: { actionId: string; kind: RequestKind }) {
  const { t } = useTranslation();
  const fetchRequestLetter = useAppStore((state) => state.fetchRequestLetter);
  const fetchRequestExport = useAppStore((state) => state.fetchRequestExport);
  const suggestRequestPurpose = useAppStore((state) => state.suggestRequestPurpose);
  const [asking, setAsking] = useState<{ document: Document; suggested: string | null } | null>(null);
  const [previewPurpose, setPreviewPurpose] = useState<string | null>(null);

  const ask = async (document: Document) => setAsking({ document, suggested: await suggestRequestPurpose() });

  const make = async (purpose: string): Promise<boolean> => {
    if (asking?.document === 'preview') {
      setPreviewPurpose(purpose);
      return true;
    }
    if (asking?.document === 'letter') {
      const letter = await fetchRequestLetter(actionId, purpose);
      if (letter) saveBlob(pdfBlob(letter.contentBase64), letter.fileName);
      return letter !== null;
    }
    const exported = await fetchRequestExport(actionId, purpose);
    if (exported) saveBlob(jsonBlob(exported.document), exported.fileName);
    return exported !== null;
  };

  return (
    <Section title={t('requests.documents.title')} testId="request-documents">
      {kind === 'prevention_warning' ? (
        <WarningDocuments actionId={actionId} />
      ) : (
        <Group gap="xs">
          <Button size="compact-sm" variant="default" onClick={() => void ask('preview')} data-testid="letter-preview">
            {t('requests.documents.preview')}
          </Button>
          <Button size="compact-sm" variant="default" onClick={() => void ask('letter')} data-testid="letter-download">
            {t('requests.documents.downloadLetter')}
          </Button>
          <Button size="compact-sm" variant="default" onClick={() => void ask('export')} data-testid="request-export">
            {t('requests.documents.exportJson')}
          </Button>
        </Group>
      )}
      <PurposeDialog
        opened={asking !== null}
        title={t(`requests.documents.purposeTitle.${asking?.document ?? 'letter'}`)}
        explanation={t('requests.documents.purposeExplain')}
        confirmLabel={t(`requests.documents.purposeConfirm.${asking?.document ?? 'letter'}`)}
        suggested={asking?.suggested ?? null}
        onClose={() => setAsking(null)}
        onConfirm={make}
      />
      <LetterPreviewDialog actionId={actionId} purpose={previewPurpose} onClose={() => setPreviewPurpose(null)} />
    </Section>
  );
}
