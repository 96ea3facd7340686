import type { ReactNode } from 'react';
import type { DocumentRecord } from '../../../common/domain';
import { formatArticleDate } from '../../../common/time';
import { ChoiceSelect } from '../details/ChoiceSelect';
import type { ReadChoices } from '../library/useLibrary';

/** Encodings offered when the app had to guess one (WHATWG names, as TextDecoder reads them). */
const ENCODINGS = [
  ['utf-8', 'Unicode (UTF-8)'],
  ['windows-1252', 'Western (Windows-1252)'],
  ['iso-8859-2', 'Central European (ISO-8859-2)'],
  ['windows-1250', 'Central European (Windows-1250)'],
  ['windows-1251', 'Cyrillic (Windows-1251)'],
  ['koi8-r', 'Cyrillic (KOI8-R)'],
  ['iso-8859-7', 'Greek (ISO-8859-7)'],
  ['windows-1253', 'Greek (Windows-1253)'],
  ['windows-1254', 'Turkish (Windows-1254)'],
  ['iso-8859-8', 'Hebrew (ISO-8859-8)'],
  ['windows-1256', 'Arabic (Windows-1256)'],
  ['shift_jis', 'Japanese (Shift-JIS)'],
  ['euc-jp', 'Japanese (EUC-JP)'],
  ['gb18030', 'Chinese, simplified (GB18030)'],
  ['big5', 'Chinese, traditional (Big5)'],
  ['euc-kr', 'Korean (EUC-KR)'],
].map(([id, label]) => ({ id: id!, label: label! }));

/**
 * How the file was read, where the analyst may want it read otherwise: an encoding the app had to
 * guess (pick another), or a web page cut down to its article (show the whole page, or back).
 */
function ReadNotice({ document, onReadAgain }: { document: DocumentRecord; onReadAgain(choices: ReadChoices): void }) {
  const { encoding, encodingConfidence, content } = document.metadata;
  // Shown when the guess was not near certain (a detector's confidence under 0.9).
  const guessed = encoding !== undefined && encodingConfidence !== undefined && Number(encodingConfidence) < 0.9;
  if (!guessed && content !== 'article' && content !== 'whole page') return null;
  const options = ENCODINGS.some((e) => e.id === encoding) || !encoding ? ENCODINGS : [{ id: encoding, label: encoding }, ...ENCODINGS];
  return (
    <div className="cs-read-notice" role="note">
      {guessed && (
        <span className="cs-read-encoding">
          Read as {encoding}, a guess ({Math.round(Number(encodingConfidence) * 100)}% sure). If the text looks garbled:
          <ChoiceSelect compact label="Read the file again as" value={encoding} options={options} onChange={(v) => v !== encoding && onReadAgain({ encoding: v })} />
        </span>
      )}
      {content === 'article' && (
        <button type="button" className="cs-link-button" onClick={() => onReadAgain({ wholePage: true, ...(encoding ? { encoding } : {}) })}>
          Article only; show the whole page (comments, boxes)
        </button>
      )}
      {content === 'whole page' && (
        <button type="button" className="cs-link-button" onClick={() => onReadAgain({ wholePage: false, ...(encoding ? { encoding } : {}) })}>
          The whole page; show the article only
        </button>
      )}
    </div>
  );
}

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
export function DocumentHead({
  document,
  onShowChanges,
  onReadAgain,
  cases,
}: {
  document: DocumentRecord;
  onShowChanges(): void;
  onReadAgain(choices: ReadChoices): void;
  /** The document's cases (and adding it to one), shown after its format. */
  cases?: ReactNode;
}) {
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
        {cases && <> · {cases}</>}
      </span>
      <ReadNotice document={document} onReadAgain={onReadAgain} />
    </div>
  );
}
