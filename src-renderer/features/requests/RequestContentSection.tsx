import { Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RequestDetail } from '../../../shared/api/request-views';
import { useAppStore } from '../../state/store-context';
import { FactList } from '../../ui/FactList';
import { SaveForm } from '../../ui/SaveForm';
import { Section } from '../../ui/Section';
import { RequestContentFields, type RequestContent } from './RequestContentFields';
import type { RequestEdit } from './requests-slice';
import { usePersonalDataPurpose } from './use-personal-data-purpose';
import { editRefusalText } from './refusal-text';

const contentOf = (detail: RequestDetail): RequestContent => ({
  title: detail.title,
  addresseeId: detail.addresseeId,
  legalBasis: detail.legalBasis,
  body: detail.body,
  includePersonalData: detail.includePersonalData,
});

/** Only what changed goes to the main process. */
function changesOf(saved: RequestContent, edited: RequestContent): RequestEdit {
  const changes: RequestEdit = {};
  if (edited.title.trim() !== saved.title) changes.title = edited.title.trim();
  if (edited.addresseeId !== saved.addresseeId) changes.addresseeId = edited.addresseeId;
  if (edited.legalBasis !== saved.legalBasis) changes.legalBasis = edited.legalBasis;
  if (edited.body !== saved.body) changes.body = edited.body;
  if (edited.includePersonalData !== saved.includePersonalData) changes.includePersonalData = edited.includePersonalData;
  return changes;
}

/** A concept's content, editable by its author or a supervisor. Remounted (by key) when the request changes. */
function ContentForm({ detail }: { detail: RequestDetail }) {
  const { t } = useTranslation();
  const editRequest = useAppStore((state) => state.editRequest);
  const [content, setContent] = useState(() => contentOf(detail));
  const changes = changesOf(contentOf(detail), content);
  const titleMissing = content.title.trim() === '';
  const [tried, setTried] = useState(false);
  const including = changes.includePersonalData === true;
  const why = usePersonalDataPurpose(including ? (detail.bundle.reports[0]?.reportId ?? null) : null, tried);

  const save = () => {
    setTried(true);
    if (titleMissing || (including && why.purpose === null)) return null;
    return editRequest(including && why.purpose !== null ? { ...changes, purpose: why.purpose } : changes);
  };

  return (
    <SaveForm onSave={save} saveDisabled={Object.keys(changes).length === 0 || titleMissing} saveTestId="action-content-save" testId="action-content-form" gap="sm">
      <RequestContentFields
        value={content}
        onChange={(patch) => setContent({ ...content, ...patch })}
        route={detail.route}
        titleError={titleMissing ? t('requests.draft.titleRequired') : undefined}
        personalDataPurpose={including ? why.field : null}
      />
    </SaveForm>
  );
}

/** Content that can no longer change: what was (or will be) sent. */
function ContentView({ detail }: { detail: RequestDetail }) {
  const { t } = useTranslation();
  return (
    <>
      {detail.editRefusal && (
        <Text size="sm" c="dimmed" mb="xs">
          {t('requests.detail.readOnly', { reason: editRefusalText(detail, t) })}
        </Text>
      )}
      <FactList
        columns={1}
        facts={[
          { label: t('requests.draft.legalBasis'), value: detail.legalBasis || '—' },
          {
            label: t('requests.detail.personalData'),
            value: detail.includePersonalData ? t('requests.detail.personalDataIncluded') : t('requests.detail.personalDataExcluded'),
          },
        ]}
      />
      <Text size="sm" fw={500}>
        {t('requests.draft.body')}
      </Text>
      <div className="action-body" data-testid="action-body-text">
        {detail.body}
      </div>
    </>
  );
}

export function RequestContentSection({ detail }: { detail: RequestDetail }) {
  const { t } = useTranslation();
  return (
    <Section title={t('requests.detail.content')} testId="action-content">
      {detail.editRefusal === null ? <ContentForm key={`${detail.actionId}:${detail.updatedAt}`} detail={detail} /> : <ContentView detail={detail} />}
    </Section>
  );
}
