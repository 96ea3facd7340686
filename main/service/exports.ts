import type { Handlers } from '../../common/api';
import { LIMITS, type DocumentRecord, type ExportedFile, type ExportFormat } from '../../common/domain';
import { ClaimscopeError } from '../../common/errors';
import { EXPORT_FORMAT_INFO } from '../../common/formats';
import { nameKey, quoteSelector } from '../../common/selectors';
import { anchor } from '../core/anchor';
import {
  fromJsonLd,
  reportPdfInfo,
  toClaimReviewText,
  toCsv,
  toHtml,
  toJsonLdText,
  toMarkdown,
  toPdf,
  withPdfInfo,
  type ImportedAnnotations,
  type ReportInput,
} from '../core/export';
import { notFound, nowIso, type ServiceContext } from './context';
import { TamperedTextError, textFingerprint } from '../../db/repos/documents';
import { documentState } from './history';


/** A file name from a title: letters, digits and dashes, short. */
export function fileStem(title: string): string {
  const stem = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return stem || 'claimscope-report';
}

/** How the analyst reads the report: their language and time zone, and their name unless given. */
export interface ReportReader {
  locale?: string;
  timeZone?: string;
  analyst?: string;
}

/** The document whole, its text checked against its fingerprint first: a report vouches for the text it prints. */
export function verifiedDocument(ctx: ServiceContext, documentId: number): DocumentRecord {
  try {
    ctx.store.documents.verifyText(documentId);
  } catch (err) {
    if (err instanceof TamperedTextError) throw new ClaimscopeError('bad_file', err.message);
    throw err;
  }
  const document = ctx.store.documents.get(documentId);
  if (!document) throw notFound('document', documentId);
  return document;
}

export function reportInput(ctx: ServiceContext, documentId: number, reader: ReportReader = {}): ReportInput {
  const document = verifiedDocument(ctx, documentId);
  return {
    document,
    state: documentState(ctx, documentId),
    analyst: reader.analyst ?? ctx.store.settings.all().analystName,
    ...(reader.locale ? { locale: reader.locale } : {}),
    ...(reader.timeZone ? { timeZone: reader.timeZone } : {}),
  };
}

export async function renderExport(ctx: ServiceContext, input: ReportInput, format: ExportFormat): Promise<ExportedFile> {
  const { ext, mimeType } = EXPORT_FORMAT_INFO[format];
  const fileName = `${fileStem(input.document.title)}${ext}`;
  const text = (content: string): ExportedFile => ({ fileName, mimeType, encoding: 'utf8', content });
  switch (format) {
    case 'html':
      return text(toHtml(input));
    case 'md':
      return text(toMarkdown(input));
    case 'csv':
      return text(toCsv(input));
    case 'json':
      return text(toJsonLdText(input));
    case 'claimreview':
      return text(toClaimReviewText(input));
    case 'pdf': {
      const html = toHtml(input);
      const printed = ctx.options.renderPdf ? await ctx.options.renderPdf(html) : await toPdf(html);
      // Titled, with the analyst as author and a subject, whichever Chromium printed it.
      const pdf = withPdfInfo(printed, reportPdfInfo(input));
      return { fileName, mimeType, encoding: 'base64', content: Buffer.from(pdf).toString('base64') };
    }
  }
}

/** The annotations a JSON-LD file holds; every refusal names the file. */
function readAnnotationFile(name: string, json: string): ImportedAnnotations {
  try {
    return fromJsonLd(parseJson(name, json));
  } catch (err) {
    if (err instanceof ClaimscopeError && !err.message.startsWith(`${name}:`)) {
      throw new ClaimscopeError(err.code, `${name}: ${err.message.replace(/^Not a usable annotation file: /, 'not a usable annotation file: ')}`);
    }
    throw err;
  }
}

function parseJson(name: string, json: string): unknown {
  try {
    return JSON.parse(json);
  } catch {
    throw new ClaimscopeError('bad_file', `${name}: is not JSON; choose a .jsonld file exported by Claimscope or another Web Annotation tool`);
  }
}

/**
 * The document the annotations target. A fingerprint the file claims is never trusted for text
 * the file carries: the carried text is fingerprinted here, and a document whose file fingerprint
 * the annotation file names must hold exactly that text, or the import is refused (a forged text
 * under a genuine fingerprint would otherwise stand in for the real article). A document made from
 * carried text is fingerprinted by that text and marked as coming from an annotation file.
 */
function targetDocument(ctx: ServiceContext, name: string, info: ImportedAnnotations['document']): number {
  const { documents } = ctx.store;
  const carried = info.text !== undefined && info.text !== '' ? info.text : null;
  const textSha = carried === null ? null : textFingerprint(carried);
  const claimed = info.sha256 ? documents.findBySha(info.sha256) : null;
  if (claimed !== null) {
    if (textSha !== null && documents.textSha256(claimed) !== textSha) {
      throw new ClaimscopeError(
        'bad_file',
        `${name}: it names document ${claimed} of this library by its fingerprint but carries a different text; the file was altered or made for another version, so nothing was imported`,
      );
    }
    return claimed;
  }
  const same = textSha === null ? null : documents.findByText(textSha);
  if (same !== null) return same;
  if (carried === null) {
    throw new ClaimscopeError('bad_file', `${name}: the document it annotates is not in this library and the file does not carry its text; import the document first`);
  }
  return documents.insert({
    title: info.title ?? name,
    path: null,
    format: info.format ?? 'txt',
    text: carried,
    blocks: info.blocks ?? [{ type: 'paragraph', start: 0, end: carried.length }],
    sha256: textSha!,
    metadata: info.metadata ?? {},
    origin: 'annotations',
  });
}

/**
 * An annotation file gets no more than the API allows: the same limits on notes, explanations,
 * flag members, source names and aliases, and ranges that run forwards. One line on the first
 * thing over them; nothing is stored.
 */
function checkLimits(name: string, data: ImportedAnnotations): void {
  const refuse = (what: string) => {
    throw new ClaimscopeError('bad_file', `${name}: ${what}; nothing was imported`);
  };
  for (const a of data.annotations) {
    if (!Number.isInteger(a.start) || !Number.isInteger(a.end) || a.start < 0 || a.end <= a.start) refuse(`annotation ${a.ref} has the range ${a.start}-${a.end}, which does not run forwards`);
    if (a.note.length > LIMITS.note) refuse(`annotation ${a.ref} has a note longer than ${LIMITS.note.toLocaleString('en')} characters`);
  }
  for (const s of data.sources) {
    const n = s.name.trim();
    if (n === '' || n.length > LIMITS.sourceName) refuse(`a source name is empty or longer than ${LIMITS.sourceName} characters`);
    if (s.aliases.length > LIMITS.aliases || s.aliases.some((x) => x.trim() === '' || x.length > LIMITS.sourceName)) refuse(`source "${n.slice(0, 40)}" has more than ${LIMITS.aliases} aliases, or an empty or over-long one`);
    if (s.note.length > LIMITS.note) refuse(`source "${n.slice(0, 40)}" has a note longer than ${LIMITS.note.toLocaleString('en')} characters`);
  }
  for (const f of data.flags) {
    if (f.memberRefs.length > LIMITS.flagMembers) refuse(`a flag links ${f.memberRefs.length} claims; at most ${LIMITS.flagMembers}`);
    if (f.explanation.length > LIMITS.explanation) refuse(`a flag's explanation is longer than ${LIMITS.explanation.toLocaleString('en')} characters`);
    if (f.note.length > LIMITS.note) refuse(`a flag has a note longer than ${LIMITS.note.toLocaleString('en')} characters`);
  }
  if (data.assessment && data.assessment.summary.length > LIMITS.summary) refuse(`the assessment's summary is longer than ${LIMITS.summary.toLocaleString('en')} characters`);
}

/** Inserts what a JSON-LD file holds, in one undoable operation; quotes re-anchor on the local text. */
export function insertImported(ctx: ServiceContext, name: string, data: ImportedAnnotations) {
  checkLimits(name, data);
  return ctx.transaction(() => {
    const documentId = targetDocument(ctx, name, data.document);
    const text = ctx.requireText(documentId);
    const { value: created } = ctx.write(documentId, 'Import annotations', (rec) => {
      const sourceIds = new Map<string, number>();
      const known = new Map(ctx.store.sources.list().map((s) => [nameKey(s.name), s.id]));
      let sources = 0;
      for (const s of data.sources) {
        const same = known.get(nameKey(s.name));
        if (same !== undefined) {
          sourceIds.set(s.ref, same);
          continue;
        }
        const id = rec.insert('sources', {
          name: s.name,
          type: s.type,
          aliases: JSON.stringify(s.aliases),
          reliability: s.reliability,
          note: s.note,
          created_at: nowIso(),
        });
        sourceIds.set(s.ref, id);
        known.set(nameKey(s.name), id);
        sources++;
      }
      const annotationIds = new Map<string, number>();
      for (const a of data.annotations) {
        const hit = anchor(text, a);
        const start = hit ? hit.start : Math.min(a.start, Math.max(0, text.length - 1));
        const end = hit ? hit.end : Math.max(start + 1, Math.min(a.end, text.length));
        const quote = hit ? quoteSelector(text, start, end) : { exact: a.exact, prefix: a.prefix, suffix: a.suffix };
        annotationIds.set(
          a.ref,
          rec.insert('annotations', {
            document_id: documentId,
            kind: a.kind,
            start_offset: start,
            end_offset: end,
            ...quote,
            status: a.status,
            credibility: a.credibility,
            note: a.note,
            orphan: hit ? 0 : 1,
            created_at: a.createdAt ?? nowIso(),
          }),
        );
      }
      let links = 0;
      for (const l of data.links) {
        const from = annotationIds.get(l.fromRef);
        const toAnnotation = l.toAnnotationRef === undefined ? undefined : annotationIds.get(l.toAnnotationRef);
        const toSource = l.toSourceRef === undefined ? undefined : sourceIds.get(l.toSourceRef);
        if (from === undefined || (toAnnotation === undefined && toSource === undefined)) continue;
        rec.insert('links', { from_id: from, to_annotation_id: toAnnotation ?? null, to_source_id: toAnnotation === undefined ? toSource! : null });
        links++;
      }
      let flags = 0;
      for (const f of data.flags) {
        const members = [...new Set(f.memberRefs.map((r) => annotationIds.get(r)).filter((id): id is number => id !== undefined))];
        if (members.length < 2) continue;
        const flagId = rec.insert('flags', { document_id: documentId, explanation: f.explanation, status: f.status, note: f.note, created_at: nowIso() });
        for (const m of members) rec.insert('flag_members', { flag_id: flagId, annotation_id: m });
        flags++;
      }
      // The file's verdict and summary, when the document has none of its own (never over the
      // analyst's): one more row in this same undoable step.
      const carried = data.assessment;
      const own = ctx.store.assessments.forDocument(documentId);
      const ownIsEmpty = !own || (own.verdict === 'unassessed' && own.summary === '');
      if (carried && ownIsEmpty && (carried.verdict !== 'unassessed' || carried.summary !== '')) {
        const row = { document_id: documentId, verdict: carried.verdict, summary: carried.summary, updated_at: nowIso() };
        if (own) rec.update('assessments', own.id, row);
        else rec.insert('assessments', row);
      }
      return { annotations: annotationIds.size, sources, links, flags };
    });
    return { documentId, created };
  });
}

export function exportHandlers(ctx: ServiceContext): Pick<Handlers, 'exportReport' | 'importAnnotations'> {
  return {
    exportReport: ({ documentId, format, locale, timeZone, analyst }) => renderExport(ctx, reportInput(ctx, documentId, { locale, timeZone, analyst }), format),
    importAnnotations: ({ name, json }) => insertImported(ctx, name, readAnnotationFile(name, json)),
  };
}
