import { useState } from 'react';
import type { CaseSummary } from '../../../common/domain';

// The open document's cases, under its title: each opens on the desk; the document can be added to
// another (the analyst reading an article decides it belongs to an investigation).

interface Props {
  documentId: number;
  cases: readonly CaseSummary[];
  onOpenCase(id: number): void;
  onAddToCase(caseId: number): void;
}

export function DocumentCases({ documentId, cases, onOpenCase, onAddToCase }: Props) {
  const [adding, setAdding] = useState(false);
  const mine = cases.filter((c) => c.documentIds.includes(documentId));
  const others = cases.filter((c) => !c.documentIds.includes(documentId));
  if (cases.length === 0) return null;
  return (
    <span className="cs-doc-cases">
      {mine.length > 0 && (
        <>
          In {mine.length === 1 ? 'case' : 'cases'}:{' '}
          {mine.map((c, i) => (
            <span key={c.id}>
              {i > 0 && ', '}
              <button type="button" className="cs-link-button" onClick={() => onOpenCase(c.id)} title="Open the case">
                {c.name}
              </button>
            </span>
          ))}
        </>
      )}
      {others.length > 0 &&
        (adding ? (
          <select
            autoFocus
            aria-label="Add this document to a case"
            defaultValue=""
            onBlur={() => setAdding(false)}
            onChange={(e) => {
              setAdding(false);
              if (e.target.value) onAddToCase(Number(e.target.value));
            }}
          >
            <option value="">Add to case…</option>
            {others.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        ) : (
          <button type="button" className="cs-link-button" onClick={() => setAdding(true)}>
            {mine.length > 0 ? ' · Add to another case…' : 'Add to a case…'}
          </button>
        ))}
    </span>
  );
}
