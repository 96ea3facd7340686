import crypto from 'node:crypto';
import path from 'node:path';
import type { Handlers, Output } from '../../common/api';
import { ClaimscopeError } from '../../common/errors';
import type { Metadata } from '../../common/domain';
import { checkImportOptions, readImportFile, type ImportOptions } from '../core/import';
import { normaliseLabel } from '../core/import/text';
import { importInWorker } from './importer';
import { notFound, type ServiceContext } from './context';
import { documentState } from './history';
import { moveAnnotationsToVersion } from './versions';

export function sha256(bytes: Uint8Array): string {
  return crypto.createHash('sha256').update(bytes).digest('hex');
}

/** How the analyst asked for a file to be read (the import request's choices). */
export interface ImportChoices {
  encoding?: string | undefined;
  wholePage?: boolean | undefined;
}

/** Whether a stored document was read the way `choices` ask (no choice matches anything). */
function readAsChosen(format: string, metadata: Metadata, choices: ImportChoices): boolean {
  const decoded = format === 'txt' || format === 'md' || format === 'html';
  if (decoded && choices.encoding !== undefined && normaliseLabel(choices.encoding, false) !== (metadata.encoding ?? 'utf-8')) return false;
  if (format === 'html' && choices.wholePage !== undefined && choices.wholePage !== (metadata.content === 'whole page')) return false;
  return true;
}

/**
 * Imports a file's bytes. The same content (sha256) opens the existing document instead of
 * duplicating it, unless the analyst chose another way of reading it (an encoding, the whole page)
 * than that document was read with. Nothing is written unless the whole file parsed.
 */
export async function importDocument(
  ctx: ServiceContext,
  name: string,
  filePath: string | null,
  bytes: Uint8Array,
  choices: ImportChoices = {},
): Promise<Output<'importFile'>> {
  checkImportOptions(name, choices.encoding !== undefined ? { encoding: choices.encoding } : {});
  const hash = sha256(bytes);
  const existing = ctx.store.documents.findBySha(hash);
  if (existing !== null) {
    const record = ctx.store.documents.get(existing);
    if (!record || readAsChosen(record.format, record.metadata, choices)) return { document: ctx.store.documents.summary(existing)!, existing: true };
  }
  const options: ImportOptions = { ...ctx.options.import };
  if (choices.encoding !== undefined) options.encoding = choices.encoding;
  if (choices.wholePage !== undefined) options.wholePage = choices.wholePage;
  const parsed = await importInWorker(name, bytes, options, ctx.options.importLimits);
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

    importFile: async ({ path: file, encoding, wholePage }) => {
      const absolute = path.resolve(file);
      checkImportOptions(absolute, encoding !== undefined ? { encoding } : {});
      const bytes = readImportFile(absolute, ctx.options.import);
      return importDocument(ctx, absolute, absolute, bytes, { encoding, wholePage });
    },

    importBytes: async ({ name, dataBase64, encoding, wholePage }) => {
      if (!/^[A-Za-z0-9+/]*={0,2}$/.test(dataBase64)) {
        throw new ClaimscopeError('invalid_input', `${name}: the upload was damaged in transit; try opening the file again`);
      }
      const safeName = path.basename(name);
      return importDocument(ctx, safeName, null, Buffer.from(dataBase64, 'base64'), { encoding, wholePage });
    },

    deleteDocument: ({ id }) => {
      ctx.transaction(() => {
        if (!store.documents.delete(id)) throw notFound('document', id);
        // A flag across documents that kept one claim (its others were this document's) is no flag.
        store.flags.dissolveHalfFlags();
      });
      return { deleted: id };
    },
  };
}
