import { Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ACTION_KIND_OF_INDICATOR } from '../../../shared/actions/lifecycle';
import { INDICATOR_TYPES, type IndicatorType } from '../../../shared/indicators/types';
import { Section } from '../../ui/Section';
import { DraftActionButton } from './DraftActionButton';
import { SubjectActionList } from './SubjectActionList';

/** On a case: a request about one of its puzzle pieces, or a prevention warning; and the requests made before. */
export function CaseActionPanel({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const [type, setType] = useState<IndicatorType>('iban');
  const [value, setValue] = useState('');
  const kind = ACTION_KIND_OF_INDICATOR[type];
  return (
    <Section title={t('actions.subject.title')} testId="case-actions">
      <Stack gap="sm">
        <Text size="sm">{t('actions.case.explain')}</Text>
        <Group gap="xs" align="flex-end">
          <Select
            w={200}
            label={t('actions.case.type')}
            data={INDICATOR_TYPES.map((item) => ({ value: item, label: t(`indicatorType.${item}`) }))}
            value={type}
            allowDeselect={false}
            onChange={(next) => next && setType(next)}
          />
          <TextInput w={300} label={t('actions.case.value')} value={value} onChange={(event) => setValue(event.currentTarget.value)} data-testid="case-action-value" />
          <DraftActionButton kind={kind} disabled={value.trim() === ''} query={{ kind, indicatorType: type, indicatorValue: value.trim(), caseId }} />
        </Group>
        <div>
          <DraftActionButton kind="prevention_warning" variant="default" query={{ kind: 'prevention_warning', caseId }} />
        </div>
        <SubjectActionList query={{ caseId }} />
      </Stack>
    </Section>
  );
}
