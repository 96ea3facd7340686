import { useSyncExternalStore } from 'react';
import type { DocState, DocumentStore } from './documentStore';

/** A part of the store's state, re-rendering when it changes. `pick` must return a part, not build a new value. */
export function useDocState<T>(store: DocumentStore, pick: (state: DocState) => T): T {
  const snapshot = () => pick(store.getState());
  // The same snapshot on a server render (tests render components to a string).
  return useSyncExternalStore(store.subscribe, snapshot, snapshot);
}
