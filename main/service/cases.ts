import type { Handlers } from '../../common/api';
import { groupEvidence, type EvidenceDocument } from '../../common/corroboration';
import { LIMITS, type CaseSuggestion, type ChangeSet, type ClaimGroup, type ClaimStance, type Hypothesis } from '../../common/domain';
import { ClaimscopeError } from '../../common/errors';
import { splitsCharacter } from '../../common/selectors';
import { replay, ReplayConflictError, type Change } from '../../db/changes';
import { emptyChangeSet, inverted, toChangeSet } from '../../db/changeset';
import type { AssistantWorker } from './assistant';
import { insertAnnotation } from './annotations';
import { notFound, nowIso, type ServiceContext } from './context';
import { applyDefaultLinks } from './links';
import { requireAnnotation } from './relations';

// Cases (issue 14): a named set of documents, and claim groups matching passages across them.
// A case and its documents are filing (like settings: not undoable); claim groups are evidence:
// each write is one step of the case's own undo history (undoCase / redoCase), answering with its
// change set (claimGroups, hypotheses, achMarks, caseHistory). So are the analyst's credibility of
// a group, the ACH matrix (hypotheses and marks), an accepted cross-document suggestion (its new
// claims included: undo takes them away) and a dismissed one. Suggestions come from the
// assistant's worker thread (suggestAcross), without those dismissed or already grouped; the
// evidence of each group (common/corroboration.ts) is computed when the case is read.

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

function requireHypothesis(ctx: ServiceContext, id: number): Hypothesis {
  const h = ctx.store.hypotheses.get(id);
  if (!h) throw notFound('hypothesis', id);
  return h;
}

/**
 * A case suggestion's signature, stable across runs of the assistant (a dismissal is stored as one):
 * its type, kind and each span as documentId:start:end, the spans sorted.
 */
export function caseSuggestionSignature(s: CaseSuggestion): string {
  const spans = [...s.spans].sort((a, b) => a.documentId - b.documentId || a.start - b.start || a.end - b.end);
  return `${s.type}|${s.kind}|${spans.map((x) => `${x.documentId}:${x.start}:${x.end}`).join(',')}`;
}

/** Every span of the suggestion overlaps a member of this group in its document. */
function coveredBy(group: ClaimGroup, s: CaseSuggestion): boolean {
  return s.spans.every((x) => group.members.some((m) => m.documentId === x.documentId && m.start < x.end && x.start < m.end));
}

/** The evidence of each group (same order): its documents' names, outlets and links, and the sources. */
function evidenceOf(ctx: ServiceContext, groups: readonly ClaimGroup[]) {
  const { store } = ctx;
  const documents = new Map<number, EvidenceDocument>();
  for (const g of groups) {
    for (const m of g.members) {
      if (documents.has(m.documentId)) continue;
      const site = store.documents.metadata(m.documentId)?.site;
      documents.set(m.documentId, {
        id: m.documentId,
        title: store.documents.summary(m.documentId)?.title ?? `document ${m.documentId}`,
        ...(site ? { site } : {}),
        links: store.links.listForDocument(m.documentId),
      });
    }
  }
  const sources = store.sources.list();
  return groups.map((g) => groupEvidence(g, documents, sources));
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

function hypothesisAfter(ctx: ServiceContext, changes: ChangeSet, id: number): Hypothesis {
  return changes.hypotheses?.upserted.find((h) => h.id === id) ?? requireHypothesis(ctx, id);
}

/** The text of a suggestion's span's document, checked: in the case, the same words at the same place. */
function spanText(ctx: ServiceContext, caseId: number, documentIds: readonly number[], span: CaseSuggestion['spans'][number]): string {
  if (!documentIds.includes(span.documentId)) {
    throw new ClaimscopeError('invalid_input', `document ${span.documentId} is not in case ${caseId}; add it to the case first`);
  }
  const text = ctx.requireText(span.documentId);
  if (span.end <= span.start || span.end > text.length || splitsCharacter(text, span.start) || splitsCharacter(text, span.end)) {
    throw new ClaimscopeError('invalid_input', `the range ${span.start}-${span.end} is not a passage of document ${span.documentId} (${text.length} characters)`);
  }
  if (text.slice(span.start, span.end) !== span.text) {
    throw new ClaimscopeError('conflict', `document ${span.documentId} no longer reads "${span.text}" at ${span.start}-${span.end}; ask for the case's suggestions again`);
  }
  return text;
}

export function caseHandlers(
  ctx: ServiceContext,
  assistant: AssistantWorker,
): Pick<
  Handlers,
  | 'listCases' | 'createCase' | 'renameCase' | 'deleteCase' | 'addToCase' | 'removeFromCase' | 'getCase'
  | 'createClaimGroup' | 'addToClaimGroup' | 'removeFromClaimGroup' | 'deleteClaimGroup' | 'undoCase' | 'redoCase' | 'suggestCase' | 'caseSuggestionProgress'
  | 'acceptCaseSuggestion' | 'dismissCaseSuggestion' | 'updateClaimGroup'
  | 'createHypothesis' | 'updateHypothesis' | 'deleteHypothesis' | 'setAchMark'
> {
  const { store } = ctx;
  // The documents read so far of each case whose suggestions are being worked out.
  const reading = new Map<number, { done: number; total: number }>();

  const step = (caseId: number, direction: 'undo' | 'redo') => {
    requireCase(ctx, caseId);
    return ctx.transaction(() => {
      const op = direction === 'undo' ? store.operations.lastDoneInCase(caseId) : store.operations.firstUndoneInCase(caseId);
      if (!op) return { label: null, changes: unchanged(ctx, caseId) };
      const changes = JSON.parse(op.changes) as Change[];
      try {
        replay(ctx.db, changes, direction);
        // A step may add or remove claims (an accepted suggestion): overlap queries measure again.
        store.annotations.forgetLengths();
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
      const claimGroups = store.claimGroups.listForCase(id);
      return {
        case: c,
        documents,
        claimGroups,
        evidence: evidenceOf(ctx, claimGroups),
        hypotheses: store.hypotheses.listForCase(id),
        marks: store.hypotheses.marksForCase(id),
        history: store.operations.caseHistory(id),
      };
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

    async suggestCase({ caseId, corroborations }) {
      const c = requireCase(ctx, caseId);
      const docs = c.documentIds.map((id) => {
        const summary = store.documents.summary(id)!;
        const published = store.documents.metadata(id)?.published;
        return { id, text: ctx.requireText(id), title: summary.title, ...(published ? { published } : {}) };
      });
      // On the assistant's worker thread: a case of twenty long documents takes seconds.
      const progress = { done: 0, total: docs.length };
      reading.set(caseId, progress);
      let found: CaseSuggestion[];
      try {
        found = await assistant.suggestCase(docs, corroborations === false ? { corroborations: false } : {}, (done) => {
          progress.done = done;
        });
      } finally {
        if (reading.get(caseId) === progress) reading.delete(caseId);
      }
      // Read after the wait: the analyst may have dismissed or grouped meanwhile.
      const dismissed = store.cases.dismissed(caseId);
      const groups = store.claimGroups.listForCase(caseId);
      const suggestions = found.filter((s) => !dismissed.has(caseSuggestionSignature(s)) && !groups.some((g) => coveredBy(g, s)));
      return { suggestions };
    },

    caseSuggestionProgress({ caseId }) {
      requireCase(ctx, caseId);
      const p = reading.get(caseId);
      return p ? { running: true, ...p } : { running: false, done: 0, total: 0 };
    },

    acceptCaseSuggestion({ caseId, suggestion }) {
      const c = requireCase(ctx, caseId);
      const texts = suggestion.spans.map((span) => spanText(ctx, caseId, c.documentIds, span));
      const existingClaim = (span: CaseSuggestion['spans'][number]) =>
        store.annotations
          .overlapping(span.documentId, 'claim', span.start, span.end)
          .map((id) => store.annotations.get(id)!)
          .find((a) => a.start === span.start && a.end === span.end) ?? null;
      const stanceOf = (i: number): ClaimStance => (suggestion.type === 'inconsistency' && i > 0 ? 'contradicts' : 'states');

      // Already accepted (every passage tagged, one group holding exactly those claims): that group.
      const known = suggestion.spans.map(existingClaim);
      if (known.every((a) => a !== null)) {
        const same = store.claimGroups.withExactly(caseId, known.map((a) => a!.id));
        if (same !== null) return { claimGroup: requireGroup(ctx, same), tagged: 0, flagId: null, changes: unchanged(ctx, caseId) };
      }
      const what = suggestion.type === 'inconsistency' ? 'contradiction' : 'corroboration';
      const { value, changes } = ctx.writeCase(caseId, `Accept cross-document ${what}`, (rec) => {
        let tagged = 0;
        const members = new Map<number, ClaimStance>();
        suggestion.spans.forEach((span, i) => {
          let claim = existingClaim(span);
          if (!claim) {
            claim = insertAnnotation(ctx, rec, span.documentId, texts[i]!, 'claim', span.start, span.end);
            store.annotations.noteLength(span.documentId, span.end - span.start);
            // As every new claim: an attribution of its sentence covers it (and so says who it relies on).
            applyDefaultLinks(ctx, rec, claim, texts[i]!);
            tagged++;
          }
          if (!members.has(claim.id)) members.set(claim.id, stanceOf(i));
        });
        const label = suggestion.explanation.trim().slice(0, LIMITS.explanation);
        const groupId = rec.insert('claim_groups', { case_id: caseId, label, created_at: nowIso(), credibility: null });
        for (const [annotationId, stance] of members) rec.insert('claim_group_members', { group_id: groupId, annotation_id: annotationId, stance });
        // A contradiction is also an inconsistency flag spanning its documents: each shows it, with
        // the passages it does not hold named by document.
        let flagId: number | null = null;
        if (suggestion.type === 'inconsistency' && members.size >= 2) {
          flagId = rec.insert('flags', { document_id: suggestion.spans[0]!.documentId, explanation: label, status: 'open', note: '', created_at: nowIso() });
          for (const annotationId of members.keys()) rec.insert('flag_members', { flag_id: flagId, annotation_id: annotationId });
        }
        return { groupId, tagged, flagId };
      });
      return { claimGroup: groupAfter(ctx, changes, value.groupId), tagged: value.tagged, flagId: value.flagId, changes };
    },

    dismissCaseSuggestion({ caseId, suggestion }) {
      requireCase(ctx, caseId);
      const signature = caseSuggestionSignature(suggestion);
      if (store.cases.dismissal(caseId, signature) !== null) return { changes: unchanged(ctx, caseId) };
      const { changes } = ctx.writeCase(caseId, 'Dismiss suggestion', (rec) => {
        rec.insert('case_dismissals', { case_id: caseId, signature, created_at: nowIso() });
      });
      return { changes };
    },

    updateClaimGroup({ id, label, credibility }) {
      const g = requireGroup(ctx, id);
      const patch: Record<string, string | number | null> = {};
      if (label !== undefined && label.trim() !== g.label) patch.label = label.trim();
      if (credibility !== undefined && credibility !== g.credibility) patch.credibility = credibility;
      if (Object.keys(patch).length === 0) return { claimGroup: g, changes: unchanged(ctx, g.caseId) };
      const step = patch.label === undefined ? (credibility === null ? 'Clear credibility' : 'Set credibility') : patch.credibility === undefined ? 'Rename claim group' : 'Edit claim group';
      const { changes } = ctx.writeCase(g.caseId, step, (rec) => rec.update('claim_groups', id, patch));
      return { claimGroup: groupAfter(ctx, changes, id), changes };
    },

    createHypothesis({ caseId, label }) {
      requireCase(ctx, caseId);
      const { value: id, changes } = ctx.writeCase(caseId, 'Add hypothesis', (rec) =>
        rec.insert('hypotheses', { case_id: caseId, label: label.trim(), position: store.hypotheses.nextPosition(caseId), created_at: nowIso() }),
      );
      return { hypothesis: hypothesisAfter(ctx, changes, id), changes };
    },

    updateHypothesis({ id, label }) {
      const h = requireHypothesis(ctx, id);
      if (label.trim() === h.label) return { hypothesis: h, changes: unchanged(ctx, h.caseId) };
      const { changes } = ctx.writeCase(h.caseId, 'Rename hypothesis', (rec) => rec.update('hypotheses', id, { label: label.trim() }));
      return { hypothesis: hypothesisAfter(ctx, changes, id), changes };
    },

    deleteHypothesis({ id }) {
      const h = requireHypothesis(ctx, id);
      const { changes } = ctx.writeCase(h.caseId, 'Delete hypothesis', (rec) => {
        for (const m of store.hypotheses.markIds(id)) rec.delete('ach_marks', m);
        rec.delete('hypotheses', id);
      });
      return { deleted: id, changes };
    },

    setAchMark({ hypothesisId, groupId, mark }) {
      const h = requireHypothesis(ctx, hypothesisId);
      const g = requireGroup(ctx, groupId);
      if (h.caseId !== g.caseId) {
        throw new ClaimscopeError('invalid_input', `hypothesis ${hypothesisId} is in case ${h.caseId} and claim group ${groupId} in case ${g.caseId}; mark a group of the hypothesis's case`);
      }
      const existing = store.hypotheses.mark(hypothesisId, groupId);
      if ((existing?.mark ?? null) === mark) return { changes: unchanged(ctx, h.caseId) };
      const { changes } = ctx.writeCase(h.caseId, mark === null ? 'Clear mark' : 'Mark claim group', (rec) => {
        if (mark === null) rec.delete('ach_marks', existing!.id);
        else if (existing) rec.update('ach_marks', existing.id, { mark });
        else rec.insert('ach_marks', { hypothesis_id: hypothesisId, group_id: groupId, mark });
      });
      return { changes };
    },
  };
}
