import { Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LinkDecision } from '../../../shared/mutations/kinds';
import { useAppStore } from '../../state/store-context';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { ReasonDialog } from '../../ui/ReasonDialog';
import { Section } from '../../ui/Section';
import { RelatedItem } from './RelatedItem';

interface PendingDecision {
  otherReportId: string;
  decision: LinkDecision;
}

/** Reports sharing a puzzle piece with this one; the officer confirms or rejects each link with a reason. */
export function RelatedList({ reportId }: { reportId: string }) {
  const { t } = useTranslation();
  const related = useAppStore((state) => state.related);
  const error = useAppStore((state) => state.relatedError);
  const decideLink = useAppStore((state) => state.decideLink);
  const loadRelated = useAppStore((state) => state.loadRelated);
  const [pending, setPending] = useState<PendingDecision | null>(null);

  return (
    <Section title={t('cluster.related')} testId="related-list">
      <Text size="sm" c="dimmed" mb="sm">
        {t('cluster.relatedHelp')}
      </Text>
      {error && <ErrorAlert error={error} onRetry={() => void loadRelated(reportId)} />}
      {related === null && !error && <Text size="sm">{t('common.loading')}</Text>}
      {related?.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('cluster.none')}
        </Text>
      )}
      {related && related.length > 0 && (
        <Stack component="ul" gap="sm" className="plain-list">
          {related.map((item) => (
            <RelatedItem
              key={item.reportId}
              related={item}
              onDecide={(decision) => setPending({ otherReportId: item.reportId, decision })}
            />
          ))}
        </Stack>
      )}
      <ReasonDialog
        opened={pending !== null}
        title={pending ? t(`cluster.decideTitle.${pending.decision}`) : ''}
        explanation={pending ? t('cluster.decideExplain', { a: reportId, b: pending.otherReportId }) : ''}
        reasonLabel={t('common.reason')}
        confirmLabel={pending ? t(`cluster.decideConfirm.${pending.decision}`) : ''}
        confirmColor={pending?.decision === 'rejected' ? 'danger' : pending?.decision === 'confirmed' ? 'confirm' : undefined}
        onClose={() => setPending(null)}
        onConfirm={(reason) => (pending ? decideLink(pending.otherReportId, pending.decision, reason) : Promise.resolve(false))}
      />
    </Section>
  );
}
