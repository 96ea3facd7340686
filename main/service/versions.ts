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
  const annotations = ctx.store.annotations.list(fromId);
  const anchored = anchorAll(newText, annotations);
  const version = ctx.store.documents.summary(toId)?.version ?? 2;
  let orphans = 0;
  annotations.forEach((a, i) => {
    const hit = anchored[i];
    if (hit) {
      const quote = quoteSelector(newText, hit.start, hit.end);
      // Re-anchored on other words ("$8 million" is now "$9 million"): it says so until reviewed.
      const changed = quote.exact !== a.exact ? { from: a.exact, inVersion: version } : undefined;
      ctx.store.annotations.place(a.id, { documentId: toId, start: hit.start, end: hit.end, orphan: false, ...quote, ...(changed ? { changed } : {}) });
    } else {
      orphans++;
      // Offsets of an orphan only keep the row valid; its quote is what the analyst sees.
      const start = Math.min(a.start, Math.max(0, newText.length - 1));
      const end = Math.max(start + 1, Math.min(a.end, newText.length));
      ctx.store.annotations.place(a.id, { documentId: toId, start, end, orphan: true, exact: a.exact, prefix: a.prefix, suffix: a.suffix });
    }
  });
  ctx.store.flags.moveToDocument(fromId, toId);
  // The bottom line follows too: the analyst revises it for the new text (one undoable step).
  ctx.store.assessments.moveToDocument(fromId, toId);
  // The new version takes the old one's place in its cases (claim groups follow the annotations).
  ctx.store.cases.moveDocument(fromId, toId);
  return { moved: annotations.length - orphans, orphans };
}

export function versionHandlers(ctx: ServiceContext): Pick<Handlers, 'getVersionDiff'> {
  return {
    getVersionDiff({ documentId }) {
      const doc = ctx.store.documents.summary(documentId);
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
