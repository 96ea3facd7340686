import { useCallback, useEffect, useRef, useState } from 'react';
import type { Client } from '../../../common/api';
import type { SyncConflict, WorkspaceStatus } from '../../../common/workspace';
import { errorMessage } from '../api/client';
import type { Toast } from '../workflow/useWriter';

// The team workspace as the window follows it: its status, read every 400 ms while the library
// is in a workspace (every ten otherwise), and the conflicts of the open document. When others'
// changes have landed here (pulledSeq grew), `onPulled` reads what is on screen again.

const LIVE_MS = 400;
const LOCAL_MS = 10_000;
const NONE: readonly SyncConflict[] = [];

/** Two lists of conflicts hold the same ones (a poll that found nothing new keeps the old list). */
const sameConflicts = (a: readonly SyncConflict[], b: readonly SyncConflict[]) => a.length === b.length && a.every((c, i) => c.id === b[i]!.id);

export function useWorkspace({ client, documentId, toast, onPulled }: { client: Client; documentId: number | null; toast: Toast; onPulled(): void }) {
  const [status, setStatus] = useState<WorkspaceStatus | null>(null);
  const [conflicts, setConflicts] = useState<readonly SyncConflict[]>(NONE);
  /** Every conflict not dismissed (the dialog lists those whose record is gone). */
  const [allConflicts, setAllConflicts] = useState<readonly SyncConflict[]>(NONE);
  const [syncing, setSyncing] = useState(false);
  const seen = useRef<number | null>(null);

  const onPulledRef = useRef(onPulled);
  useEffect(() => {
    onPulledRef.current = onPulled;
  }, [onPulled]);
  const pulled = useCallback(() => onPulledRef.current(), []);
  /** A status read: kept, and when others' changes arrived since the last one, what is shown is read again. */
  const take = useCallback((next: WorkspaceStatus) => {
    setStatus((old) => (old && JSON.stringify(old) === JSON.stringify(next) ? old : next));
    const before = seen.current;
    seen.current = next.pulledSeq;
    if (before !== null && next.pulledSeq > before) pulled();
  }, [pulled]);

  // The poll: one read at a time, the next after the answer.
  const state = status?.state ?? 'local';
  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const tick = async () => {
      try {
        const { status: next } = await client.workspaceStatus({});
        if (stopped) return;
        take(next);
      } catch {
        // The app is gone or busy: the next tick tries again.
      }
      if (!stopped) timer = setTimeout(() => void tick(), state === 'local' ? LOCAL_MS : LIVE_MS);
    };
    timer = setTimeout(() => void tick(), 0);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [client, state, take]);

  // The conflicts, read again when the document, what was pulled or their count changes (and after a sync or a dismissal).
  const conflictKey = status ? `${status.pulledSeq}:${status.conflicts}` : '';
  const [reads, setReads] = useState(0);
  const rereadConflicts = useCallback(() => setReads((n) => n + 1), []);
  useEffect(() => {
    let stale = false;
    void (async () => {
      try {
        const [mine, all] = await Promise.all([
          documentId === null ? Promise.resolve({ conflicts: [] as SyncConflict[] }) : client.listConflicts({ documentId }),
          client.listConflicts({}),
        ]);
        if (stale) return;
        setConflicts((old) => (sameConflicts(old, mine.conflicts) ? old : mine.conflicts));
        setAllConflicts((old) => (sameConflicts(old, all.conflicts) ? old : all.conflicts));
      } catch {
        // Read again on the next change.
      }
    })();
    return () => {
      stale = true;
    };
  }, [client, documentId, conflictKey, reads]);

  const connect = useCallback(
    async (url: string): Promise<string | null> => {
      try {
        const { status: next } = await client.connectWorkspace({ url });
        take(next);
        rereadConflicts();
        return null;
      } catch (err) {
        return errorMessage(err).split('\n')[0]!;
      }
    },
    [client, take, rereadConflicts],
  );

  const sync = useCallback(async () => {
    if (state === 'local') {
      toast('This library is not in a team workspace', 'info');
      return;
    }
    setSyncing(true);
    try {
      const r = await client.syncWorkspace({});
      take(r.status);
      rereadConflicts();
      const parts = [`${r.pushed} sent`, `${r.pulled} received`];
      if (r.conflicts > 0) parts.push(`${r.conflicts} ${r.conflicts === 1 ? 'conflict' : 'conflicts'}`);
      if (r.refused > 0) parts.push(`${r.refused} refused`);
      toast(r.status.state === 'offline' ? `Offline: ${r.status.lastError ?? 'the server cannot be reached'}` : `Synced: ${parts.join(', ')}`, r.status.state === 'offline' ? 'error' : 'info');
    } catch (err) {
      toast(errorMessage(err), 'error');
    } finally {
      setSyncing(false);
    }
  }, [client, state, take, rereadConflicts, toast]);

  const leave = useCallback(async (): Promise<boolean> => {
    try {
      const { status: next } = await client.leaveWorkspace({});
      take(next);
      rereadConflicts();
      toast('Left the workspace; everything stays in this library', 'info');
      return true;
    } catch (err) {
      toast(errorMessage(err), 'error');
      return false;
    }
  }, [client, take, rereadConflicts, toast]);

  const dismiss = useCallback(
    async (id: number) => {
      // Gone from the lists at once; read again to be sure.
      setConflicts((list) => list.filter((c) => c.id !== id));
      setAllConflicts((list) => list.filter((c) => c.id !== id));
      try {
        await client.dismissConflict({ id });
      } catch (err) {
        toast(errorMessage(err), 'error');
      }
      rereadConflicts();
      try {
        take((await client.workspaceStatus({})).status);
      } catch {
        // The poll reads it again.
      }
    },
    [client, take, rereadConflicts, toast],
  );

  return { status, conflicts, allConflicts, syncing, connect, sync, leave, dismiss };
}

export type Workspace = ReturnType<typeof useWorkspace>;
