import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef } from 'react';
import type { Annotation } from '../../../common/domain';

interface Props {
  annotations: readonly Annotation[];
  selectedId: number | null;
  onSelect(id: number): void;
}

const KIND_LABEL = { claim: 'Claim', attribution: 'Attribution' } as const;

/** The list of the document's tags, virtualised so thousands stay cheap. */
export function AnnotationPanel({ annotations, selectedId, onSelect }: Props) {
  const sorted = useMemo(() => [...annotations].sort((a, b) => a.start - b.start || a.id - b.id), [annotations]);
  const counts = useMemo(() => {
    let claims = 0;
    for (const a of annotations) if (a.kind === 'claim') claims++;
    return { claims, attributions: annotations.length - claims };
  }, [annotations]);
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtual = useVirtualizer({
    count: sorted.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => 64,
    overscan: 8,
  });

  return (
    <aside className="cs-panel" aria-label="Annotations">
      <div className="cs-section-head">
        <h2>Annotations</h2>
        <span className="cs-count" title="claims / attributions">
          {counts.claims} claims · {counts.attributions} attributions
        </span>
      </div>
      {sorted.length === 0 ? (
        <p className="cs-empty cs-hint">Click in a sentence and press C (claim) or A (attribution).</p>
      ) : (
        <div ref={scrollRef} className="cs-panel-scroll">
          <ul role="listbox" aria-label="Tags in this document" style={{ height: virtual.getTotalSize(), position: 'relative' }}>
            {virtual.getVirtualItems().map((item) => {
              const a = sorted[item.index]!;
              return (
                <li
                  key={a.id}
                  role="option"
                  aria-selected={a.id === selectedId}
                  data-ann-item={a.id}
                  className={`cs-ann-item cs-item-${a.kind}${a.id === selectedId ? ' cs-current' : ''}`}
                  style={{ position: 'absolute', top: 0, left: 0, right: 0, transform: `translateY(${item.start}px)`, height: item.size }}
                  onClick={() => onSelect(a.id)}
                >
                  <span className="cs-ann-kind">{KIND_LABEL[a.kind]}</span>
                  <span className="cs-ann-quote">{a.exact}</span>
                </li>
              );
            })}
          </ul>
        </div>
      )}
    </aside>
  );
}
