import { useSyncExternalStore } from 'react';
import type { DocState, DocumentStore } from './documentStore';

/** A part of the store's state, re-rendering when it changes. `pick` must return a part, not build a new value. */
export function useDocState<T>(store: DocumentStore, pick: (state: DocState) => T): T {
  return useSyncExternalStore(store.subscribe, () => pick(store.getState()));
}
