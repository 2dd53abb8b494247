import { List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { defangFreeText } from '../../ui/defang';
import { Section } from '../../ui/Section';
import type { SuspectList } from './record-readers';

/** Lists whose values are evidence to copy exactly (defanged), in monospace. */
const EVIDENCE_LISTS: ReadonlySet<SuspectList> = new Set(['phoneNumbers', 'emailAddresses', 'websites', 'bankAccounts', 'cryptoAddresses']);

export function SuspectSection({ lists }: { lists: Array<{ list: SuspectList; values: string[] }> }) {
  const { t } = useTranslation();
  return (
    <Section title={t('report.suspect.title')} testId="report-suspect">
      {lists.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('report.suspect.none')}
        </Text>
      ) : (
        <dl className="fact-list" style={{ gridTemplateColumns: 'max-content minmax(0, 1fr)' }}>
          {lists.map(({ list, values }) => (
            <div key={list} className="fact">
              <dt>{t(`report.suspect.${list}`)}</dt>
              <dd>
                <List size="sm" listStyleType="none" spacing={2}>
                  {values.map((value, index) => (
                    <List.Item key={index} ff={EVIDENCE_LISTS.has(list) ? 'monospace' : undefined}>
                      {defangFreeText(value)}
                    </List.Item>
                  ))}
                </List>
              </dd>
            </div>
          ))}
        </dl>
      )}
    </Section>
  );
}
