import { useCallback, useEffect, useState } from 'react';
import type { Client } from '../../../common/api';
import { errorMessage, isElectron } from '../api/client';
import { markDocumentReceived, markOpenRequested } from '../perf';
import { opened, type DocumentStore } from '../store/documentStore';
import { fileToBase64 } from '../ui/base64';
import type { Toast } from '../workflow/useWriter';

const LAST_DOC_KEY = 'claimscope.lastDocument';

/** How to read a file (common/api.ts ImportChoices): another encoding, or a web page whole. */
export interface ReadChoices {
  encoding?: string;
  wholePage?: boolean;
}

/** The library: listing, opening and importing documents; the one open last time opens at start. */
export function useLibrary({ store, client, toast }: { store: DocumentStore; client: Client; toast: Toast }) {
  const [busy, setBusy] = useState<string | null>(null);

  const refreshLibrary = useCallback(async () => {
    try {
      store.dispatch({ type: 'libraryLoaded', documents: (await client.listDocuments({})).documents });
    } catch (err) {
      toast(errorMessage(err), 'error');
    }
  }, [client, store, toast]);

  const openDocument = useCallback(
    async (id: number) => {
      setBusy('Opening…');
      markOpenRequested(id);
      try {
        const { document, state } = await client.getDocument({ id });
        markDocumentReceived(id);
        store.dispatch(opened(document, state));
        localStorage.setItem(LAST_DOC_KEY, String(id));
        window.document.title = `${document.title} — Claimscope`;
      } catch (err) {
        toast(errorMessage(err), 'error');
      } finally {
        setBusy(null);
      }
    },
    [client, store, toast],
  );

  /** One import (`busy` says so meanwhile): the library refreshed and the document opened, or the error shown. */
  const importOne = useCallback(
    async (label: string, run: () => Promise<{ document: { id: number }; existing: boolean }>, name?: string) => {
      setBusy(label);
      try {
        const result = await run();
        if (result.existing && name) toast(`${name} is already in the library; opened it`, 'info');
        await refreshLibrary();
        await openDocument(result.document.id);
      } catch (err) {
        toast(errorMessage(err), 'error');
      } finally {
        setBusy(null);
      }
    },
    [openDocument, refreshLibrary, toast],
  );

  const importFiles = useCallback(
    async (files: readonly File[], choices: ReadChoices = {}) => {
      for (const file of files) {
        await importOne(
          `Importing ${file.name}…`,
          async () => {
            const path = isElectron ? window.claimscope!.pathForFile(file) : '';
            return path
              ? await client.importFile({ path, ...choices })
              : await client.importBytes({ name: file.name, dataBase64: await fileToBase64(file), ...choices });
          },
          file.name,
        );
      }
    },
    [client, importOne],
  );

  // First load: the library, and the document that was open last time.
  useEffect(() => {
    void (async () => {
      await refreshLibrary();
      const last = Number(localStorage.getItem(LAST_DOC_KEY));
      if (last > 0) {
        try {
          await client.getState({ documentId: last });
          await openDocument(last);
        } catch {
          localStorage.removeItem(LAST_DOC_KEY);
        }
      }
    })();
  }, [client, openDocument, refreshLibrary]);

  /**
   * Reads the open document's file again with other choices (another encoding, the whole page).
   * Electron reads it from its path; the browser has no path, so the analyst picks the file again
   * (`needFile` opens the file chooser; `importFiles` then takes these choices).
   */
  const readAgain = useCallback(
    async (choices: ReadChoices, needFile: () => void): Promise<void> => {
      const doc = store.getState().document;
      if (!doc) return;
      if (!isElectron || !doc.path) {
        needFile();
        return;
      }
      const path = doc.path;
      await importOne(`Reading ${doc.title} again…`, () => client.importFile({ path, ...choices }));
    },
    [client, importOne, store],
  );

  return { busy, refreshLibrary, openDocument, importFiles, readAgain };
}
