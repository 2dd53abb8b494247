import { MantineProvider, type MantineColorSchemeManager } from '@mantine/core';
import type { i18n } from 'i18next';
import type { ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { StoreProvider } from '../state/store-context';
import type { AppStore } from '../state/app-state';
import { SlotsProvider } from '../ui/slots';
import { cssVariablesResolver, theme } from '../ui/theme';
import { featureSlots } from './feature-slots';

interface BaseProps {
  i18n: i18n;
  children: ReactNode;
  /** "test" turns off Mantine's transitions and portals. */
  env?: 'default' | 'test';
}

/**
 * The workbench is always light (forceColorScheme), so nothing is kept: Mantine's default manager reads
 * localStorage while the first frame renders, and a fresh page's first storage access waits on the browser.
 */
const LIGHT_ONLY: MantineColorSchemeManager = {
  get: () => 'light',
  set: () => undefined,
  subscribe: () => undefined,
  unsubscribe: () => undefined,
  clear: () => undefined,
};

/** Theme and translations: enough for a screen that needs no data. */
export function BaseProviders({ i18n, children, env = 'default' }: BaseProps) {
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} forceColorScheme="light" colorSchemeManager={LIGHT_ONLY} env={env}>
      <I18nextProvider i18n={i18n}>{children}</I18nextProvider>
    </MantineProvider>
  );
}

/** Theme, translations, the store and which feature fills each extension point; tests render screens inside this too. */
export function AppProviders({ store, ...base }: BaseProps & { store: AppStore }) {
  return (
    <BaseProviders {...base}>
      <StoreProvider store={store}>
        <SlotsProvider slots={featureSlots}>{base.children}</SlotsProvider>
      </StoreProvider>
    </BaseProviders>
  );
}
