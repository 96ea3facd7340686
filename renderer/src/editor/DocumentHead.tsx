import type { DocumentRecord } from '../../../common/domain';

/** The open document's title, format, size, author and date; from version 2, what changed. */
export function DocumentHead({ document, onShowChanges }: { document: DocumentRecord; onShowChanges(): void }) {
  return (
    <div className="cs-doc-head">
      <h1 className="cs-doc-heading">{document.title}</h1>
      <span className="cs-doc-sub">
        {document.version > 1 && (
          <button type="button" className="cs-link-button" onClick={onShowChanges} title="What changed since the previous version">
            Version {document.version}: changes…
          </button>
        )}
        {document.format.toUpperCase()} · {document.chars.toLocaleString()} characters
        {document.metadata.author ? ` · ${document.metadata.author}` : ''}
        {document.metadata.published ? ` · ${document.metadata.published}` : ''}
      </span>
    </div>
  );
}
