import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../state/store-context';
import { ScreenHeader } from '../../ui/ScreenHeader';
import { useFocusOnMount } from '../../ui/use-focus-on-mount';
import { CaseDetailPanel } from './CaseDetailPanel';
import { CaseList } from './CaseList';

/** Screen 5: the case list, and the open case beside it. */
export function CasesScreen() {
  const { t } = useTranslation();
  const caseId = useAppStore((state) => (state.view.screen === 'cases' ? state.view.caseId : undefined));
  useFocusOnMount(true);
  return (
    <Stack gap="sm">
      <ScreenHeader title={t('cases.title')}>
        <Text size="sm" c="dimmed">
          {t('cases.createHint')}
        </Text>
      </ScreenHeader>
      <div className="split-layout cases-layout">
        <CaseList />
        {caseId ? (
          <CaseDetailPanel caseId={caseId} />
        ) : (
          <Text size="sm" c="dimmed" className="side-panel">
            {t('cases.select')}
          </Text>
        )}
      </div>
    </Stack>
  );
}
