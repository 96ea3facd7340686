import { useEffect, useEffectEvent } from 'react';
import type { AppEvent } from '../../common/methods';
import { isElectron } from './api/client';
import { dispatchKey, runCommand, type AppCommands } from './keymap';
import type { DocumentStore } from './store/documentStore';

/**
 * The window's keys, and the Electron menu's commands, run through the keymap. Each reads the
 * store's state when it arrives, and the app's commands of the latest render.
 */
export function useKeymap(store: DocumentStore, app: AppCommands, events: { opened(documentId: number): void; error(message: string): void }): void {
  const onKey = useEffectEvent((event: KeyboardEvent) => {
    dispatchKey(event, store.getState(), app);
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
