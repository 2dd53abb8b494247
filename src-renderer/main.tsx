import '@mantine/core/styles.css';
import './styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { pickApiClient } from './api/pick-client';
import { App } from './app/App';
import { AppProviders, BaseProviders } from './app/AppProviders';
import { startApp } from './app/boot';
import { NoAccess } from './app/NoAccess';
import { createI18n } from './i18n/i18n';
import { createAppStore } from './store/create-app-store';

const i18n = createI18n('nl');
const api = pickApiClient();
const root = createRoot(document.getElementById('root')!);

if (api) {
  const store = createAppStore(api);
  const app = startApp(api, store);
  void app.readyToShow.then(() =>
    root.render(
      <StrictMode>
        <AppProviders store={store} i18n={i18n}>
          <App />
        </AppProviders>
      </StrictMode>,
    ),
  );
} else {
  root.render(
    <BaseProviders i18n={i18n}>
      <NoAccess />
    </BaseProviders>,
  );
}
