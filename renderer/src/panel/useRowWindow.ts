import { useCallback, useSyncExternalStore } from 'react';

// Which rows of a long list are on screen. Every row has the same height, so the window is
// arithmetic over the scrolling element's position and height, read as an external store: the
// list re-renders when the first visible row or the number of rows that fit changes, not on every
// pixel scrolled.

export interface RowWindow {
  /** The rows to render (those on screen and `overscan` more on each side), with their offsets. */
  rows: Array<{ index: number; start: number }>;
  /** The height of the whole list. */
  total: number;
}

export function useRowWindow(el: HTMLElement | null, count: number, rowHeight: number, overscan: number): RowWindow {
  const subscribe = useCallback(
    (onChange: () => void) => {
      if (!el) return () => {};
      const resize = new ResizeObserver(onChange);
      resize.observe(el);
      el.addEventListener('scroll', onChange, { passive: true });
      return () => {
        resize.disconnect();
        el.removeEventListener('scroll', onChange);
      };
    },
    [el],
  );
  const firstVisible = useSyncExternalStore(subscribe, () => (el ? Math.floor(el.scrollTop / rowHeight) : 0));
  const lastVisible = useSyncExternalStore(subscribe, () => (el ? Math.ceil((el.scrollTop + el.clientHeight) / rowHeight) - 1 : -1));
  const rows: RowWindow['rows'] = [];
  for (let i = Math.max(0, firstVisible - overscan); i <= Math.min(count - 1, lastVisible + overscan); i++) rows.push({ index: i, start: i * rowHeight });
  return { rows, total: count * rowHeight };
}

/** Scrolls as little as brings a row fully into view (nothing when it is). */
export function scrollRowIntoView(el: HTMLElement, index: number, rowHeight: number): void {
  const start = index * rowHeight;
  const end = start + rowHeight;
  if (end >= el.scrollTop + el.clientHeight) el.scrollTop = Math.max(0, end - el.clientHeight);
  else if (start <= el.scrollTop) el.scrollTop = start;
}

export function scrollToTop(el: HTMLElement): void {
  el.scrollTop = 0;
}
