import type { Handlers } from '../../common/api';
import type { ChangeSet, ClaimGroup, ClaimStance } from '../../common/domain';
import { ClaimscopeError } from '../../common/errors';
import { suggestAcross } from '../../assist/cases';
import { replay, ReplayConflictError, type Change } from '../../db/changes';
import { emptyChangeSet, inverted, toChangeSet } from '../../db/changeset';
import { notFound, nowIso, type ServiceContext } from './context';
import { requireAnnotation } from './relations';

// Cases (issue 14): a named set of documents, and claim groups matching passages across them.
// A case and its documents are filing (like settings: not undoable); claim groups are evidence:
// each write is one step of the case's own undo history (undoCase / redoCase), answering with its
// change set (claimGroups, caseHistory).

function requireCase(ctx: ServiceContext, id: number) {
  const c = ctx.store.cases.get(id);
  if (!c) throw notFound('case', id);
  return c;
}

function requireGroup(ctx: ServiceContext, id: number): ClaimGroup {
  const g = ctx.store.claimGroups.get(id);
  if (!g) throw notFound('claim group', id);
  return g;
}

function uniqueName(ctx: ServiceContext, name: string, except?: number): string {
  const trimmed = name.trim();
  const other = ctx.store.cases.idByName(trimmed);
  if (other !== null && other !== except) throw new ClaimscopeError('conflict', `a case named "${trimmed}" already exists; choose another name`);
  return trimmed;
}

/** A claim of one of the case's documents. */
function requireCaseClaim(ctx: ServiceContext, caseId: number, annotationId: number): void {
  const a = requireAnnotation(ctx, annotationId);
  if (a.kind !== 'claim') throw new ClaimscopeError('invalid_input', `annotation ${annotationId} is an ${a.kind}, not a claim; a claim group holds claims`);
  if (!ctx.store.cases.documentIds(caseId).includes(a.documentId)) {
    throw new ClaimscopeError('invalid_input', `claim ${annotationId} is in document ${a.documentId}, which is not in case ${caseId}; add the document to the case first`);
  }
}

function groupAfter(ctx: ServiceContext, changes: ChangeSet, id: number): ClaimGroup {
  return changes.claimGroups?.upserted.find((g) => g.id === id) ?? requireGroup(ctx, id);
}

function unchanged(ctx: ServiceContext, caseId: number): ChangeSet {
  return { ...emptyChangeSet(null, null), claimGroups: { upserted: [], removed: [] }, caseHistory: ctx.store.operations.caseHistory(caseId) };
}

export function caseHandlers(
  ctx: ServiceContext,
): Pick<
  Handlers,
  | 'listCases' | 'createCase' | 'renameCase' | 'deleteCase' | 'addToCase' | 'removeFromCase' | 'getCase'
  | 'createClaimGroup' | 'addToClaimGroup' | 'removeFromClaimGroup' | 'deleteClaimGroup' | 'undoCase' | 'redoCase' | 'suggestCase'
> {
  const { store } = ctx;

  const step = (caseId: number, direction: 'undo' | 'redo') => {
    requireCase(ctx, caseId);
    return ctx.transaction(() => {
      const op = direction === 'undo' ? store.operations.lastDoneInCase(caseId) : store.operations.firstUndoneInCase(caseId);
      if (!op) return { label: null, changes: unchanged(ctx, caseId) };
      const changes = JSON.parse(op.changes) as Change[];
      try {
        replay(ctx.db, changes, direction);
      } catch (err) {
        if (err instanceof ReplayConflictError) throw new ClaimscopeError('conflict', `Cannot ${direction} "${op.label}": ${err.message}`);
        throw err;
      }
      store.operations.setState(op.id, direction === 'undo' ? 'undone' : 'done');
      const set = toChangeSet(store, null, direction === 'undo' ? inverted(changes) : changes);
      return { label: op.label, changes: { ...set, claimGroups: set.claimGroups ?? { upserted: [], removed: [] }, caseHistory: store.operations.caseHistory(caseId) } };
    });
  };

  return {
    listCases: () => ({ cases: store.cases.list() }),

    createCase({ name }) {
      const id = ctx.transaction(() => store.cases.insert(uniqueName(ctx, name), nowIso()));
      return { case: store.cases.get(id)! };
    },

    renameCase({ id, name }) {
      requireCase(ctx, id);
      ctx.transaction(() => store.cases.rename(id, uniqueName(ctx, name, id)));
      return { case: store.cases.get(id)! };
    },

    deleteCase({ id }) {
      requireCase(ctx, id);
      ctx.transaction(() => store.cases.delete(id));
      return { deleted: id };
    },

    addToCase({ caseId, documentIds }) {
      requireCase(ctx, caseId);
      ctx.transaction(() => {
        for (const d of documentIds) if (!store.documents.exists(d)) throw notFound('document', d);
        for (const d of documentIds) store.cases.addDocument(caseId, d);
      });
      return { case: store.cases.get(caseId)! };
    },

    removeFromCase({ caseId, documentId }) {
      const c = requireCase(ctx, caseId);
      if (!c.documentIds.includes(documentId)) throw new ClaimscopeError('invalid_input', `document ${documentId} is not in case ${caseId}`);
      ctx.transaction(() => store.cases.removeDocument(caseId, documentId));
      return { case: store.cases.get(caseId)! };
    },

    getCase({ id }) {
      const c = requireCase(ctx, id);
      const documents = c.documentIds.map((d) => {
        const annotations = store.annotations.list(d);
        return {
          document: store.documents.summary(d)!,
          claims: annotations.filter((a) => a.kind === 'claim').length,
          attributions: annotations.filter((a) => a.kind === 'attribution').length,
          flags: store.flags.listForDocument(d).length,
          orphans: annotations.filter((a) => a.orphan).length,
        };
      });
      return { case: c, documents, claimGroups: store.claimGroups.listForCase(id), history: store.operations.caseHistory(id) };
    },

    createClaimGroup({ caseId, label, members }) {
      requireCase(ctx, caseId);
      const wanted = new Map<number, ClaimStance>();
      for (const m of members ?? []) wanted.set(m.annotationId, m.stance ?? 'states');
      const { value: id, changes } = ctx.writeCase(caseId, 'Group claims', (rec) => {
        for (const a of wanted.keys()) requireCaseClaim(ctx, caseId, a);
        const groupId = rec.insert('claim_groups', { case_id: caseId, label: label?.trim() ?? '', created_at: nowIso() });
        for (const [a, stance] of wanted) rec.insert('claim_group_members', { group_id: groupId, annotation_id: a, stance });
        return groupId;
      });
      return { claimGroup: groupAfter(ctx, changes, id), changes };
    },

    addToClaimGroup({ groupId, annotationId, stance }) {
      const g = requireGroup(ctx, groupId);
      const want = stance ?? 'states';
      const existing = store.claimGroups.member(groupId, annotationId);
      if (existing && existing.stance === want) return { claimGroup: g, changes: unchanged(ctx, g.caseId) };
      const label = existing ? `Mark claim as ${want === 'states' ? 'stating' : 'contradicting'}` : 'Add claim to group';
      const { changes } = ctx.writeCase(g.caseId, label, (rec) => {
        if (existing) rec.update('claim_group_members', existing.id, { stance: want });
        else {
          requireCaseClaim(ctx, g.caseId, annotationId);
          rec.insert('claim_group_members', { group_id: groupId, annotation_id: annotationId, stance: want });
        }
      });
      return { claimGroup: groupAfter(ctx, changes, groupId), changes };
    },

    removeFromClaimGroup({ groupId, annotationId }) {
      const g = requireGroup(ctx, groupId);
      const existing = store.claimGroups.member(groupId, annotationId);
      if (!existing) throw new ClaimscopeError('invalid_input', `annotation ${annotationId} is not in claim group ${groupId}`);
      const { changes } = ctx.writeCase(g.caseId, 'Remove claim from group', (rec) => rec.delete('claim_group_members', existing.id));
      return { claimGroup: groupAfter(ctx, changes, groupId), changes };
    },

    deleteClaimGroup({ id }) {
      const g = requireGroup(ctx, id);
      const { changes } = ctx.writeCase(g.caseId, 'Delete claim group', (rec) => {
        for (const m of store.claimGroups.markIds(id)) rec.delete('ach_marks', m);
        for (const m of store.claimGroups.memberIds(id)) rec.delete('claim_group_members', m);
        rec.delete('claim_groups', id);
      });
      return { deleted: id, changes };
    },

    undoCase: ({ caseId }) => step(caseId, 'undo'),
    redoCase: ({ caseId }) => step(caseId, 'redo'),

    suggestCase({ caseId, corroborations }) {
      const c = requireCase(ctx, caseId);
      const docs = c.documentIds.map((id) => {
        const summary = store.documents.summary(id)!;
        const published = store.documents.metadata(id)?.published;
        return { id, text: ctx.requireText(id), title: summary.title, ...(published ? { published } : {}) };
      });
      return { suggestions: suggestAcross(docs, corroborations === false ? { corroborations: false } : {}) };
    },
  };
}
