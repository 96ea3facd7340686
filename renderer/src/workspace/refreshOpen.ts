import type { Client } from '../../../common/api';
import { applyChanges, type DocumentStore } from '../store/documentStore';
import { refreshChanges } from '../store/refresh';
import type { WriteTracker } from '../workflow/useWriter';

/**
 * Reads the open document's state again and applies what differs (others' changes, pulled from the
 * workspace). It waits for this window's own writes to be answered first, and reads again when one
 * started meanwhile, so a tag on its way is never undone by an older read.
 */
export async function refreshOpenDocument(store: DocumentStore, client: Client, writes: WriteTracker): Promise<void> {
  for (let attempt = 0; attempt < 5; attempt++) {
    await writes.idle();
    const doc = store.getState().document;
    if (!doc) return;
    let read;
    try {
      read = await client.getState({ documentId: doc.id });
    } catch {
      // Deleted by someone else, or the app is busy: the next pull reads again.
      return;
    }
    if (writes.busy()) continue;
    const state = store.getState();
    if (state.document?.id !== doc.id) return;
    const changes = refreshChanges(state, read);
    if (changes) store.dispatch(applyChanges(changes));
    return;
  }
}

/** Runs `work` one at a time; calls while one runs collapse into one more run after it. */
export function coalesced(work: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | null = null;
  let again = false;
  const run = (): Promise<void> => {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      try {
        do {
          again = false;
          await work();
        } while (again);
      } finally {
        running = null;
      }
    })();
    return running;
  };
  return run;
}
