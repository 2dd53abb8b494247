import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { defangFreeText } from '../../ui/defang';
import { FactList } from '../../ui/FactList';
import { formatDecimalAmount } from '../../ui/format';
import { Section } from '../../ui/Section';
import type { RansomwareFacts } from './record-readers';

/** Ransomware facts; the ransom note is the attacker's text and is shown as text, defanged. */
export function RansomwareSection({ facts }: { facts: RansomwareFacts }) {
  const { t } = useTranslation();
  return (
    <Section title={t('report.ransomware.title')} testId="report-ransomware">
      <FactList
        facts={[
          { label: t('report.ransomware.family'), value: facts.family },
          { label: t('report.ransomware.extension'), value: facts.encryptedExtension },
          { label: t('report.ransomware.demand'), value: facts.demandAmount && formatDecimalAmount(facts.demandAmount, facts.demandCurrency) },
          { label: t('report.ransomware.contact'), value: facts.contact && defangFreeText(facts.contact) },
        ]}
      />
      {facts.ransomNote && (
        <>
          <Text size="sm" fw={600} mt="sm">
            {t('report.ransomware.note')}
          </Text>
          <pre className="untrusted-text" data-testid="ransom-note">
            {defangFreeText(facts.ransomNote)}
          </pre>
        </>
      )}
    </Section>
  );
}
