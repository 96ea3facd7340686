import type { Handlers } from '../../common/api';
import { notFound, nowIso, type ServiceContext } from './context';

// The document's bottom line (verdict and summary) and the analyst's settings. The assessment is
// part of the document: each edit is one undoable step answering with its change set, as a note's
// edit is. Settings belong to the analyst and are not undoable.

export function assessmentHandlers(ctx: ServiceContext): Pick<Handlers, 'setAssessment' | 'getSettings' | 'updateSettings'> {
  const { store } = ctx;
  return {
    setAssessment({ documentId, verdict, summary }) {
      if (!store.documents.exists(documentId)) throw notFound('document', documentId);
      const label = summary !== undefined && verdict === undefined ? 'Edit assessment summary' : 'Set verdict';
      const { changes } = ctx.write(documentId, label, (rec) => {
        // Read inside the transaction: another window may have written it meanwhile.
        const existing = store.assessments.forDocument(documentId);
        const next = { verdict: verdict ?? existing?.verdict ?? 'unassessed', summary: summary ?? existing?.summary ?? '' };
        // Nothing changed: no step in the history.
        if (existing && existing.verdict === next.verdict && existing.summary === next.summary) return;
        if (!existing && next.verdict === 'unassessed' && next.summary === '') return;
        const row = { document_id: documentId, verdict: next.verdict, summary: next.summary, updated_at: nowIso() };
        if (existing) rec.update('assessments', existing.id, row);
        else rec.insert('assessments', row);
      });
      const assessment = changes.assessments?.upserted.find((a) => a.documentId === documentId) ?? store.assessments.forDocument(documentId);
      return { assessment, changes };
    },

    getSettings: () => ({ settings: store.settings.all() }),

    updateSettings(patch) {
      ctx.transaction(() => store.settings.update(patch, nowIso()));
      return { settings: store.settings.all() };
    },
  };
}
