// Dates and times as the analyst reads them: in their language and time zone (Intl), never raw
// ISO UTC. Machine formats (CSV, JSON-LD) keep ISO 8601; the HTML report keeps it in <time datetime>.

export interface ReportClock {
  /** A BCP 47 tag: de-DE, en-GB. */
  locale: string;
  /** An IANA zone: Europe/Berlin, UTC. */
  timeZone: string;
}

export const DEFAULT_CLOCK: ReportClock = { locale: 'en-GB', timeZone: 'UTC' };

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
/** An ISO 8601 date with a time: what the importers store for a page's or a file's date. */
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/;

function formatter(clock: ReportClock, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  try {
    return new Intl.DateTimeFormat(clock.locale, { ...options, timeZone: clock.timeZone });
  } catch {
    // A tag or zone this runtime does not know (the API checks both; a report is never refused for it).
    return new Intl.DateTimeFormat(DEFAULT_CLOCK.locale, { ...options, timeZone: DEFAULT_CLOCK.timeZone });
  }
}

/** "23. Juli 2025 um 12:00 MESZ", "23 July 2025 at 10:00 UTC"; the input as is when it is not a time. */
export function formatDateTime(iso: string, clock: ReportClock): string {
  const ms = Date.parse(iso);
  if (!DATE_TIME.test(iso) || Number.isNaN(ms)) return iso;
  return formatter(clock, { year: 'numeric', month: 'long', day: 'numeric', hour: '2-digit', minute: '2-digit', timeZoneName: 'short' }).format(ms);
}

/**
 * An article's date as the document gives it: a calendar date ("2025-07-22") stays that day in any
 * time zone ("22. Juli 2025"); a date with a time is shown in the analyst's zone; anything else
 * (a date the importer could not read) as it is.
 */
export function formatArticleDate(value: string, clock: ReportClock): string {
  const day = DATE_ONLY.exec(value);
  if (day) {
    const ms = Date.UTC(Number(day[1]), Number(day[2]) - 1, Number(day[3]));
    // 2025-02-30 is no day: shown as written.
    if (new Date(ms).toISOString().slice(0, 10) !== value) return value;
    return formatter({ locale: clock.locale, timeZone: 'UTC' }, { year: 'numeric', month: 'long', day: 'numeric' }).format(ms);
  }
  return formatDateTime(value, clock);
}

/** True when formatDateTime or formatArticleDate would show a time (so HTML can wrap it in <time>). */
export function isMachineDate(value: string): boolean {
  const day = DATE_ONLY.exec(value);
  if (day) return new Date(Date.UTC(Number(day[1]), Number(day[2]) - 1, Number(day[3]))).toISOString().slice(0, 10) === value;
  return DATE_TIME.test(value) && !Number.isNaN(Date.parse(value));
}
