import { Button, Loader } from '@mantine/core';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { QueueScreen } from '../features/queue/QueueScreen';
import { IdleLock } from '../features/session/IdleLock';
import { LockShortcut } from '../features/session/LockNow';
import { LockScreen } from '../features/session/LockScreen';
import { OfflineCodeDialog } from '../features/session/OfflineCodeDialog';
import { SignInScreen } from '../features/session/SignInScreen';
import { SyncStatusBar } from '../features/sync/SyncStatusBar';
import { useAppStore } from '../state/store-context';
import { ErrorAlert } from '../ui/ErrorAlert';
import { AppNav } from './AppNav';
import { LanguageSync } from './LanguageSync';
import { NoticeStack } from './NoticeStack';
import { useBackShortcut } from './use-back-shortcut';

// The queue is what an officer sees first; every other screen is its own chunk, loaded when first opened, so the
// first queue on screen waits for less script.
const ReportScreen = lazy(() => import('../features/report/ReportScreen').then((module) => ({ default: module.ReportScreen })));
const IndicatorsScreen = lazy(() => import('../features/indicators/IndicatorsScreen').then((module) => ({ default: module.IndicatorsScreen })));
const CasesScreen = lazy(() => import('../features/cases/CasesScreen').then((module) => ({ default: module.CasesScreen })));
const RequestsScreen = lazy(() => import('../features/requests/RequestsScreen').then((module) => ({ default: module.RequestsScreen })));
const ApprovalsScreen = lazy(() => import('../features/requests/ApprovalsScreen').then((module) => ({ default: module.ApprovalsScreen })));
const RoutingRulesScreen = lazy(() => import('../features/routing/RoutingRulesScreen').then((module) => ({ default: module.RoutingRulesScreen })));
const DirectoryScreen = lazy(() => import('../features/directory/DirectoryScreen').then((module) => ({ default: module.DirectoryScreen })));
/** The Overzicht's code: its charts make it by far the largest chunk, so show-app.tsx also fetches it ahead. */
export const loadOverviewScreen = () => import('../features/overview/OverviewScreen');
const OverviewScreen = lazy(() => loadOverviewScreen().then((module) => ({ default: module.OverviewScreen })));
const LogbookScreen = lazy(() => import('../features/logbook/LogbookScreen').then((module) => ({ default: module.LogbookScreen })));
const SettingsScreen = lazy(() => import('../features/settings/SettingsScreen').then((module) => ({ default: module.SettingsScreen })));

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
    case 'requests':
      return <RequestsScreen />;
    case 'approvals':
      return <ApprovalsScreen />;
    case 'routing':
      return <RoutingRulesScreen />;
    case 'directory':
      return <DirectoryScreen />;
    case 'overview':
      return <OverviewScreen />;
    case 'logbook':
      return <LogbookScreen key={view.reportId ?? ''} reportId={view.reportId} />;
    case 'settings':
      return <SettingsScreen />;
  }
}

/** The frame: skip link, navigation, the current screen, the sync status bar and notices. */
export function App() {
  const { t } = useTranslation();
  const sessionError = useAppStore((state) => state.sessionError);
  const screen = useAppStore((state) => state.view.screen);
  const mustSignIn = useAppStore((state) => state.session !== null && state.session.officer === null);
  const locked = useAppStore((state) => state.session?.locked === true);
  const signingInInstead = useAppStore((state) => state.signingInInstead);
  const setSigningInInstead = useAppStore((state) => state.setSigningInInstead);
  useBackShortcut();
  // Locked, nothing of the screen behind stays in the page: only the lock screen, or another officer's sign-in.
  if (mustSignIn || locked) {
    return (
      <div className="session-layout">
        <LanguageSync />
        {locked && !signingInInstead ? <LockScreen /> : <SignInScreen />}
        {locked && signingInInstead && (
          <Button variant="subtle" mx="auto" display="block" onClick={() => setSigningInInstead(false)} data-testid="back-to-lock">
            {t('lock.back')}
          </Button>
        )}
        <NoticeStack />
      </div>
    );
  }
  return (
    <div className="app-layout">
      <LanguageSync />
      <a href="#main" className="skip-link">
        {t('app.skipToContent')}
      </a>
      <AppNav />
      <main id="main" tabIndex={-1} className={`app-main screen-${screen}`}>
        {sessionError && <ErrorAlert error={sessionError} />}
        <Suspense fallback={<Loader size="sm" aria-label={t('app.loading')} />}>
          <CurrentScreen />
        </Suspense>
      </main>
      <SyncStatusBar />
      <NoticeStack />
      <IdleLock />
      <OfflineCodeDialog />
      <LockShortcut />
    </div>
  );
}
