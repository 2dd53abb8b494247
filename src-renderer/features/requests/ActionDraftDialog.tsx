import { Divider, Loader, Switch, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActionDraftQuery, ActionDraftView } from '../../../shared/api/action-views';
import type { ActionKind } from '../../../shared/requests/lifecycle';
import { useAppStore } from '../../state/store-context';
import { Dialog } from '../../ui/Dialog';
import { DialogForm } from '../../ui/DialogForm';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { usePersonalDataPurpose } from './use-personal-data-purpose';
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

/**
 * A warning names the suspects' numbers and accounts only when the supervisor deliberately switches it on; the
 * text is drafted again with them (edits made before are redrafted too, so the choice comes first).
 */
function NameSuspectsSwitch({ checked, onChange }: { checked: boolean; onChange: (checked: boolean) => void }) {
  const { t } = useTranslation();
  return (
    <Switch
      label={t('actions.draft.nameSuspects')}
      description={t('actions.draft.nameSuspectsHint')}
      checked={checked}
      onChange={(event) => onChange(event.currentTarget.checked)}
      mb="sm"
      data-testid="warning-name-suspects"
    />
  );
}

function DraftLoader({ query, onClose }: ActionDraftDialogProps) {
  const { t } = useTranslation();
  const draft = useAppStore((state) => state.actionDraft);
  const error = useAppStore((state) => state.actionDraftError);
  const loadActionDraft = useAppStore((state) => state.loadActionDraft);
  const clearActionDraft = useAppStore((state) => state.clearActionDraft);
  // The proposal is for what was asked when the dialog opened (and, for a warning, whether it names suspects).
  const [asked, setAsked] = useState(query);

  useEffect(() => {
    void loadActionDraft(asked);
    return clearActionDraft;
  }, [asked, loadActionDraft, clearActionDraft]);

  if (error) return <ErrorAlert error={error} onRetry={() => void loadActionDraft(asked)} />;
  const isWarning = (asked.kind ?? draft?.kind) === 'prevention_warning';
  return (
    <>
      {isWarning && <NameSuspectsSwitch checked={asked.nameSuspects === true} onChange={(nameSuspects) => setAsked({ ...asked, nameSuspects })} />}
      {draft ? <DraftForm key={draft.body} draft={draft} onClose={onClose} /> : <Loader size="sm" aria-label={t('actions.draft.loading')} />}
    </>
  );
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
  const why = usePersonalDataPurpose(content.includePersonalData ? (draft.bundle.reports[0]?.reportId ?? null) : null, touched);

  const submit = () => {
    setTouched(true);
    if (titleMissing || (content.includePersonalData && why.purpose === null)) return null;
    return createAction({
      kind: draft.kind,
      indicatorType: draft.indicatorType,
      indicatorValue: draft.indicatorValue,
      caseId: draft.caseId,
      clusterReportId: draft.clusterReportId,
      ...(draft.batchIndicators.length > 0 ? { batchIndicators: draft.batchIndicators } : {}),
      reportIds: draft.bundle.reports.map((report) => report.reportId),
      ...content,
      title: content.title.trim(),
      ...(content.includePersonalData && why.purpose !== null ? { purpose: why.purpose } : {}),
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
        personalDataPurpose={why.field}
      />
    </DialogForm>
  );
}
