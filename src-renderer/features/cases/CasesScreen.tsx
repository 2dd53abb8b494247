import { Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../store/store-context';
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
      <Group gap="sm" align="baseline">
        <Title order={1} fz="h3" id="screen-title" tabIndex={-1}>
          {t('cases.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('cases.createHint')}
        </Text>
      </Group>
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
