import type { Annotation, Source } from '../../common/domain';
import { ClaimscopeError } from '../../common/errors';
import { notFound, type ServiceContext } from './context';

// Checks shared by the handlers: what an input names must exist, and be of the right kind.

/** Checks that a document named as the context of an action exists. */
export function requireDocument(ctx: ServiceContext, documentId: number | undefined): void {
  if (documentId !== undefined && !ctx.store.documents.exists(documentId)) throw notFound('document', documentId);
}

export function getSource(ctx: ServiceContext, id: number): Source | null {
  return ctx.store.sources.get(id);
}

export function requireSource(ctx: ServiceContext, id: number): Source {
  const s = getSource(ctx, id);
  if (!s) throw notFound('source', id);
  return s;
}

export function requireAnnotation(ctx: ServiceContext, id: number): Annotation {
  const a = ctx.store.annotations.get(id);
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
