import { useState } from 'react';
import type { CaseSummary, DocumentSummary } from '../../../common/domain';
import { keyHint } from '../../../common/keymap';

interface Props {
  documents: readonly DocumentSummary[];
  currentId: number | null;
  onOpen(id: number): void;
  onImport(): void;
  /** Cases (issue 14): the library groups its documents by case; a case opens on the desk. */
  cases: readonly CaseSummary[];
  currentCaseId: number | null;
  onOpenCase(id: number): void;
  onNewCase(): void;
  /** Folded to an icon rail (narrow windows, or the analyst's choice). */
  rail?: boolean;
  onExpand?(): void;
}

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** Two letters for a title on the rail: its first two words' initials. */
function initials(title: string): string {
  const words = title.match(/[\p{L}\p{N}]+/gu) ?? ['?'];
  return (words.length > 1 ? words[0]![0]! + words[1]![0]! : words[0]!.slice(0, 2)).toUpperCase();
}

/** A case or a document on the rail: its initials, marked when it is the one open. */
function RailItem({ name, label, title, current, isCase = false, onOpen }: { name: string; label: string; title: string; current: boolean; isCase?: boolean; onOpen(): void }) {
  return (
    <li>
      <button
        type="button"
        className={`cs-rail-doc${isCase ? ' cs-rail-case' : ''}${current ? ' cs-current' : ''}`}
        aria-current={current ? 'true' : undefined}
        aria-label={label}
        title={title}
        onClick={onOpen}
      >
        {initials(name)}
      </button>
    </li>
  );
}

export function Library({ documents, currentId, onOpen, onImport, cases, currentCaseId, onOpenCase, onNewCase, rail = false, onExpand }: Props) {
  const [folded, setFolded] = useState<ReadonlySet<number>>(new Set());
  const byId = new Map(documents.map((d) => [d.id, d]));
  if (rail)
    return (
      <nav className="cs-library cs-rail" aria-label="Document library">
        <button type="button" className="cs-rail-button" onClick={onExpand} aria-label="Show the library" title={`Show the library (${keyHint('library')})`}>
          <span aria-hidden="true">»</span>
        </button>
        <button type="button" className="cs-rail-button" onClick={onImport} aria-label="Open a document" title={`Open a document… (${keyHint('open')})`}>
          <span aria-hidden="true">+</span>
        </button>
        {cases.length > 0 && (
          <ul className="cs-rail-list" aria-label="Cases">
            {cases.map((c) => (
              <RailItem key={c.id} name={c.name} label={`Case ${c.name}`} title={`Case: ${c.name} (${c.documentIds.length} documents)`} current={c.id === currentCaseId} isCase onOpen={() => onOpenCase(c.id)} />
            ))}
          </ul>
        )}
        <ul className="cs-rail-list" aria-label="Documents">
          {documents.map((d) => (
            <RailItem key={d.id} name={d.title} label={d.title} title={d.title} current={d.id === currentId} onOpen={() => onOpen(d.id)} />
          ))}
        </ul>
      </nav>
    );
  return (
    <nav className="cs-library" aria-label="Document library">
      <div className="cs-section-head">
        <h2>Cases</h2>
        <span className="cs-count">{cases.length}</span>
        <button type="button" className="cs-link-button cs-section-action" onClick={onNewCase} title="A named set of documents about one event">
          New case…
        </button>
      </div>
      {cases.length > 0 && (
        <ul className="cs-library-list cs-case-list-nav" aria-label="Cases">
          {cases.map((c) => {
            const open = !folded.has(c.id);
            return (
              <li key={c.id}>
                <div className="cs-case-row">
                  <button
                    type="button"
                    className="cs-fold"
                    aria-expanded={open}
                    aria-label={`${open ? 'Fold' : 'Unfold'} ${c.name}`}
                    onClick={() => {
                      const next = new Set(folded);
                      if (open) next.add(c.id);
                      else next.delete(c.id);
                      setFolded(next);
                    }}
                  >
                    {open ? '▾' : '▸'}
                  </button>
                  <button
                    type="button"
                    className={c.id === currentCaseId ? 'cs-doc-item cs-case-item cs-current' : 'cs-doc-item cs-case-item'}
                    aria-current={c.id === currentCaseId ? 'true' : undefined}
                    onClick={() => onOpenCase(c.id)}
                  >
                    <span className="cs-doc-title">{c.name}</span>
                    <span className="cs-doc-meta">
                      {c.documentIds.length} {c.documentIds.length === 1 ? 'document' : 'documents'}
                    </span>
                  </button>
                </div>
                {open && c.documentIds.length > 0 && (
                  <ul className="cs-case-docs" aria-label={`Documents of ${c.name}`}>
                    {c.documentIds.map((id) => (
                      <li key={id}>
                        <button type="button" className={id === currentId ? 'cs-case-doc cs-current' : 'cs-case-doc'} aria-current={id === currentId ? 'true' : undefined} onClick={() => onOpen(id)}>
                          {byId.get(id)?.title ?? `Document ${id}`}
                        </button>
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            );
          })}
        </ul>
      )}
      <div className="cs-section-head">
        <h2>Library</h2>
        <span className="cs-count">{documents.length}</span>
      </div>
      {documents.length === 0 ? (
        <div className="cs-empty">
          <p>No documents yet.</p>
          <button type="button" onClick={onImport}>
            Open a document…
          </button>
          <p className="cs-hint">or drop a file onto this window</p>
        </div>
      ) : (
        <ul className="cs-library-list">
          {documents.map((d) => (
            <li key={d.id}>
              <button
                type="button"
                className={d.id === currentId ? 'cs-doc-item cs-current' : 'cs-doc-item'}
                aria-current={d.id === currentId ? 'true' : undefined}
                onClick={() => onOpen(d.id)}
                title={d.path ?? d.title}
              >
                <span className="cs-doc-title">{d.title}</span>
                <span className="cs-doc-meta">
                  {dateFormat.format(new Date(d.importedAt))} · {d.annotationCount} {d.annotationCount === 1 ? 'tag' : 'tags'}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </nav>
  );
}
