import { useCallback } from 'react';
import type { Client } from '../../../common/api';
import { select, type DocumentStore } from '../store/documentStore';
import type { Toast, Write } from './useWriter';

/** Undo and redo: the answer's change set is applied like any write's; the selection is cleared. */
export function useUndoRedo({ store, client, write, toast }: { store: DocumentStore; client: Client; write: Write; toast: Toast }) {
  return useCallback(
    async (direction: 'undo' | 'redo') => {
      const current = store.getState().document;
      if (!current) return;
      const result = await write(() => client[direction]({ documentId: current.id }));
      if (!result) return;
      if (result.label === null) toast(direction === 'undo' ? 'Nothing to undo' : 'Nothing to redo', 'info');
      else toast(`${direction === 'undo' ? 'Undone' : 'Redone'}: ${result.label}`, 'info');
      store.dispatch(select(null));
    },
    [store, client, write, toast],
  );
}
