import { Alert, Checkbox, Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AddresseeRoute } from '../../../shared/api/request-views';
import { AddresseeRouteFacts } from './AddresseeRouteFacts';
import { useAddresseeOptions } from './use-addressee-options';

/** What the officer writes in a request, in the draft and while it is a concept. */
export interface RequestContent {
  title: string;
  addresseeId: string | null;
  legalBasis: string;
  body: string;
  includePersonalData: boolean;
}

interface RequestContentFieldsProps {
  value: RequestContent;
  onChange: (patch: Partial<RequestContent>) => void;
  route: AddresseeRoute;
  /** Shown under the title once the officer tried to save without one. */
  titleError?: string;
  /** Why the personal data goes along: asked under the warning once the officer includes it. */
  personalDataPurpose?: ReactNode;
}

export function RequestContentFields({ value, onChange, route, titleError, personalDataPurpose }: RequestContentFieldsProps) {
  const { t } = useTranslation();
  const addressees = useAddresseeOptions(route);
  return (
    <Stack gap="sm">
      <div>
        <Select
          label={t('requests.draft.addressee')}
          data={addressees}
          value={value.addresseeId}
          onChange={(addresseeId) => onChange({ addresseeId })}
          clearable
          searchable
          placeholder={addressees.length === 0 ? t('requests.draft.addresseeNone') : undefined}
          data-testid="action-addressee"
        />
        {route.suggestedId === null && addressees.length === 0 && (
          <Text size="xs" c="warn" mt={4}>
            {t('requests.draft.addresseeNone')}
          </Text>
        )}
        <div style={{ marginTop: 6 }}>
          <AddresseeRouteFacts route={route} />
        </div>
      </div>
      <TextInput
        label={t('requests.draft.titleLabel')}
        withAsterisk
        aria-required
        value={value.title}
        onChange={(event) => onChange({ title: event.currentTarget.value })}
        error={titleError}
        data-testid="action-title"
      />
      <Textarea
        label={t('requests.draft.legalBasis')}
        autosize
        minRows={2}
        maxRows={5}
        value={value.legalBasis}
        onChange={(event) => onChange({ legalBasis: event.currentTarget.value })}
        data-testid="action-legal-basis"
      />
      <Textarea
        label={t('requests.draft.body')}
        autosize
        minRows={6}
        maxRows={16}
        value={value.body}
        onChange={(event) => onChange({ body: event.currentTarget.value })}
        data-testid="action-body"
      />
      <Checkbox
        label={t('requests.draft.includePersonalData')}
        description={t('requests.draft.personalDataHelp')}
        checked={value.includePersonalData}
        onChange={(event) => onChange({ includePersonalData: event.currentTarget.checked })}
        data-testid="action-personal-data"
      />
      {value.includePersonalData && (
        <Alert color="warn" variant="light" role="alert" data-testid="personal-data-warning">
          {t('requests.draft.personalDataWarning')}
        </Alert>
      )}
      {value.includePersonalData && personalDataPurpose}
    </Stack>
  );
}
