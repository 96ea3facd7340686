// The document's highlights in the DOM: found by the id classes the annotation plugin puts on them.

export function annotationElement(id: number): HTMLElement | null {
  return document.querySelector<HTMLElement>(`.cs-document .cs-id-${id}`);
}

/** The annotation ids of a highlight (overlapping annotations merge into one span with every id). */
export function idsOfElement(el: Element): number[] {
  const ids: number[] = [];
  for (const c of el.classList) {
    const m = /^cs-id-(-?\d+)$/.exec(c);
    if (m) ids.push(Number(m[1]));
  }
  return ids;
}

export function flash(id: number): void {
  for (const el of document.querySelectorAll<HTMLElement>(`.cs-document .cs-id-${id}`)) {
    el.animate?.([{ backgroundColor: 'color-mix(in srgb, var(--selected) 45%, transparent)' }, {}], { duration: 900, easing: 'ease-out' });
  }
}

/**
 * After a prompt or dialog closes, keys belong to the document again. Deferred, and only when focus
 * went nowhere: a click elsewhere (which also closes a prompt) keeps its own focus and caret.
 */
export function focusDocument(): void {
  requestAnimationFrame(() => {
    const active = document.activeElement;
    if (active && active !== document.body) return;
    document.querySelector<HTMLElement>('.cs-document')?.focus({ preventScroll: true });
  });
}
