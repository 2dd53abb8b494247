import { Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DraftRequestButton } from './DraftRequestButton';
import { batchOfIndicators, type BatchIndicator, type LetterBatch } from './letter-batch';

interface BatchDraftBarProps {
  batch: LetterBatch;
  /** What was chosen, e.g. "2 gekozen voor één brief aan dezelfde bank of aanbieder". */
  chosen: string;
  testId: string;
}

/** What was chosen for one letter, and the button that drafts it — or, in words, why it cannot be one letter. */
export function BatchDraftBar({ batch, chosen, testId }: BatchDraftBarProps) {
  const { t } = useTranslation();
  return (
    <Group gap="sm" mt="xs" className="no-print" data-testid={testId}>
      <Text size="sm">{chosen}</Text>
      {'problem' in batch ? (
        <Text size="sm" c="red.8">
          {t(`requests.batch.${batch.problem}`)}
        </Text>
      ) : (
        <DraftRequestButton kind={batch.kind} query={batch.query} replaces={batch.replaces} />
      )}
    </Group>
  );
}

/** The batchDraft slot: indicators chosen elsewhere (what to stop first); nothing until two are chosen. */
export function IndicatorBatchBar({ indicators, chosen, testId }: { indicators: readonly BatchIndicator[]; chosen: string; testId: string }) {
  if (indicators.length < 2) return null;
  return <BatchDraftBar batch={batchOfIndicators(indicators)} chosen={chosen} testId={testId} />;
}
