import { Button, Group, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { INDICATOR_TYPES, type IndicatorType } from '../../../shared/indicators/types';
import { useAppStore } from '../../state/store-context';
import { IndicatorTypeBadge } from '../../ui/badges';
import { DataTable } from '../../ui/DataTable';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { EvidenceValue } from '../../ui/EvidenceValue';
import { formatDateTime } from '../../ui/format';
import { OfficerName } from '../../ui/Officer';
import { Section } from '../../ui/Section';
import { useFormSubmit } from '../../ui/use-form-submit';

function AddBenignForm() {
  const { t } = useTranslation();
  const addBenign = useAppStore((state) => state.addBenign);
  const [type, setType] = useState<IndicatorType>('phone');
  const [value, setValue] = useState('');
  const [reason, setReason] = useState('');
  const ready = value.trim() !== '' && reason.trim() !== '';
  const { busy, onSubmit } = useFormSubmit(
    () => (ready ? addBenign(type, value.trim(), reason.trim()) : null),
    () => {
      setValue('');
      setReason('');
    },
  );

  return (
    <form onSubmit={onSubmit} data-testid="benign-add-form">
      <Group align="flex-end" gap="sm" wrap="wrap">
        <Select
          label={t('settings.benign.type')}
          w={190}
          data={INDICATOR_TYPES.map((item) => ({ value: item, label: t(`indicatorType.${item}`) }))}
          value={type}
          allowDeselect={false}
          onChange={(next) => next && setType(next)}
        />
        <TextInput
          label={t('settings.benign.value')}
          description={t('settings.benign.valueHelp')}
          w={280}
          required
          value={value}
          onChange={(event) => setValue(event.currentTarget.value)}
          data-testid="benign-value-input"
        />
        <TextInput
          label={t('common.reason')}
          w={300}
          required
          value={reason}
          onChange={(event) => setReason(event.currentTarget.value)}
          data-testid="benign-reason-input"
        />
        <Button type="submit" loading={busy} disabled={!ready} data-testid="benign-add">
          {t('common.add')}
        </Button>
      </Group>
    </form>
  );
}

/** Values shared by many reports without meaning anything (a bank's own helpdesk number); they link nothing. */
export function BenignListEditor() {
  const { t } = useTranslation();
  const entries = useAppStore((state) => state.benignEntries);
  const error = useAppStore((state) => state.benignError);
  const removeBenign = useAppStore((state) => state.removeBenign);
  const loadBenignList = useAppStore((state) => state.loadBenignList);

  return (
    <Section title={t('settings.benign.title')} testId="settings-benign">
      <Stack gap="sm">
        <Text size="sm">{t('settings.benign.explain')}</Text>
        <AddBenignForm />
        {error && <ErrorAlert error={error} onRetry={() => void loadBenignList()} />}
        {entries?.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('settings.benign.empty')}
          </Text>
        )}
        {entries && entries.length > 0 && (
          <DataTable
            minWidth={720}
            testId="benign-table"
            withActionsColumn
            head={
              <>
                <Table.Th>{t('settings.benign.type')}</Table.Th>
                <Table.Th>{t('settings.benign.value')}</Table.Th>
                <Table.Th>{t('common.reason')}</Table.Th>
                <Table.Th>{t('settings.benign.addedBy')}</Table.Th>
                <Table.Th>{t('settings.benign.addedAt')}</Table.Th>
              </>
            }
          >
            {entries.map((entry) => (
              <Table.Tr key={`${entry.type}:${entry.value}`}>
                <Table.Td>
                  <IndicatorTypeBadge type={entry.type} />
                </Table.Td>
                <Table.Td>
                  <EvidenceValue type={entry.type} value={entry.value} />
                </Table.Td>
                <Table.Td>{entry.reason}</Table.Td>
                <Table.Td>
                  <OfficerName id={entry.addedBy} />
                </Table.Td>
                <Table.Td className="nowrap">{formatDateTime(entry.addedAt)}</Table.Td>
                <Table.Td>
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    color="danger"
                    onClick={() => void removeBenign(entry.type, entry.value)}
                    aria-label={t('settings.benign.removeLabel', { value: entry.value })}
                  >
                    {t('common.remove')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </DataTable>
        )}
      </Stack>
    </Section>
  );
}
