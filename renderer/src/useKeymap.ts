import { useEffect, useEffectEvent, useRef } from 'react';
import type { AppEvent } from '../../common/methods';
import { isElectron } from './api/client';
import { bindingFor, dispatchKey, runCommand, type AppCommands } from './keymap';
import type { DocumentStore } from './store/documentStore';
import type { WriteTracker } from './workflow/useWriter';

/**
 * The window's keys, and the Electron menu's commands, run through the keymap, with the app's
 * commands of the latest render. A key acts on the state after the previous action: pressed while
 * a write is on its way (Delete then S, S twice in a breath), it waits for that write's answer and
 * then reads the store, so it never acts on a stale id or a status already moved on.
 */
export function useKeymap(
  store: DocumentStore,
  writes: WriteTracker,
  app: AppCommands,
  events: { opened(documentId: number): void; error(message: string): void },
): void {
  const queue = useRef<{ tail: Promise<void>; length: number }>({ tail: Promise.resolve(), length: 0 });
  const onKey = useEffectEvent((event: KeyboardEvent) => {
    const q = queue.current;
    if (!writes.busy() && q.length === 0) {
      dispatchKey(event, store.getState(), app);
      return;
    }
    // Whether the app takes the key is decided now (its default must be stopped now); what it
    // does, once the writes before it are answered.
    const now = bindingFor(event, store.getState(), app);
    if (!now) return;
    if (!now.row.passive) event.preventDefault();
    q.length++;
    q.tail = q.tail
      .then(() => writes.idle())
      .then(() => {
        const later = bindingFor(event, store.getState(), app);
        later?.row.run(later.c);
      })
      .catch((err: unknown) => app.toast(err instanceof Error ? err.message : String(err), 'error'))
      .finally(() => q.length--);
  });
  useEffect(() => {
    const listener = (event: KeyboardEvent) => onKey(event);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);

  // Menu commands and second launches (Electron only).
  const onEvent = useEffectEvent((event: AppEvent) => {
    if (event.type === 'opened') events.opened(event.documentId);
    else if (event.type === 'error') events.error(event.message);
    else runCommand(event.command, store.getState(), app);
  });
  useEffect(() => {
    if (!isElectron) return;
    return window.claimscope!.onEvent((event) => onEvent(event));
  }, []);
}
