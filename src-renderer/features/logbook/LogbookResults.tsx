import { Alert, Button, Group, Loader, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../state/store-context';
import { saveBlob } from '../../ui/download';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { PurposeDialog } from '../../ui/PurposeDialog';
import { Section } from '../../ui/Section';
import { LogbookTable } from './LogbookTable';

/**
 * Saves exactly the entries shown as CSV (UTF-8 with a byte-order mark, so spreadsheet programs read the accents),
 * after asking why: the export carries officers' work and queries away, and is logged with its purpose.
 */
function CsvDownload() {
  const { t } = useTranslation();
  const exportLogbook = useAppStore((state) => state.exportLogbook);
  const [asking, setAsking] = useState(false);
  const download = async (purpose: string) => {
    const file = await exportLogbook(purpose);
    if (file === null) return false;
    saveBlob(new Blob([`\uFEFF${file.csv}`], { type: 'text/csv;charset=utf-8' }), file.fileName);
    return true;
  };
  return (
    <>
      <Button size="compact-sm" variant="default" onClick={() => setAsking(true)} className="no-print" data-testid="logbook-csv">
        {t('logbook.csv')}
      </Button>
      <PurposeDialog
        opened={asking}
        title={t('logbook.csvPurposeTitle')}
        explanation={t('logbook.csvPurposeExplain')}
        confirmLabel={t('logbook.csv')}
        suggested={null}
        onClose={() => setAsking(false)}
        onConfirm={download}
      />
    </>
  );
}

/** Why only this workstation's log is shown, as the screen says it. */
const LOCAL_ONLY_KEY = { 'no-hub': 'noHub', offline: 'offline', refused: 'refused' } as const;

/** The answer to the question asked: the entries, how many, where they come from, and whether the period must be narrowed. */
export function LogbookResults() {
  const { t } = useTranslation();
  const query = useAppStore((state) => state.logbookQuery);
  const page = useAppStore((state) => state.logbookPage);
  const loading = useAppStore((state) => state.logbookLoading);
  const loadingMore = useAppStore((state) => state.logbookLoadingMore);
  const error = useAppStore((state) => state.logbookError);
  const loadLogbook = useAppStore((state) => state.loadLogbook);
  const loadMoreLogbook = useAppStore((state) => state.loadMoreLogbook);
  if (query === null) return null;
  const title = query.reportId !== undefined ? t('logbook.aboutReport', { reportId: query.reportId }) : t('logbook.aboutOfficer', { officer: query.officer });
  const total = page?.total ?? page?.entries.length ?? 0;
  return (
    <Section title={title} testId="logbook-results" actions={page && !loading && page.entries.length > 0 ? <CsvDownload /> : undefined}>
      {loading && <Loader size="sm" aria-label={t('app.loading')} />}
      {error && <ErrorAlert error={error} onRetry={() => void loadLogbook(query)} />}
      {page && (
        <>
          <Group gap="sm" mb="xs">
            <Text size="sm" data-testid="logbook-count">
              {t('logbook.count', { count: total })}
            </Text>
            {page.source === 'hub' && (
              <Text size="sm" c="dimmed" data-testid="logbook-source">
                {t('logbook.fromHub')}
              </Text>
            )}
          </Group>
          {page.hubUnanswered && (
            <Alert color="yellow" variant="light" mb="xs" data-testid="logbook-local-only">
              {t(`logbook.localOnly.${LOCAL_ONLY_KEY[page.hubUnanswered.reason]}`, { message: page.hubUnanswered.message })}
            </Alert>
          )}
          {page.truncated && (
            <Alert color="yellow" variant="light" mb="xs" data-testid="logbook-truncated">
              {t('logbook.truncated')}
            </Alert>
          )}
          {page.entries.length > 0 && (
            <LogbookTable
              key={[query.reportId, query.officer, query.from, query.to].join('|')}
              entries={page.entries}
              total={total}
              workstationId={page.workstationId}
              hasMore={page.next !== null}
              loadingMore={loadingMore}
              onLoadMore={() => void loadMoreLogbook()}
            />
          )}
        </>
      )}
    </Section>
  );
}
