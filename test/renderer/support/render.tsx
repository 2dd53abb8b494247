import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { AppProviders } from '../../../src-renderer/app/AppProviders';
import { createI18n } from '../../../src-renderer/i18n/i18n';
import { createAppStore } from '../../../src-renderer/app/create-app-store';
import type { AppStore } from '../../../src-renderer/state/app-state';
import { FakeApi } from './fake-api';

/** Renders UI over a fresh store and a FakeApi, in Dutch, with Mantine's test environment (no portals). */
export function renderWithStore(ui: ReactNode, api: FakeApi = new FakeApi()): { api: FakeApi; store: AppStore } & ReturnType<typeof render> {
  const store = createAppStore(api);
  const result = render(
    <AppProviders store={store} i18n={createI18n('nl')} env="test">
      {ui}
    </AppProviders>,
  );
  return { api, store, ...result };
}
