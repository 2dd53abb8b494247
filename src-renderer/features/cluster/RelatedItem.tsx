import { Badge, Button, Group, Paper, Stack, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RelatedReportView } from '../../../shared/api/views';
import type { LinkDecision } from '../../../shared/mutations/kinds';
import { useAppStore } from '../../state/store-context';
import { IndicatorTypeBadge } from '../../ui/badges';
import { formatDateTime } from '../../ui/format';
import { OfficerName } from '../../ui/Officer';
import { IndicatorLink } from '../../ui/IndicatorLink';

const badgeLabel = { label: { color: 'var(--mantine-color-dark-8)' } };

function DecisionLine({ decision }: { decision: NonNullable<RelatedReportView['decision']> }) {
  const { t } = useTranslation();
  return (
    <Group gap="xs" wrap="wrap">
      <Badge color={decision.decision === 'confirmed' ? 'green' : 'red'} variant="light" styles={badgeLabel} tt="none">
        {t(`cluster.decision.${decision.decision}`)}
      </Badge>
      <Text size="xs" c="dimmed">
        <OfficerName id={decision.decidedBy} /> · {formatDateTime(decision.decidedAt)}
        {decision.reason ? ` · ${decision.reason}` : ''}
      </Text>
    </Group>
  );
}

/** One related report: why it is related (shared pieces and the fields on both sides) and the decision. */
export function RelatedItem({ related, onDecide }: { related: RelatedReportView; onDecide: (decision: LinkDecision) => void }) {
  const { t } = useTranslation();
  const openReport = useAppStore((state) => state.openReport);
  const headingId = `related-${related.reportId}-title`;
  return (
    <Paper component="li" withBorder p="sm" radius="sm" aria-labelledby={headingId} data-testid={`related-${related.reportId}`} className="related-item">
      <Stack gap={6}>
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <div>
            <UnstyledButton id={headingId} className="link-button mono" onClick={() => openReport(related.reportId)}>
              {related.reportId}
            </UnstyledButton>
            <Text span size="sm" c="dimmed" ml="xs">
              {t(`categories.${related.category}`)} · {formatDateTime(related.receivedAt)}
            </Text>
          </div>
          <Group gap={6} wrap="nowrap">
            {related.decision ? (
              <Button size="compact-xs" variant="default" onClick={() => onDecide('undecided')} data-testid="link-undo">
                {t('cluster.undo')}
              </Button>
            ) : (
              <>
                <Button size="compact-xs" color="confirm" onClick={() => onDecide('confirmed')} data-testid="link-confirm">
                  {t('cluster.confirm')}
                </Button>
                <Button size="compact-xs" color="danger" variant="outline" onClick={() => onDecide('rejected')} data-testid="link-reject">
                  {t('cluster.reject')}
                </Button>
              </>
            )}
          </Group>
        </Group>
        {related.summary && <Text size="sm">{related.summary}</Text>}
        {related.decision && <DecisionLine decision={related.decision} />}
        <ul className="plain-list shared-list" aria-label={t('cluster.sharedLabel')}>
          {related.shared.map((shared) => (
            <li key={`${shared.type}:${shared.value}`} className="shared-indicator">
              <IndicatorTypeBadge type={shared.type} />
              <IndicatorLink type={shared.type} value={shared.value} />
              <Text span size="xs" c="dimmed">
                {t('cluster.fields', { here: shared.fields.join(', '), there: shared.theirFields.join(', ') })}
              </Text>
            </li>
          ))}
        </ul>
      </Stack>
    </Paper>
  );
}
