import { useCallback, useMemo, useRef, useState } from 'react';
import type { ChangeSet } from '../../../common/domain';
import { errorMessage } from '../api/client';
import { applyChanges, type DocumentStore } from '../store/documentStore';

export type Toast = (message: string, tone?: 'info' | 'error') => void;

/** Runs a write; applies its change set to the store; shows its error. Undefined when it failed. */
export type Write = <T extends { changes: ChangeSet }>(work: () => Promise<T>) => Promise<T | undefined>;

/** Whether writes are on their way, and a promise of the moment none is (each answer applied). */
export interface WriteTracker {
  busy(): boolean;
  idle(): Promise<void>;
}

/** Every write goes through here: its answer's change set is applied, and the status bar counts it. */
export function useWriter(store: DocumentStore, toast: Toast): { write: Write; pending: number; tracker: WriteTracker } {
  const [pending, setPending] = useState(0);
  const inFlight = useRef(0);
  const waiting = useRef<Array<() => void>>([]);
  const write = useCallback<Write>(
    async (work) => {
      inFlight.current++;
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
        if (--inFlight.current === 0) for (const resolve of waiting.current.splice(0)) resolve();
      }
    },
    [store, toast],
  );
  const tracker = useMemo<WriteTracker>(
    () => ({
      busy: () => inFlight.current > 0,
      idle: () => (inFlight.current === 0 ? Promise.resolve() : new Promise<void>((resolve) => waiting.current.push(resolve))),
    }),
    [],
  );
  return { write, pending, tracker };
}
