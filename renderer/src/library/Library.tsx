import type { DocumentSummary } from '../../../common/domain';

interface Props {
  documents: readonly DocumentSummary[];
  currentId: number | null;
  onOpen(id: number): void;
  onImport(): void;
}

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export function Library({ documents, currentId, onOpen, onImport }: Props) {
  return (
    <nav className="cs-library" aria-label="Document library">
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
