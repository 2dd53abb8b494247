import { Badge, Button, Group, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MaskedReporter, RevealedReporter } from '../../../shared/api/views';
import type { Reporter } from '../../../shared/intake/schema';
import { useAppStore } from '../../state/store-context';
import { FactList } from '../../ui/FactList';
import { formatDate } from '../../ui/format';
import { PurposeDialog } from '../../ui/PurposeDialog';
import { Section } from '../../ui/Section';

function MaskedFacts({ reporter }: { reporter: MaskedReporter }) {
  const { t } = useTranslation();
  return (
    <>
      <Text size="sm" c="dimmed" mb="xs">
        {t('report.reporter.masked')}
      </Text>
      <FactList
        facts={[
          { label: t('report.reporter.type'), value: t(`report.reporter.types.${reporter.type}`) },
          { label: t('report.reporter.initials'), value: reporter.initials },
          { label: t('report.reporter.organisation'), value: reporter.organisationName },
          {
            label: t('report.reporter.contact'),
            value: reporter.hasContactDetails ? t('report.reporter.hasContact') : t('report.reporter.noContact'),
          },
        ]}
      />
    </>
  );
}

const addressLine = (address: Reporter['address']): string | null => {
  if (!address) return null;
  const street = [address.street, address.houseNumber].filter(Boolean).join(' ');
  const place = [address.postalCode, address.city].filter(Boolean).join(' ');
  return [street, place].filter(Boolean).join(', ') || null;
};

function RevealedFacts({ reporter }: { reporter: RevealedReporter }) {
  const { t } = useTranslation();
  return (
    <FactList
      facts={[
        { label: t('report.reporter.name'), value: reporter.name },
        { label: t('report.reporter.type'), value: t(`report.reporter.types.${reporter.type}`) },
        { label: t('report.reporter.birthDate'), value: reporter.birthDate ? formatDate(reporter.birthDate) : null },
        { label: t('report.reporter.email'), value: reporter.email },
        { label: t('report.reporter.phone'), value: reporter.phone },
        { label: t('report.reporter.address'), value: addressLine(reporter.address) },
        { label: t('report.reporter.organisation'), value: reporter.organisation?.name },
        { label: t('report.reporter.kvk'), value: reporter.organisation?.kvkNumber },
        {
          label: t('report.reporter.ownIndicators'),
          value: reporter.ownIndicators.length > 0 ? reporter.ownIndicators.map((own) => `${t(`indicatorType.${own.type}`)} ${own.raw}`).join(' · ') : null,
        },
      ]}
    />
  );
}

/**
 * The reporter's personal data stays masked until the officer states why they need it (the purpose the report
 * was opened under is offered); the main process logs it. Leaving the report forgets what was revealed.
 */
export function ReporterSection({ reporter, reportId }: { reporter: MaskedReporter | null; reportId: string }) {
  const { t } = useTranslation();
  const revealed = useAppStore((state) => state.revealedReporter);
  const revealReporter = useAppStore((state) => state.revealReporter);
  const hideReporter = useAppStore((state) => state.hideReporter);
  const reportPurpose = useAppStore((state) => state.reportPurpose);
  const [asking, setAsking] = useState(false);

  const action = revealed ? (
    <Button size="compact-sm" variant="default" onClick={hideReporter} data-testid="hide-reporter">
      {t('report.reporter.hide')}
    </Button>
  ) : (
    reporter && (
      <Button size="compact-sm" variant="light" onClick={() => setAsking(true)} data-testid="reveal-reporter">
        {t('report.reporter.reveal')}
      </Button>
    )
  );

  return (
    <Section title={t('report.reporter.title')} testId="report-reporter" actions={action}>
      {revealed ? (
        <>
          <Group mb="xs">
            <Badge color="orange" variant="light" tt="none" styles={{ label: { color: 'var(--mantine-color-dark-8)' } }}>
              {t('report.reporter.revealedBadge')}
            </Badge>
          </Group>
          <div data-testid="reporter-revealed">
            <RevealedFacts reporter={revealed} />
          </div>
        </>
      ) : reporter ? (
        <div data-testid="reporter-masked">
          <MaskedFacts reporter={reporter} />
        </div>
      ) : (
        <Text size="sm" c="dimmed">
          {t('report.reporter.none')}
        </Text>
      )}
      <PurposeDialog
        opened={asking}
        title={t('report.reporter.revealTitle')}
        explanation={t('report.reporter.revealExplain', { id: reportId })}
        suggested={reportPurpose}
        confirmLabel={t('report.reporter.revealConfirm')}
        onClose={() => setAsking(false)}
        onConfirm={revealReporter}
      />
    </Section>
  );
}
