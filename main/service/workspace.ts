import type { Handlers } from '../../common/api';
import { ClaimscopeError } from '../../common/errors';
import { conflictMessage, isSyncTable, type SyncConflict } from '../../common/workspace';
import type { ServiceContext } from './context';

// The team workspace as the API shows it. The link itself (main/sync/, the only room that talks to
// PostgreSQL) is handed in by the wiring as a WorkspaceLink; the service knows only this shape.
// The conflicts are local records (sync_conflicts), read here.

function unavailable(): never {
  throw new ClaimscopeError('unavailable', 'this process has no workspace link; use the app or `claimscope workspace connect`');
}

export function workspaceHandlers(
  ctx: ServiceContext,
): Pick<Handlers, 'workspaceStatus' | 'connectWorkspace' | 'syncWorkspace' | 'leaveWorkspace' | 'listConflicts' | 'dismissConflict'> {
  const link = () => ctx.options.workspace ?? unavailable();
  const failed = (err: unknown): never => {
    if (err instanceof ClaimscopeError) throw err;
    throw new ClaimscopeError('unavailable', err instanceof Error ? err.message.split('\n')[0]! : String(err));
  };
  return {
    workspaceStatus: () => ({ status: link().status() }),
    async connectWorkspace({ url }) {
      try {
        return { status: await link().connect(url) };
      } catch (err) {
        return failed(err);
      }
    },
    async syncWorkspace() {
      try {
        const counts = await link().sync();
        return { ...counts, status: link().status() };
      } catch (err) {
        return failed(err);
      }
    },
    async leaveWorkspace() {
      await link().leave();
      return { status: link().status() };
    },
    listConflicts({ documentId }) {
      const me = ctx.store.sync.meta().member;
      const conflicts: SyncConflict[] = [];
      for (const c of ctx.store.sync.conflicts()) {
        if (!isSyncTable(c.tbl)) continue;
        const recordId = ctx.store.sync.localId(c.tbl, c.uid);
        const doc = recordId === null ? null : ctx.store.sync.documentOf(c.tbl, recordId);
        if (documentId !== undefined && doc !== documentId) continue;
        const view = { table: c.tbl, kind: c.kind, field: c.field, kept: c.kept, lost: c.lost, winner: c.winner, loser: c.loser };
        conflicts.push({ id: c.id, recordId, documentId: doc, at: c.at, ...view, message: conflictMessage(view, me) });
      }
      return { conflicts };
    },
    dismissConflict({ id }) {
      if (!ctx.store.sync.dismissConflict(id)) throw new ClaimscopeError('not_found', `conflict ${id} does not exist or was dismissed already`);
      return { dismissed: id };
    },
  };
}
