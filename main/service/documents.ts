import crypto from 'node:crypto';
import path from 'node:path';
import type { Handlers, Output } from '../../common/api';
import { ClaimscopeError } from '../../common/errors';
import { readImportFile } from '../core/import';
import { importInWorker } from './importer';
import { notFound, type ServiceContext } from './context';
import { documentState } from './history';
import { moveAnnotationsToVersion } from './versions';

export function sha256(bytes: Uint8Array): string {
  return crypto.createHash('sha256').update(bytes).digest('hex');
}

/**
 * Imports a file's bytes. The same content (sha256) opens the existing document instead of
 * duplicating it. Nothing is written unless the whole file parsed.
 */
export async function importDocument(
  ctx: ServiceContext,
  name: string,
  filePath: string | null,
  bytes: Uint8Array,
): Promise<Output<'importFile'>> {
  const hash = sha256(bytes);
  const existing = ctx.store.documents.findBySha(hash);
  if (existing !== null) return { document: ctx.store.documents.summary(existing)!, existing: true };
  const parsed = await importInWorker(name, bytes, ctx.options.import, ctx.options.importLimits);
  const id = ctx.transaction(() => {
    // New content at a path already in the library is the next version of that document.
    const previous = filePath === null ? null : ctx.store.documents.findLatestByPath(filePath);
    const prior = previous === null ? null : ctx.store.documents.summary(previous);
    const newId = ctx.store.documents.insert({
      title: parsed.title,
      path: filePath,
      format: parsed.format,
      text: parsed.text,
      blocks: parsed.blocks,
      sha256: hash,
      metadata: parsed.metadata,
      previousId: previous,
      version: prior ? prior.version + 1 : 1,
    });
    if (previous !== null) moveAnnotationsToVersion(ctx, previous, newId, parsed.text);
    return newId;
  });
  return { document: ctx.store.documents.summary(id)!, existing: false };
}

export function documentHandlers(
  ctx: ServiceContext,
): Pick<Handlers, 'listDocuments' | 'getDocument' | 'importFile' | 'importBytes' | 'deleteDocument'> {
  const { store } = ctx;
  return {
    listDocuments: () => ({ documents: store.documents.list() }),

    getDocument: ({ id }) => {
      const document = store.documents.get(id);
      if (!document) throw notFound('document', id);
      return { document, state: documentState(ctx, id) };
    },

    importFile: async ({ path: file }) => {
      const absolute = path.resolve(file);
      const bytes = readImportFile(absolute, ctx.options.import);
      return importDocument(ctx, absolute, absolute, bytes);
    },

    importBytes: async ({ name, dataBase64 }) => {
      if (!/^[A-Za-z0-9+/]*={0,2}$/.test(dataBase64)) {
        throw new ClaimscopeError('invalid_input', `${name}: the upload was damaged in transit; try opening the file again`);
      }
      const safeName = path.basename(name);
      return importDocument(ctx, safeName, null, Buffer.from(dataBase64, 'base64'));
    },

    deleteDocument: ({ id }) => {
      if (!store.documents.delete(id)) throw notFound('document', id);
      return { deleted: id };
    },
  };
}
