import { Button, Group, Select, Tabs, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../state/store-context';
import { useOfficerOptions } from '../../state/use-officer-options';
import { addDays, todayIso } from '../../ui/format';

/** A period long enough for most audits; the supervisor widens it. */
const DEFAULT_PERIOD_DAYS = 30;

const submitted = (event: FormEvent, then: () => void) => {
  event.preventDefault();
  then();
};

function ReportQuestion({ reportId }: { reportId?: string }) {
  const { t } = useTranslation();
  const loadLogbook = useAppStore((state) => state.loadLogbook);
  const [asked, setAsked] = useState(reportId ?? '');
  const trimmed = asked.trim();
  return (
    <form onSubmit={(event) => submitted(event, () => void loadLogbook({ reportId: trimmed }))} data-testid="logbook-report-form">
      <Group align="end" gap="sm">
        <TextInput
          size="sm"
          w={260}
          label={t('logbook.reportId')}
          placeholder="IA-2026-0000001"
          value={asked}
          onChange={(event) => setAsked(event.currentTarget.value)}
          data-testid="logbook-report-id"
        />
        <Button type="submit" size="sm" disabled={trimmed === ''} data-testid="logbook-report-ask">
          {t('logbook.ask')}
        </Button>
      </Group>
    </form>
  );
}

function OfficerQuestion() {
  const { t } = useTranslation();
  const loadLogbook = useAppStore((state) => state.loadLogbook);
  const officers = useOfficerOptions();
  const [officer, setOfficer] = useState<string | null>(null);
  const [from, setFrom] = useState(() => addDays(todayIso(), -DEFAULT_PERIOD_DAYS));
  const [to, setTo] = useState(() => todayIso());
  const ask = () => {
    if (officer === null) return;
    void loadLogbook({ officer, ...(from ? { from } : {}), ...(to ? { to } : {}) });
  };
  return (
    <form onSubmit={(event) => submitted(event, ask)} data-testid="logbook-officer-form">
      <Group align="end" gap="sm">
        <Select
          size="sm"
          w={260}
          label={t('logbook.officer')}
          placeholder={t('logbook.pickOfficer')}
          data={officers}
          value={officer}
          onChange={setOfficer}
          searchable
          data-testid="logbook-officer"
        />
        <TextInput size="sm" type="date" w={160} label={t('logbook.from')} value={from} onChange={(event) => setFrom(event.currentTarget.value)} data-testid="logbook-from" />
        <TextInput size="sm" type="date" w={160} label={t('logbook.to')} value={to} onChange={(event) => setTo(event.currentTarget.value)} data-testid="logbook-to" />
        <Button type="submit" size="sm" disabled={officer === null} data-testid="logbook-officer-ask">
          {t('logbook.ask')}
        </Button>
      </Group>
    </form>
  );
}

/** The Logboek's two questions, each on its own tab. */
export function LogbookQuestions({ reportId }: { reportId?: string }) {
  const { t } = useTranslation();
  return (
    <Tabs defaultValue="report" keepMounted={false}>
      <Tabs.List aria-label={t('logbook.questions')} mb="sm">
        <Tabs.Tab value="report" data-testid="logbook-tab-report">
          {t('logbook.byReport')}
        </Tabs.Tab>
        <Tabs.Tab value="officer" data-testid="logbook-tab-officer">
          {t('logbook.byOfficer')}
        </Tabs.Tab>
      </Tabs.List>
      <Tabs.Panel value="report">
        <ReportQuestion reportId={reportId} />
      </Tabs.Panel>
      <Tabs.Panel value="officer">
        <OfficerQuestion />
      </Tabs.Panel>
    </Tabs>
  );
}
