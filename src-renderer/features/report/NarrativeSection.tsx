import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ReportDetail } from '../../../shared/api/views';
import { labelFor } from '../../i18n/label-for';
import { defangFreeText } from '../../ui/defang';
import { FactList } from '../../ui/FactList';
import { formatDateTime } from '../../ui/format';
import { Section } from '../../ui/Section';
import { segmentNarrative } from './narrative-segments';
import { readIncident } from './record-readers';

/**
 * The victim's own words, with the indicators found in them marked in place. Every piece is rendered as text
 * (React escapes it); URLs and addresses are defanged so nothing in the story can be clicked.
 */
export function Narrative({ text, highlights }: { text: string; highlights: ReportDetail['narrativeHighlights'] }) {
  const { t } = useTranslation();
  return (
    <div className="narrative" data-testid="narrative-text">
      {segmentNarrative(text, highlights).map((segment) =>
        segment.highlight ? (
          <mark
            key={segment.start}
            className={`highlight highlight-${segment.highlight.type}${segment.highlight.benign ? ' benign' : ''}`}
            title={`${t(`indicatorType.${segment.highlight.type}`)}${segment.highlight.benign ? ` · ${t('indicators.benign')}` : ''}`}
            data-indicator-type={segment.highlight.type}
          >
            {defangFreeText(segment.text)}
          </mark>
        ) : (
          <span key={segment.start}>{defangFreeText(segment.text)}</span>
        ),
      )}
    </div>
  );
}

export function NarrativeSection({ report }: { report: ReportDetail }) {
  const { t } = useTranslation();
  const incident = readIncident(report.record);
  return (
    <Section title={t('report.narrative.title')} testId="report-narrative">
      <FactList
        columns={3}
        facts={[
          { label: t('report.narrative.firstContact'), value: incident.firstContactAt && formatDateTime(incident.firstContactAt) },
          { label: t('report.narrative.lastContact'), value: incident.lastContactAt && formatDateTime(incident.lastContactAt) },
          {
            label: t('report.narrative.contactMethod'),
            value: incident.contactMethod && labelFor(t, 'contactMethod', incident.contactMethod),
          },
        ]}
      />
      {report.narrative ? (
        <>
          <Narrative text={report.narrative} highlights={report.narrativeHighlights} />
          {report.narrativeHighlights.length > 0 && (
            <Text size="xs" c="dimmed" mt="xs">
              {t('report.narrative.legend')}
            </Text>
          )}
        </>
      ) : (
        <Text size="sm" c="dimmed">
          {t('report.narrative.none')}
        </Text>
      )}
    </Section>
  );
}
