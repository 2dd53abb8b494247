import { Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActionDetail } from '../../../shared/api/action-views';
import { useAppStore } from '../../state/store-context';
import { FactList } from '../../ui/FactList';
import { SaveForm } from '../../ui/SaveForm';
import { Section } from '../../ui/Section';
import { ActionContentFields, type ActionContent } from './ActionContentFields';
import type { ActionEdit } from './actions-slice';
import { usePersonalDataPurpose } from './use-personal-data-purpose';
import { editRefusalText } from './refusal-text';

const contentOf = (detail: ActionDetail): ActionContent => ({
  title: detail.title,
  addresseeId: detail.addresseeId,
  legalBasis: detail.legalBasis,
  body: detail.body,
  includePersonalData: detail.includePersonalData,
});

/** Only what changed goes to the main process. */
function changesOf(saved: ActionContent, edited: ActionContent): ActionEdit {
  const changes: ActionEdit = {};
  if (edited.title.trim() !== saved.title) changes.title = edited.title.trim();
  if (edited.addresseeId !== saved.addresseeId) changes.addresseeId = edited.addresseeId;
  if (edited.legalBasis !== saved.legalBasis) changes.legalBasis = edited.legalBasis;
  if (edited.body !== saved.body) changes.body = edited.body;
  if (edited.includePersonalData !== saved.includePersonalData) changes.includePersonalData = edited.includePersonalData;
  return changes;
}

/** A concept's content, editable by its author or a supervisor. Remounted (by key) when the request changes. */
function ContentForm({ detail }: { detail: ActionDetail }) {
  const { t } = useTranslation();
  const editAction = useAppStore((state) => state.editAction);
  const [content, setContent] = useState(() => contentOf(detail));
  const changes = changesOf(contentOf(detail), content);
  const titleMissing = content.title.trim() === '';
  const [tried, setTried] = useState(false);
  const including = changes.includePersonalData === true;
  const why = usePersonalDataPurpose(including ? (detail.bundle.reports[0]?.reportId ?? null) : null, tried);

  const save = () => {
    setTried(true);
    if (titleMissing || (including && why.purpose === null)) return null;
    return editAction(including && why.purpose !== null ? { ...changes, purpose: why.purpose } : changes);
  };

  return (
    <SaveForm onSave={save} saveDisabled={Object.keys(changes).length === 0 || titleMissing} saveTestId="action-content-save" testId="action-content-form" gap="sm">
      <ActionContentFields
        value={content}
        onChange={(patch) => setContent({ ...content, ...patch })}
        route={detail.route}
        titleError={titleMissing ? t('actions.draft.titleRequired') : undefined}
        personalDataPurpose={including ? why.field : null}
      />
    </SaveForm>
  );
}

/** Content that can no longer change: what was (or will be) sent. */
function ContentView({ detail }: { detail: ActionDetail }) {
  const { t } = useTranslation();
  return (
    <>
      {detail.editRefusal && (
        <Text size="sm" c="dimmed" mb="xs">
          {t('actions.detail.readOnly', { reason: editRefusalText(detail, t) })}
        </Text>
      )}
      <FactList
        columns={1}
        facts={[
          { label: t('actions.draft.legalBasis'), value: detail.legalBasis || '—' },
          {
            label: t('actions.detail.personalData'),
            value: detail.includePersonalData ? t('actions.detail.personalDataIncluded') : t('actions.detail.personalDataExcluded'),
          },
        ]}
      />
      <Text size="sm" fw={500}>
        {t('actions.draft.body')}
      </Text>
      <div className="action-body" data-testid="action-body-text">
        {detail.body}
      </div>
    </>
  );
}

export function ActionContentSection({ detail }: { detail: ActionDetail }) {
  const { t } = useTranslation();
  return (
    <Section title={t('actions.detail.content')} testId="action-content">
      {detail.editRefusal === null ? <ContentForm key={`${detail.actionId}:${detail.updatedAt}`} detail={detail} /> : <ContentView detail={detail} />}
    </Section>
  );
}
