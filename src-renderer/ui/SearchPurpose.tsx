import { Button } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../state/store-context';
import { PurposeDialog } from './PurposeDialog';

export interface SearchPurposeProps {
  /** A search is typed and waits for its purpose: the dialog asks it. */
  asked: boolean;
  /** Sets the session's search purpose and runs the waiting search; resolves whether it ran. */
  onConfirm: (purpose: string) => Promise<boolean>;
  /** The officer would rather not say why: the waiting search is dropped. */
  onCancel: () => void;
}

/**
 * Why the officer searches (issue 15 §1): one purpose per session, asked at the first typed search of any list and
 * shown beside the search box, where the officer changes it.
 */
export function SearchPurpose({ asked, onConfirm, onCancel }: SearchPurposeProps) {
  const { t } = useTranslation();
  const searchPurpose = useAppStore((state) => state.searchPurpose);
  const [changing, setChanging] = useState(false);
  return (
    <>
      {searchPurpose !== null && (
        <Button
          size="compact-sm"
          variant="subtle"
          maw={260}
          title={searchPurpose}
          aria-label={t('search.purposeChange', { purpose: searchPurpose })}
          onClick={() => setChanging(true)}
          data-testid="search-purpose"
        >
          {t('search.purpose', { purpose: searchPurpose })}
        </Button>
      )}
      <PurposeDialog
        opened={asked || changing}
        title={t('search.purposeTitle')}
        explanation={t('search.purposeExplain')}
        confirmLabel={asked ? t('search.purposeConfirm') : t('common.save')}
        suggested={searchPurpose}
        onClose={() => {
          setChanging(false);
          if (asked) onCancel();
        }}
        onDone={() => setChanging(false)}
        onConfirm={onConfirm}
      />
    </>
  );
}
