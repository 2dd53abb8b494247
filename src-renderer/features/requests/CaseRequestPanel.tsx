import { Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { REQUEST_KIND_OF_INDICATOR } from '../../../shared/requests/lifecycle';
import type { CaseDetail } from '../../../shared/api/views';
import { INDICATOR_TYPES, type IndicatorType } from '../../../shared/indicators/types';
import { defang } from '../../ui/defang';
import { Section } from '../../ui/Section';
import { DraftRequestButton } from './DraftRequestButton';
import { SubjectRequestList } from './SubjectRequestList';

/** The picker's value for a piece typed by hand rather than taken from the case. */
const TYPED = 'typed';
const keyOf = (indicator: { type: IndicatorType; value: string }) => `${indicator.type}|${indicator.value}`;

/**
 * On a case: a request about one of its puzzle pieces (picked from its reports, or typed when it is not in them
 * yet), or a prevention warning; and the requests made before.
 */
export function CaseRequestPanel({ caseId, indicators }: { caseId: string; indicators: CaseDetail['indicators'] }) {
  const { t } = useTranslation();
  const [chosenKey, setChosenKey] = useState<string | null>(null);
  const [typedType, setTypedType] = useState<IndicatorType>('iban');
  const [typedValue, setTypedValue] = useState('');
  const picked = chosenKey === TYPED ? undefined : (indicators.find((indicator) => keyOf(indicator) === chosenKey) ?? indicators[0]);
  const subject = picked ?? { type: typedType, value: typedValue.trim() };
  const kind = REQUEST_KIND_OF_INDICATOR[subject.type];
  const options = [
    ...indicators.map((indicator) => ({
      value: keyOf(indicator),
      label: t('requests.cluster.indicatorOption', { type: t(`indicatorType.${indicator.type}`), value: defang(indicator.type, indicator.value), count: indicator.reports }),
    })),
    { value: TYPED, label: t('requests.case.typed') },
  ];

  return (
    <Section title={t('requests.subject.title')} testId="case-actions">
      <Stack gap="sm">
        <Text size="sm">{t('requests.case.explain')}</Text>
        <Select
          label={t('requests.cluster.indicator')}
          data={options}
          value={picked ? keyOf(picked) : TYPED}
          allowDeselect={false}
          onChange={setChosenKey}
          maw={560}
          data-testid="case-action-indicator"
        />
        <Group gap="xs" align="flex-end">
          {!picked && (
            <>
              <Select
                w={200}
                label={t('requests.case.type')}
                data={INDICATOR_TYPES.map((item) => ({ value: item, label: t(`indicatorType.${item}`) }))}
                value={typedType}
                allowDeselect={false}
                onChange={(next) => next && setTypedType(next)}
              />
              <TextInput w={300} label={t('requests.case.value')} value={typedValue} onChange={(event) => setTypedValue(event.currentTarget.value)} data-testid="case-action-value" />
            </>
          )}
          <DraftRequestButton kind={kind} disabled={subject.value === ''} query={{ kind, indicatorType: subject.type, indicatorValue: subject.value, caseId }} />
          <DraftRequestButton kind="prevention_warning" variant="default" query={{ kind: 'prevention_warning', caseId }} />
        </Group>
        <SubjectRequestList query={{ caseId }} />
      </Stack>
    </Section>
  );
}
