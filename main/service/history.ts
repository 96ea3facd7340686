import type { Handlers } from '../../common/api';
import type { DocumentState } from '../../common/domain';
import { replay, ReplayConflictError, type Change } from '../../db/changes';
import { ClaimscopeError } from '../../common/errors';
import { notFound, type ServiceContext } from './context';

export function documentState(ctx: ServiceContext, documentId: number): DocumentState {
  const { store } = ctx;
  return {
    annotations: store.listAnnotations(documentId),
    links: store.listLinks(documentId),
    flags: store.listFlags(documentId),
    sources: store.listSources(),
    canUndo: store.lastDoneOperation(documentId) !== null,
    canRedo: store.firstUndoneOperation(documentId) !== null,
  };
}

export function historyHandlers(ctx: ServiceContext): Pick<Handlers, 'undo' | 'redo' | 'getState'> {
  const { store } = ctx;
  const step = (documentId: number, direction: 'undo' | 'redo') => {
    if (store.getSummary(documentId) === null) throw notFound('document', documentId);
    const label = ctx.transaction(() => {
      const op = direction === 'undo' ? store.lastDoneOperation(documentId) : store.firstUndoneOperation(documentId);
      if (!op) return null;
      try {
        replay(ctx.db, JSON.parse(op.changes) as Change[], direction);
      } catch (err) {
        // Refused whole (the transaction rolls back): nothing is removed that was not recorded.
        if (err instanceof ReplayConflictError) throw new ClaimscopeError('conflict', `Cannot ${direction} "${op.label}": ${err.message}`);
        throw err;
      }
      store.setOperationState(op.id, direction === 'undo' ? 'undone' : 'done');
      return op.label;
    });
    return { label, state: documentState(ctx, documentId) };
  };
  return {
    getState: ({ documentId }) => {
      if (store.getSummary(documentId) === null) throw notFound('document', documentId);
      return documentState(ctx, documentId);
    },
    undo: ({ documentId }) => step(documentId, 'undo'),
    redo: ({ documentId }) => step(documentId, 'redo'),
  };
}
