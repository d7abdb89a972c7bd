import { createContext, useContext, useSyncExternalStore, type ReactNode } from 'react';
import type { LibraryState, LibraryStore } from './library-store';

const LibraryStoreContext = createContext<LibraryStore | null>(null);

export function LibraryStoreProvider({
  store,
  children,
}: {
  store: LibraryStore;
  children: ReactNode;
}) {
  return <LibraryStoreContext.Provider value={store}>{children}</LibraryStoreContext.Provider>;
}

export function useLibraryStore(): LibraryStore {
  const store = useContext(LibraryStoreContext);
  if (!store) throw new Error('useLibraryStore: no LibraryStoreProvider above this component');
  return store;
}

export function useLibraryState<T>(select: (state: LibraryState) => T): T {
  const store = useLibraryStore();
  return useSyncExternalStore(store.subscribe, () => select(store.getState()));
}
