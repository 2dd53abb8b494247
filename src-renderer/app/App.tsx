import { useTranslation } from 'react-i18next';
import { ActionsScreen } from '../features/actions/ActionsScreen';
import { ApprovalsScreen } from '../features/actions/ApprovalsScreen';
import { CasesScreen } from '../features/cases/CasesScreen';
import { DirectoryScreen } from '../features/directory/DirectoryScreen';
import { IndicatorsScreen } from '../features/indicators/IndicatorsScreen';
import { QueueScreen } from '../features/queue/QueueScreen';
import { ReportScreen } from '../features/report/ReportScreen';
import { RoutingRulesScreen } from '../features/routing/RoutingRulesScreen';
import { SettingsScreen } from '../features/settings/SettingsScreen';
import { SyncStatusBar } from '../features/sync/SyncStatusBar';
import { useAppStore } from '../store/store-context';
import { ErrorAlert } from '../ui/ErrorAlert';
import { AppNav } from './AppNav';
import { LanguageSync } from './LanguageSync';
import { NoticeStack } from './NoticeStack';
import { useBackShortcut } from './use-back-shortcut';

function CurrentScreen() {
  const view = useAppStore((state) => state.view);
  switch (view.screen) {
    case 'queue':
      return <QueueScreen />;
    case 'report':
      return <ReportScreen key={view.reportId} reportId={view.reportId} />;
    case 'indicators':
      return <IndicatorsScreen />;
    case 'cases':
      return <CasesScreen />;
    case 'actions':
      return <ActionsScreen />;
    case 'approvals':
      return <ApprovalsScreen />;
    case 'routing':
      return <RoutingRulesScreen />;
    case 'directory':
      return <DirectoryScreen />;
    case 'settings':
      return <SettingsScreen />;
  }
}

/** The frame: skip link, navigation, the current screen, the sync status bar and notices. */
export function App() {
  const { t } = useTranslation();
  const sessionError = useAppStore((state) => state.sessionError);
  const screen = useAppStore((state) => state.view.screen);
  useBackShortcut();
  return (
    <div className="app-layout">
      <LanguageSync />
      <a href="#main" className="skip-link">
        {t('app.skipToContent')}
      </a>
      <AppNav />
      <main id="main" tabIndex={-1} className={`app-main screen-${screen}`}>
        {sessionError && <ErrorAlert error={sessionError} />}
        <CurrentScreen />
      </main>
      <SyncStatusBar />
      <NoticeStack />
    </div>
  );
}
