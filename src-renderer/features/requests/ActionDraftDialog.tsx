import { Divider, Loader, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActionDraftQuery, ActionDraftView } from '../../../shared/api/action-views';
import type { ActionKind } from '../../../shared/requests/lifecycle';
import { useAppStore } from '../../state/store-context';
import { Dialog } from '../../ui/Dialog';
import { DialogForm } from '../../ui/DialogForm';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { ActionContentFields, type ActionContent } from './ActionContentFields';
import { BundleFacts } from './BundleFacts';
import { BundleReports } from './BundleReports';

export interface ActionDraftDialogProps {
  opened: boolean;
  onClose: () => void;
  kind: ActionKind;
  query: ActionDraftQuery;
}

/** Drafting a request: the proposal from `action.draft`, edited by the officer, created as a concept. */
export function ActionDraftDialog(props: ActionDraftDialogProps) {
  const { t } = useTranslation();
  return (
    <Dialog opened={props.opened} onClose={props.onClose} title={t(`actions.draftButton.${props.kind}`)} size="xl">
      {props.opened && <DraftLoader {...props} />}
    </Dialog>
  );
}

function DraftLoader({ query, onClose }: ActionDraftDialogProps) {
  const { t } = useTranslation();
  const draft = useAppStore((state) => state.actionDraft);
  const error = useAppStore((state) => state.actionDraftError);
  const loadActionDraft = useAppStore((state) => state.loadActionDraft);
  const clearActionDraft = useAppStore((state) => state.clearActionDraft);
  // The proposal is for what was asked when the dialog opened.
  const [asked] = useState(query);

  useEffect(() => {
    void loadActionDraft(asked);
    return clearActionDraft;
  }, [asked, loadActionDraft, clearActionDraft]);

  if (error) return <ErrorAlert error={error} onRetry={() => void loadActionDraft(asked)} />;
  if (!draft) return <Loader size="sm" aria-label={t('actions.draft.loading')} />;
  return <DraftForm draft={draft} onClose={onClose} />;
}

function DraftForm({ draft, onClose }: { draft: ActionDraftView; onClose: () => void }) {
  const { t } = useTranslation();
  const createAction = useAppStore((state) => state.createAction);
  const [content, setContent] = useState<ActionContent>({
    title: draft.title,
    addresseeId: draft.addressee.suggestedId,
    legalBasis: draft.legalBasis,
    body: draft.body,
    includePersonalData: false,
  });
  const [touched, setTouched] = useState(false);
  const titleMissing = content.title.trim() === '';

  const submit = () => {
    setTouched(true);
    if (titleMissing) return null;
    return createAction({
      kind: draft.kind,
      indicatorType: draft.indicatorType,
      indicatorValue: draft.indicatorValue,
      caseId: draft.caseId,
      clusterReportId: draft.clusterReportId,
      reportIds: draft.bundle.reports.map((report) => report.reportId),
      ...content,
      title: content.title.trim(),
    });
  };

  return (
    <DialogForm onSubmit={submit} onClose={onClose} submitLabel={t('actions.draft.submit')} submitTestId="action-create-submit" testId="action-draft-form" gap="md">
      <section aria-labelledby="draft-bundle-title">
        <Title order={3} fz="sm" id="draft-bundle-title" mb={6}>
          {t('actions.bundle.title')}
        </Title>
        <BundleFacts bundle={draft.bundle} />
        <BundleReports reports={draft.bundle.reports} />
      </section>
      <Divider />
      <ActionContentFields
        value={content}
        onChange={(patch) => setContent({ ...content, ...patch })}
        route={draft.addressee}
        titleError={touched && titleMissing ? t('actions.draft.titleRequired') : undefined}
      />
    </DialogForm>
  );
}
