import { memo, useEffect, useRef } from 'react';
import type { Block } from '../../../common/domain';
import { pieces, type Mark } from './model';

// One document of a case, read only, in its blocks, with its claims, the passages of claim groups
// (stating or contradicting) and the passages of the chosen suggestion drawn over the text. A
// click on a claim chooses it; the text the analyst selects can be tagged (`selectionOffsets`).
// Every piece carries its start offset, so a DOM selection maps back to the document's text.

interface Props {
  documentId: number;
  text: string;
  blocks: readonly Block[];
  marks: readonly Mark[];
  /** Scrolled into view when it changes (the chosen suggestion's or claim's passage here). */
  focus: { start: number; end: number } | null;
  onChooseClaim(annotationId: number): void;
  label: string;
}

function blockTag(b: Block): 'h3' | 'h4' | 'p' | 'blockquote' | 'div' {
  if (b.type === 'heading') return (b.level ?? 2) <= 2 ? 'h3' : 'h4';
  if (b.type === 'blockquote') return 'blockquote';
  if (b.type === 'table') return 'div';
  return 'p';
}

export const CaseText = memo(function CaseText({ documentId, text, blocks, marks, focus, onChooseClaim, label }: Props) {
  const root = useRef<HTMLElement>(null);
  const shown: readonly Block[] = blocks.length > 0 ? blocks : [{ type: 'paragraph', start: 0, end: text.length }];

  useEffect(() => {
    if (!focus) return;
    const el = root.current?.querySelector('.cs-case-focus, .cs-case-selected');
    if (el instanceof HTMLElement) el.scrollIntoView({ block: 'center', behavior: 'instant' });
  }, [focus?.start, focus?.end, focus]);

  return (
    <article
      ref={root}
      className="cs-case-text"
      aria-label={label}
      // Focusable, so the keyboard scrolls it (and screen readers enter it).
      tabIndex={0}
      data-document-id={documentId}
      onClick={(e) => {
        if (window.getSelection()?.isCollapsed === false) return;
        const piece = (e.target as Element).closest('[data-claim]');
        if (piece) onChooseClaim(Number(piece.getAttribute('data-claim')));
      }}
    >
      {shown.map((b) => {
        const Tag = blockTag(b);
        return (
          <Tag key={b.start} className={`cs-case-block cs-case-${b.type}`}>
            {pieces(b.start, b.end, marks).map((p) =>
              p.classes.length === 0 ? (
                <span key={p.start} data-start={p.start}>
                  {text.slice(p.start, p.end)}
                </span>
              ) : (
                <span key={p.start} data-start={p.start} className={p.classes.join(' ')} data-claim={p.annotationId ?? undefined}>
                  {text.slice(p.start, p.end)}
                </span>
              ),
            )}
          </Tag>
        );
      })}
    </article>
  );
});

/** The window's selection as offsets in the document a CaseText shows, or null when it is not (wholly) in one. */
export function selectionOffsets(): { documentId: number; start: number; end: number } | null {
  const sel = window.getSelection();
  if (!sel || sel.isCollapsed || sel.rangeCount === 0) return null;
  const range = sel.getRangeAt(0);
  const at = (node: Node, offset: number): { doc: number; offset: number } | null => {
    const el = node.nodeType === Node.TEXT_NODE ? node.parentElement : (node as Element);
    const piece = el?.closest('[data-start]');
    const article = el?.closest('[data-document-id]');
    if (!piece || !article) return null;
    const base = Number(piece.getAttribute('data-start'));
    return { doc: Number(article.getAttribute('data-document-id')), offset: node.nodeType === Node.TEXT_NODE ? base + offset : base };
  };
  const a = at(range.startContainer, range.startOffset);
  const b = at(range.endContainer, range.endOffset);
  if (!a || !b || a.doc !== b.doc || b.offset <= a.offset) return null;
  return { documentId: a.doc, start: a.offset, end: b.offset };
}
