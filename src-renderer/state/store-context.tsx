import { createContext, useContext, type ReactNode } from 'react';
import type { AppState } from './app-state';
import type { AppStore } from './app-state';

const StoreContext = createContext<AppStore | null>(null);

export function StoreProvider({ store, children }: { store: AppStore; children: ReactNode }) {
  return <StoreContext.Provider value={store}>{children}</StoreContext.Provider>;
}

function useStoreHook(): AppStore {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useAppStore is used outside <StoreProvider>.');
  return store;
}

/** Select one value (or a useShallow-wrapped object) from the store. */
export function useAppStore<T>(selector: (state: AppState) => T): T {
  return useStoreHook()(selector);
}


/** The store itself, for event handlers that read current state without subscribing to it. */
export function useAppStoreApi(): AppStore {
  return useStoreHook();
}
