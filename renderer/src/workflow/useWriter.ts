import { useCallback, useState } from 'react';
import type { ChangeSet } from '../../../common/domain';
import { errorMessage } from '../api/client';
import { applyChanges, type DocumentStore } from '../store/documentStore';

export type Toast = (message: string, tone?: 'info' | 'error') => void;

/** Runs a write; applies its change set to the store; shows its error. Undefined when it failed. */
export type Write = <T extends { changes: ChangeSet }>(work: () => Promise<T>) => Promise<T | undefined>;

/** Every write goes through here: its answer's change set is applied, and the status bar counts it. */
export function useWriter(store: DocumentStore, toast: Toast): { write: Write; pending: number } {
  const [pending, setPending] = useState(0);
  const write = useCallback<Write>(
    async (work) => {
      setPending((n) => n + 1);
      try {
        const result = await work();
        store.dispatch(applyChanges(result.changes));
        return result;
      } catch (err) {
        toast(errorMessage(err), 'error');
        return undefined;
      } finally {
        setPending((n) => n - 1);
      }
    },
    [store, toast],
  );
  return { write, pending };
}
