import type { Annotation, Flag, Link, Source } from '../../../../common/domain';
import { jsonForHtml } from '../json-html';
import { credibilityText, FLAG_STATUS_LABELS, RELIABILITY_LABELS, STATUS_LABELS } from '../labels';
import { buildModel, type ReportModel } from '../model';
import { VERDICT_LABELS } from '../../../../common/labels';
import {
  ASSESSMENT_KIND,
  assessmentIri,
  annotationIri,
  collectionIri,
  documentIri,
  flagIri,
  INCONSISTENCY_TAG,
  JSONLD_CONTEXT,
  sourceIri,
} from './terms';
import type { ReportInput } from '../types';
import { withHttpUrlOnly } from '../url';

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

export interface JsonLdOptions {
  /** Embed the document's text, blocks and metadata so the file rebuilds everything. Default true. */
  includeText?: boolean;
}

/**
 * The annotations as a W3C Web Annotation `AnnotationCollection` (its first page embedded). Claims and
 * attributions target the document with a TextQuoteSelector and a TextPositionSelector; their bodies
 * carry the kind (tagging), the verdict (assessing), the note (commenting), cited sources
 * (identifying) and covered claims (linking). Each inconsistency is an Annotation targeting its member
 * annotations. `claimscope:` terms hold what the model has no word for, so `fromJsonLd` can rebuild it.
 */
export function toJsonLd(input: ReportInput, options: JsonLdOptions = {}): JsonObject {
  const m = buildModel(input);
  const doc = m.document;
  const docIri = documentIri(doc.sha256);
  const linksFrom = new Map<number, Link[]>();
  for (const link of input.state.links) {
    const list = linksFrom.get(link.fromId);
    if (list) list.push(link);
    else linksFrom.set(link.fromId, [link]);
  }
  const items: JsonObject[] = [];
  for (const a of [...m.claims, ...m.attributions].sort((x, y) => x.start - y.start || x.end - y.end || x.id - y.id)) {
    items.push(annotationItem(m, a, docIri, linksFrom.get(a.id) ?? []));
  }
  for (const f of m.flags) items.push(flagItem(f, (id) => m.annotationById.has(id)));
  // The analyst's bottom line: an annotation on the whole document (its target is the document).
  const verdict = m.assessment;
  if (verdict && (verdict.verdict !== 'unassessed' || verdict.summary !== '')) {
    const body: JsonObject[] = [{ type: 'TextualBody', purpose: 'assessing', value: VERDICT_LABELS[verdict.verdict], 'claimscope:verdict': verdict.verdict }];
    if (verdict.summary !== '') body.push({ type: 'TextualBody', purpose: 'commenting', format: 'text/markdown', value: verdict.summary });
    items.push({ id: assessmentIri(doc.sha256), type: 'Annotation', motivation: 'assessing', modified: verdict.updatedAt, 'claimscope:kind': ASSESSMENT_KIND, body, target: docIri });
  }

  const document: JsonObject = {
    id: docIri,
    type: 'Text',
    label: doc.title,
    format: formatMime(doc.format),
    'claimscope:sha256': doc.sha256,
    'claimscope:format': doc.format,
  };
  if (options.includeText ?? true) {
    document['claimscope:text'] = doc.text;
    document['claimscope:blocks'] = doc.blocks as unknown as Json;
    document['claimscope:metadata'] = withHttpUrlOnly(doc.metadata) as unknown as Json;
  }
  return {
    '@context': [...JSONLD_CONTEXT] as unknown as Json,
    id: collectionIri(doc.sha256),
    type: 'AnnotationCollection',
    label: `Claimscope annotations: ${doc.title}`,
    total: items.length,
    generated: m.generatedAt,
    generator: { id: 'urn:claimscope:app', type: 'Software', name: 'Claimscope' },
    'claimscope:document': document,
    'claimscope:sources': m.sources.map(sourceResource),
    first: { id: `${collectionIri(doc.sha256)}:page:0`, type: 'AnnotationPage', startIndex: 0, items },
  };
}

/**
 * The annotations as the file's text: JSON that is also safe inside a page's
 * `<script type="application/ld+json">` ("<", ">", "&", U+2028, U+2029 escaped; the value is the same).
 */
export function toJsonLdText(input: ReportInput, options: JsonLdOptions = {}): string {
  return `${jsonForHtml(toJsonLd(input, options), 2)}\n`;
}

function annotationItem(m: ReportModel, a: Annotation, docIri: string, links: Link[]): JsonObject {
  const body: JsonObject[] = [{ type: 'TextualBody', purpose: 'tagging', value: a.kind }];
  const assessment: JsonObject = {
    type: 'TextualBody',
    purpose: 'assessing',
    value: [STATUS_LABELS[a.status], a.credibility === null ? '' : `credibility ${credibilityText(a.credibility)}`].filter(Boolean).join('; '),
    'claimscope:status': a.status,
  };
  if (a.credibility !== null) assessment['claimscope:credibility'] = a.credibility;
  body.push(assessment);
  if (a.note !== '') body.push({ type: 'TextualBody', purpose: 'commenting', format: 'text/plain', value: a.note });
  // Links are written as they are stored, on the annotation they start from, so their direction survives.
  for (const link of links) {
    const s = link.toSourceId === null ? undefined : m.sourceById.get(link.toSourceId);
    if (s) body.push({ type: 'SpecificResource', purpose: 'identifying', source: { id: sourceIri(s.id), type: sourceTypes(s), name: s.name } });
    if (link.toAnnotationId !== null && m.annotationById.has(link.toAnnotationId)) {
      body.push({ type: 'SpecificResource', purpose: 'linking', source: annotationIri(link.toAnnotationId) });
    }
  }

  const item: JsonObject = {
    id: annotationIri(a.id),
    type: 'Annotation',
    motivation: a.kind === 'claim' ? 'assessing' : 'identifying',
    created: a.createdAt,
    'claimscope:kind': a.kind,
    body,
    target: {
      source: docIri,
      selector: [
        { type: 'TextQuoteSelector', exact: a.exact, prefix: a.prefix, suffix: a.suffix },
        { type: 'TextPositionSelector', start: a.start, end: a.end },
      ],
    },
  };
  if (a.orphan) item['claimscope:orphan'] = true;
  return item;
}

/**
 * A flag; one spanning documents (accepted from a case) targets this file's claims and names the
 * others by document and words (`claimscope:elsewhere`): a file describes one document.
 */
function flagItem(f: Flag, inFile: (annotationId: number) => boolean): JsonObject {
  const body: JsonObject[] = [
    { type: 'TextualBody', purpose: 'tagging', value: INCONSISTENCY_TAG },
    { type: 'TextualBody', purpose: 'describing', format: 'text/plain', value: f.explanation },
    { type: 'TextualBody', purpose: 'assessing', value: FLAG_STATUS_LABELS[f.status], 'claimscope:status': f.status },
  ];
  if (f.note !== '') body.push({ type: 'TextualBody', purpose: 'commenting', format: 'text/plain', value: f.note });
  return {
    id: flagIri(f.id),
    type: 'Annotation',
    motivation: 'questioning',
    'claimscope:kind': INCONSISTENCY_TAG,
    body,
    target: f.memberIds.filter(inFile).map(annotationIri),
    ...(f.across ? { 'claimscope:elsewhere': f.across.filter((p) => !inFile(p.annotationId)).map((p) => ({ title: p.title, exact: p.exact })) } : {}),
  };
}

function sourceResource(s: Source): JsonObject {
  return {
    id: sourceIri(s.id),
    type: sourceTypes(s),
    name: s.name,
    'claimscope:sourceType': s.type,
    'claimscope:aliases': s.aliases,
    'claimscope:reliability': s.reliability,
    'claimscope:reliabilityLabel': RELIABILITY_LABELS[s.reliability],
    'claimscope:note': s.note,
  };
}

/** Person and Organization are the anno.jsonld (FOAF) agent classes. */
function sourceTypes(s: Source): string[] {
  const agent = s.type === 'person' ? 'Person' : s.type === 'organisation' || s.type === 'outlet' ? 'Organization' : null;
  return agent ? ['claimscope:Source', agent] : ['claimscope:Source'];
}

function formatMime(format: string): string {
  switch (format) {
    case 'md':
      return 'text/markdown';
    case 'html':
      return 'text/html';
    case 'pdf':
      return 'application/pdf';
    case 'docx':
      return 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
    default:
      return 'text/plain';
  }
}
