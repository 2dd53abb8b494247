import '@mantine/core/styles.css';
import '../styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import type { ApiClient } from '../../shared/api/contract';
import { createI18n } from '../i18n/i18n';
import { createAppStore } from './create-app-store';
import { App, loadOverviewScreen } from './App';
import { AppProviders, BaseProviders } from './AppProviders';
import { startApp } from './boot';
import { NoAccess } from './NoAccess';
import { watchStartState } from './start-state';
import { StartGate } from './StartScreen';

/**
 * How long after the first frame the Overzicht's code is fetched and run, when the page is idle: the officer is
 * reading the queue by then, and the Overzicht's first visit then waits only for its numbers.
 */
const OVERVIEW_AHEAD_AFTER_MS = 1000;

/** Everything but the early calls: the store, the first loads, and the screens once their data is in. */
export function showApp(api: ApiClient | null): void {
  const i18n = createI18n('nl');
  const root = createRoot(document.getElementById('root')!);
  if (!api) {
    root.render(
      <BaseProviders i18n={i18n}>
        <NoAccess />
      </BaseProviders>,
    );
    return;
  }
  const store = createAppStore(api);
  const app = startApp(api, store);
  // While the core opens (or upgrades) the store the first loads wait for it; the start screen says what it does.
  const start = watchStartState(api);
  void app.readyToShow.then(() => {
    root.render(
      <StrictMode>
        <AppProviders store={store} i18n={i18n}>
          <StartGate start={start}>
            <App />
          </StartGate>
        </AppProviders>
      </StrictMode>,
    );
    afterFirstContentfulPaint(() => setTimeout(() => requestIdleCallback(() => void loadOverviewScreen()), OVERVIEW_AHEAD_AFTER_MS));
  });
}

/**
 * Calls `then` once the page has painted its first content. Timed from the render instead, on a busy machine the
 * Overzicht's code was fetched (at load 12, 3,170 ms) before the queue's first frame (3,256 ms) and competed with it.
 */
function afterFirstContentfulPaint(then: () => void): void {
  const observer = new PerformanceObserver((entries) => {
    if (!entries.getEntriesByName('first-contentful-paint').length) return;
    observer.disconnect();
    then();
  });
  // Buffered: a paint already made is delivered too.
  observer.observe({ type: 'paint', buffered: true });
}
