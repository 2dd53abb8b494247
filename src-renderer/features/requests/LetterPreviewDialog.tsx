import { Button, Group, Loader, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../state/store-context';
import { Dialog } from '../../ui/Dialog';
import { pdfBlob, saveBlob } from '../../ui/download';

interface Letter {
  fileName: string;
  blob: Blob;
  url: string;
}

/** The request letter as the addressee will read it: the PDF in a frame, and a download; open once a purpose is given. */
export function LetterPreviewDialog({ actionId, purpose, onClose }: { actionId: string; purpose: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Dialog opened={purpose !== null} onClose={onClose} title={t('requests.documents.previewTitle')} size="80rem">
      {purpose !== null && <LetterPreview actionId={actionId} purpose={purpose} />}
    </Dialog>
  );
}

function LetterPreview({ actionId, purpose }: { actionId: string; purpose: string }) {
  const { t } = useTranslation();
  const fetchRequestLetter = useAppStore((state) => state.fetchRequestLetter);
  const [letter, setLetter] = useState<Letter | null>(null);

  useEffect(() => {
    let made: Letter | null = null;
    let cancelled = false;
    void fetchRequestLetter(actionId, purpose).then((result) => {
      if (!result || cancelled) return;
      const blob = pdfBlob(result.contentBase64);
      made = { fileName: result.fileName, blob, url: URL.createObjectURL(blob) };
      setLetter(made);
    });
    return () => {
      cancelled = true;
      if (made) URL.revokeObjectURL(made.url);
    };
  }, [actionId, purpose, fetchRequestLetter]);

  if (!letter) return <Loader size="sm" aria-label={t('common.loading')} />;
  return (
    <Stack gap="sm">
      <iframe src={letter.url} title={t('requests.documents.frameLabel')} className="letter-frame" data-testid="letter-frame" />
      <Group justify="space-between">
        <Text size="xs" c="dimmed">
          {t('requests.documents.previewFallback')}
        </Text>
        <Button size="compact-sm" onClick={() => saveBlob(letter.blob, letter.fileName)} data-testid="letter-download-preview">
          {t('requests.documents.downloadLetter')}
        </Button>
      </Group>
    </Stack>
  );
}
