import type { DocumentRecord } from '../../../common/domain';
import { formatArticleDate } from '../../../common/time';

/** The analyst's own language and time zone, as the browser or Electron reports them. */
const clock = (() => {
  const options = new Intl.DateTimeFormat().resolvedOptions();
  return { locale: options.locale, timeZone: options.timeZone };
})();

/** The host name of an article's address, shown instead of the whole URL. */
function hostOf(url: string): string | null {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return null;
  }
}

/** The open document's title, outlet, author and date, format and size; from version 2, what changed. */
export function DocumentHead({ document, onShowChanges }: { document: DocumentRecord; onShowChanges(): void }) {
  const { author, published, url, outlet } = document.metadata;
  const site = outlet ?? (url ? hostOf(url) : null);
  const byline = [site, author, published ? formatArticleDate(published, clock) : null].filter((x): x is string => !!x);
  return (
    <div className="cs-doc-head">
      <h1 className="cs-doc-heading">{document.title}</h1>
      {byline.length > 0 && (
        <p className="cs-doc-byline" title={url ?? undefined}>
          {byline.join(' · ')}
        </p>
      )}
      <span className="cs-doc-sub">
        {document.version > 1 && (
          <button type="button" className="cs-link-button" onClick={onShowChanges} title="What changed since the previous version">
            Version {document.version}: changes…
          </button>
        )}
        {document.format.toUpperCase()} · {document.chars.toLocaleString()} characters
      </span>
    </div>
  );
}
