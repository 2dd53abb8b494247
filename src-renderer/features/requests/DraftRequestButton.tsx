import { Button, type ButtonProps } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RequestDraftQuery } from '../../../shared/api/request-views';
import type { RequestKind } from '../../../shared/requests/lifecycle';
import { RequestDraftDialog } from './RequestDraftDialog';

interface DraftRequestButtonProps extends Pick<ButtonProps, 'variant' | 'disabled'> {
  kind: RequestKind;
  query: RequestDraftQuery;
  /** The drafts the letter replaces (a batch of concepts). */
  replaces?: readonly string[];
  /** Instead of the kind's own words (e.g. a batched letter's: "Eén brief over 3 rekeningen"). */
  label?: string;
  testId?: string;
}

/** "Blokkeringsverzoek opstellen" (or the words for the kind) and the draft dialog it opens. */
export function DraftRequestButton({ kind, query, replaces, variant, disabled, label, testId = `draft-action-${kind}` }: DraftRequestButtonProps) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  return (
    <>
      <Button size="compact-sm" variant={variant} disabled={disabled} onClick={() => setOpened(true)} data-testid={testId}>
        {label ?? t(`requests.draftButton.${kind}`)}
      </Button>
      <RequestDraftDialog opened={opened} onClose={() => setOpened(false)} kind={kind} query={query} replaces={replaces} />
    </>
  );
}
