import type { Handlers } from '../../common/api';
import { quoteSelector } from '../../common/selectors';
import { anchorAll } from '../core/anchor';
import { diffSentences } from '../core/versions';
import { notFound, type ServiceContext } from './context';

/**
 * Moves a document's annotations onto its new version by re-anchoring each (position, exact quote,
 * fuzzy quote). Links and flags follow, since the annotations keep their ids. What anchors nowhere
 * stays as an orphan with its quote: kept and listed, never deleted.
 */
export function moveAnnotationsToVersion(ctx: ServiceContext, fromId: number, toId: number, newText: string): { moved: number; orphans: number } {
  const annotations = ctx.store.listAnnotations(fromId);
  const anchored = anchorAll(newText, annotations);
  const update = ctx.db.prepare(
    `UPDATE annotations SET document_id = @doc, start_offset = @start, end_offset = @end,
       exact = @exact, prefix = @prefix, suffix = @suffix, orphan = @orphan WHERE id = @id`,
  );
  const moveFlags = ctx.db.prepare('UPDATE flags SET document_id = ? WHERE document_id = ?');
  let orphans = 0;
  annotations.forEach((a, i) => {
    const hit = anchored[i];
    if (hit) {
      update.run({ id: a.id, doc: toId, start: hit.start, end: hit.end, orphan: 0, ...quoteSelector(newText, hit.start, hit.end) });
    } else {
      orphans++;
      // Offsets of an orphan only keep the row valid; its quote is what the analyst sees.
      const start = Math.min(a.start, Math.max(0, newText.length - 1));
      const end = Math.max(start + 1, Math.min(a.end, newText.length));
      update.run({ id: a.id, doc: toId, start, end, orphan: 1, exact: a.exact, prefix: a.prefix, suffix: a.suffix });
    }
  });
  moveFlags.run(toId, fromId);
  return { moved: annotations.length - orphans, orphans };
}

export function versionHandlers(ctx: ServiceContext): Pick<Handlers, 'getVersionDiff'> {
  return {
    getVersionDiff({ documentId }) {
      const doc = ctx.store.getSummary(documentId);
      if (!doc) throw notFound('document', documentId);
      if (doc.previousId === null) return { previousId: null, added: [], removed: [], changed: [] };
      const newText = ctx.requireText(documentId);
      const oldText = ctx.requireText(doc.previousId);
      const d = diffSentences(oldText, newText);
      const inOld = (s: { start: number; end: number }) => ({ ...s, text: oldText.slice(s.start, s.end) });
      const inNew = (s: { start: number; end: number }) => ({ ...s, text: newText.slice(s.start, s.end) });
      return {
        previousId: doc.previousId,
        added: d.added.map(inNew),
        removed: d.removed.map(inOld),
        changed: d.changed.map((c) => ({ old: inOld(c.old), new: inNew(c.new) })),
      };
    },
  };
}
