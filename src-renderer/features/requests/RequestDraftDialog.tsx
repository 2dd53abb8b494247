import { Divider, Loader, Switch, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RequestDraftQuery, RequestDraftView } from '../../../shared/api/request-views';
import type { RequestKind } from '../../../shared/requests/lifecycle';
import { useAppStore } from '../../state/store-context';
import { Dialog } from '../../ui/Dialog';
import { DialogForm } from '../../ui/DialogForm';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { usePersonalDataPurpose } from './use-personal-data-purpose';
import { RequestContentFields, type RequestContent } from './RequestContentFields';
import { BundleFacts } from './BundleFacts';
import { BundleReports } from './BundleReports';

export interface RequestDraftDialogProps {
  opened: boolean;
  onClose: () => void;
  kind: RequestKind;
  query: RequestDraftQuery;
  /** The drafts the letter replaces (concepts batched into it): withdrawn when it is created. */
  replaces?: readonly string[];
}

/** Drafting a request: the proposal from `request.draft`, edited by the officer, created as a concept. */
export function RequestDraftDialog(props: RequestDraftDialogProps) {
  const { t } = useTranslation();
  return (
    <Dialog opened={props.opened} onClose={props.onClose} title={t(`requests.draftButton.${props.kind}`)} size="xl">
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
      label={t('requests.draft.nameSuspects')}
      description={t('requests.draft.nameSuspectsHint')}
      checked={checked}
      onChange={(event) => onChange(event.currentTarget.checked)}
      mb="sm"
      data-testid="warning-name-suspects"
    />
  );
}

function DraftLoader({ query, replaces = [], onClose }: RequestDraftDialogProps) {
  const { t } = useTranslation();
  const draft = useAppStore((state) => state.requestDraft);
  const error = useAppStore((state) => state.requestDraftError);
  const loadRequestDraft = useAppStore((state) => state.loadRequestDraft);
  const clearRequestDraft = useAppStore((state) => state.clearRequestDraft);
  // The proposal is for what was asked when the dialog opened (and, for a warning, whether it names suspects).
  const [asked, setAsked] = useState(query);

  useEffect(() => {
    void loadRequestDraft(asked);
    return clearRequestDraft;
  }, [asked, loadRequestDraft, clearRequestDraft]);

  if (error) return <ErrorAlert error={error} onRetry={() => void loadRequestDraft(asked)} />;
  const isWarning = (asked.kind ?? draft?.kind) === 'prevention_warning';
  return (
    <>
      {isWarning && <NameSuspectsSwitch checked={asked.nameSuspects === true} onChange={(nameSuspects) => setAsked({ ...asked, nameSuspects })} />}
      {draft ? <DraftForm key={draft.body} draft={draft} replaces={replaces} onClose={onClose} /> : <Loader size="sm" aria-label={t('requests.draft.loading')} />}
    </>
  );
}

function DraftForm({ draft, replaces, onClose }: { draft: RequestDraftView; replaces: readonly string[]; onClose: () => void }) {
  const { t } = useTranslation();
  const createRequest = useAppStore((state) => state.createRequest);
  const [content, setContent] = useState<RequestContent>({
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
    return createRequest({
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
      ...(replaces.length > 0 ? { replaces: [...replaces] } : {}),
    });
  };

  return (
    <DialogForm onSubmit={submit} onClose={onClose} submitLabel={t('requests.draft.submit')} submitTestId="action-create-submit" testId="action-draft-form" gap="md">
      <section aria-labelledby="draft-bundle-title">
        <Title order={3} fz="sm" id="draft-bundle-title" mb={6}>
          {t('requests.bundle.title')}
        </Title>
        <BundleFacts bundle={draft.bundle} />
        <BundleReports reports={draft.bundle.reports} />
      </section>
      {replaces.length > 0 && (
        <Text size="sm" data-testid="draft-replaces">
          {t('requests.batch.replaces', { count: replaces.length })}
        </Text>
      )}
      <Divider />
      <RequestContentFields
        value={content}
        onChange={(patch) => setContent({ ...content, ...patch })}
        route={draft.addressee}
        titleError={touched && titleMissing ? t('requests.draft.titleRequired') : undefined}
        personalDataPurpose={why.field}
      />
    </DialogForm>
  );
}
