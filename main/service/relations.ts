import type { Annotation, DocumentRelations, Source } from '../../common/domain';
import { ClaimscopeError } from '../../common/errors';
import { notFound, type ServiceContext } from './context';

// Reads shared by the handlers of sources, links and flags.

/** A document's links, flags and sources with its undo state: what every relation edit returns. */
export function documentRelations(ctx: ServiceContext, documentId: number): DocumentRelations {
  const { store } = ctx;
  return {
    links: store.listLinks(documentId),
    flags: store.listFlags(documentId),
    sources: store.listSources(),
    canUndo: store.lastDoneOperation(documentId) !== null,
    canRedo: store.firstUndoneOperation(documentId) !== null,
  };
}

export function relationsIfDocument(ctx: ServiceContext, documentId: number | undefined): DocumentRelations | null {
  return documentId === undefined ? null : documentRelations(ctx, documentId);
}

/** Checks that a document named as the context of an action exists. */
export function requireDocument(ctx: ServiceContext, documentId: number | undefined): void {
  if (documentId !== undefined && ctx.store.getSummary(documentId) === null) throw notFound('document', documentId);
}

interface SourceRow {
  id: number;
  name: string;
  type: Source['type'];
  aliases: string;
  reliability: Source['reliability'];
  note: string;
}

export function getSource(ctx: ServiceContext, id: number): Source | null {
  const r = ctx.db.prepare('SELECT id, name, type, aliases, reliability, note FROM sources WHERE id = ?').get(id) as
    | SourceRow
    | undefined;
  return r ? { ...r, aliases: JSON.parse(r.aliases) as string[] } : null;
}

export function requireSource(ctx: ServiceContext, id: number): Source {
  const s = getSource(ctx, id);
  if (!s) throw notFound('source', id);
  return s;
}

export function requireAnnotation(ctx: ServiceContext, id: number): Annotation {
  const a = ctx.store.getAnnotation(id);
  if (!a) throw notFound('annotation', id);
  return a;
}

/** A claim of the given document, or an error that says what the id is instead. */
export function requireClaim(ctx: ServiceContext, id: number, documentId: number): Annotation {
  const a = requireAnnotation(ctx, id);
  if (a.kind !== 'claim') throw new ClaimscopeError('invalid_input', `annotation ${id} is an ${a.kind}, not a claim`);
  if (a.documentId !== documentId) {
    throw new ClaimscopeError('invalid_input', `claim ${id} belongs to another document (${a.documentId}, not ${documentId})`);
  }
  return a;
}

/** Short text for operation labels: "Yury Ushakov", cut at 40 characters. */
export function quoted(s: string): string {
  return `“${s.length > 40 ? s.slice(0, 39) + '…' : s}”`;
}
