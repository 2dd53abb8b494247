import { Button, type ButtonProps } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActionDraftQuery } from '../../../shared/api/action-views';
import type { ActionKind } from '../../../shared/requests/lifecycle';
import { ActionDraftDialog } from './ActionDraftDialog';

interface DraftActionButtonProps extends Pick<ButtonProps, 'variant' | 'disabled'> {
  kind: ActionKind;
  query: ActionDraftQuery;
  /** Instead of the kind's own words (e.g. a batched letter's: "Eén brief over 3 rekeningen"). */
  label?: string;
  testId?: string;
}

/** "Blokkeringsverzoek opstellen" (or the words for the kind) and the draft dialog it opens. */
export function DraftActionButton({ kind, query, variant, disabled, label, testId = `draft-action-${kind}` }: DraftActionButtonProps) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  return (
    <>
      <Button size="compact-sm" variant={variant} disabled={disabled} onClick={() => setOpened(true)} data-testid={testId}>
        {label ?? t(`actions.draftButton.${kind}`)}
      </Button>
      <ActionDraftDialog opened={opened} onClose={() => setOpened(false)} kind={kind} query={query} />
    </>
  );
}
