import type { Handlers } from '../../common/api';
import type { DocumentState } from '../../common/domain';
import { replay, ReplayConflictError, type Change } from '../../db/changes';
import { emptyChangeSet, inverted, toChangeSet } from '../../db/changeset';
import { ClaimscopeError } from '../../common/errors';
import { notFound, type ServiceContext } from './context';

export function documentState(ctx: ServiceContext, documentId: number): DocumentState {
  const { store } = ctx;
  return {
    annotations: store.annotations.list(documentId),
    links: store.links.listForDocument(documentId),
    flags: store.flags.listForDocument(documentId),
    sources: store.sources.list(),
    assessment: store.assessments.forDocument(documentId),
    ...store.operations.history(documentId),
  };
}

export function historyHandlers(ctx: ServiceContext): Pick<Handlers, 'undo' | 'redo' | 'getState'> {
  const { store } = ctx;
  const step = (documentId: number, direction: 'undo' | 'redo') => {
    if (!store.documents.exists(documentId)) throw notFound('document', documentId);
    return ctx.transaction(() => {
      const op = direction === 'undo' ? store.operations.lastDone(documentId) : store.operations.firstUndone(documentId);
      if (!op) return { label: null, changes: emptyChangeSet(documentId, store.operations.history(documentId)) };
      const changes = JSON.parse(op.changes) as Change[];
      try {
        replay(ctx.db, changes, direction);
        store.annotations.forgetLengths();
      } catch (err) {
        // Refused whole (the transaction rolls back): nothing is removed that was not recorded.
        if (err instanceof ReplayConflictError) throw new ClaimscopeError('conflict', `Cannot ${direction} "${op.label}": ${err.message}`);
        throw err;
      }
      store.operations.setState(op.id, direction === 'undo' ? 'undone' : 'done');
      return { label: op.label, changes: toChangeSet(store, documentId, direction === 'undo' ? inverted(changes) : changes) };
    });
  };
  return {
    getState: ({ documentId }) => {
      if (!store.documents.exists(documentId)) throw notFound('document', documentId);
      return documentState(ctx, documentId);
    },
    undo: ({ documentId }) => step(documentId, 'undo'),
    redo: ({ documentId }) => step(documentId, 'redo'),
  };
}
