import { forwardRef, useEffect, useEffectEvent, useId, useImperativeHandle, useState, type KeyboardEvent, type MouseEvent, type ReactNode } from 'react';
import { scrollRowIntoView, scrollToTop, useRowWindow } from './useRowWindow';

// A listbox over thousands of rows: only the rows on screen are rendered (useRowWindow). The
// list is one tab stop; arrows move the selection (aria-activedescendant), Space adds the active
// row to a multi-selection, and the selected row scrolls into view when it changes from outside.

export interface VirtualListHandle {
  focus(): void;
}

interface Props<T> {
  items: readonly T[];
  keyOf(item: T): number;
  selected: number | null;
  /** Other rows that are part of a multi-selection. */
  alsoSelected?: readonly number[];
  /** A row chosen by click or keyboard; `add` when it joins a multi-selection (Ctrl/Shift+click, Space). */
  onChoose(item: T, add: boolean): void;
  renderRow(item: T): ReactNode;
  rowHeight: number;
  label: string;
  empty: ReactNode;
  rowClass?(item: T): string;
  /** Changes when the filters change: the list goes back to the selected row, or to the top. */
  resetKey?: string;
}

function VirtualListInner<T>(
  { items, keyOf, selected, alsoSelected, onChoose, renderRow, rowHeight, label, empty, rowClass, resetKey }: Props<T>,
  ref: React.ForwardedRef<VirtualListHandle>,
) {
  // The scrolling element, as state: the row window reads its position while rendering.
  const [scroller, setScroller] = useState<HTMLDivElement | null>(null);
  const baseId = useId();
  const virtual = useRowWindow(scroller, items.length, rowHeight, 8);
  const selectedIndex = selected === null ? -1 : items.findIndex((it) => keyOf(it) === selected);

  useImperativeHandle(ref, () => ({ focus: () => scroller?.focus() }), [scroller]);

  // Moving in the editor highlights the entry: bring it into view (again when the list changes).
  useEffect(() => {
    if (scroller && selectedIndex >= 0) scrollRowIntoView(scroller, selectedIndex, rowHeight);
  }, [scroller, selectedIndex, items, rowHeight]);

  // New filters: back to the selected row (above), or to the top.
  const onReset = useEffectEvent(() => {
    if (scroller && selectedIndex < 0) scrollToTop(scroller);
  });
  useEffect(() => onReset(), [resetKey]);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (items.length === 0) return;
    let next = -1;
    if (e.key === 'ArrowDown') next = Math.min(items.length - 1, selectedIndex + 1);
    else if (e.key === 'ArrowUp') next = Math.max(0, selectedIndex < 0 ? 0 : selectedIndex - 1);
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = items.length - 1;
    else if (e.key === 'PageDown') next = Math.min(items.length - 1, Math.max(0, selectedIndex) + 10);
    else if (e.key === 'PageUp') next = Math.max(0, selectedIndex - 10);
    else if (e.key === 'Enter' && selectedIndex >= 0) next = selectedIndex;
    else if (e.key === ' ' && selectedIndex >= 0) {
      e.preventDefault();
      e.stopPropagation();
      onChoose(items[selectedIndex]!, true);
      return;
    }
    if (next < 0) return;
    e.preventDefault();
    e.stopPropagation();
    onChoose(items[next]!, false);
  };

  if (items.length === 0) return <div className="cs-empty cs-hint">{empty}</div>;
  const also = new Set(alsoSelected ?? []);
  return (
    <div
      ref={setScroller}
      className="cs-panel-scroll"
      role="listbox"
      aria-label={label}
      aria-multiselectable="true"
      tabIndex={0}
      aria-activedescendant={selectedIndex >= 0 ? `${baseId}-${selected}` : undefined}
      onKeyDown={onKeyDown}
    >
      <div style={{ height: virtual.total, position: 'relative' }}>
        {virtual.rows.map((row) => {
          const item = items[row.index]!;
          const key = keyOf(item);
          const isSelected = key === selected;
          const isAlso = also.has(key);
          return (
            <div
              key={key}
              id={`${baseId}-${key}`}
              role="option"
              aria-selected={isSelected || isAlso}
              aria-setsize={items.length}
              aria-posinset={row.index + 1}
              data-item={key}
              className={`cs-row${isSelected ? ' cs-current' : ''}${isAlso ? ' cs-also' : ''}${rowClass ? ' ' + rowClass(item) : ''}`}
              style={{ position: 'absolute', top: 0, left: 0, right: 0, height: rowHeight, transform: `translateY(${row.start}px)` }}
              onMouseDown={(e: MouseEvent) => {
                // Keep the text selection (and the caret) where it is on Shift/Ctrl+click.
                if (e.shiftKey || e.ctrlKey || e.metaKey) e.preventDefault();
              }}
              onClick={(e: MouseEvent) => onChoose(item, e.shiftKey || e.ctrlKey || e.metaKey)}
            >
              {renderRow(item)}
            </div>
          );
        })}
      </div>
    </div>
  );
}

export const VirtualList = forwardRef(VirtualListInner) as <T>(
  props: Props<T> & { ref?: React.Ref<VirtualListHandle> },
) => ReturnType<typeof VirtualListInner>;
