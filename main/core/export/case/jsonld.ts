import { ACH_MARK_LABELS, CLAIM_STANCE_LABELS, credibilityLabel, RELIABILITY_LABELS } from '../../../../common/labels';
import { quoteSelector } from '../../../../common/selectors';
import { jsonForHtml } from '../json-html';
import { annotationIri, caseIri, claimGroupIri, claimGroupMemberIri, documentIri, hypothesisIri, JSONLD_CONTEXT, sourceIri } from '../jsonld/terms';
import type { CaseReportDocument, CaseReportGroup, CaseReportModel, CaseReportPassage } from './model';

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

/**
 * The case as JSON-LD in the W3C Web Annotation model: an ActivityStreams OrderedCollection whose
 * items are the claim groups, each an `AnnotationCollection` (its page embedded) whose items are
 * its passages: one Annotation each, targeting its own document (named by its sha256 URN, as the
 * document export names it) with a TextQuoteSelector and a TextPositionSelector, so one collection's
 * targets span documents. A passage's body tags it a claim, classifies its stance (states /
 * contradicts) and links the claim annotation of the document export. `claimscope:` terms carry
 * what the model has no word for: credibility, the proposal and its reason, ACH marks and scores.
 */
export function caseToJsonLd(m: CaseReportModel): JsonObject {
  const docIri = new Map(m.documents.map((d) => [d.id, d.sha256 ? documentIri(d.sha256) : `urn:claimscope:document-id:${d.id}`]));
  const byId = new Map(m.documents.map((d) => [d.id, d]));
  const iri = caseIri(m.case.id);
  return {
    '@context': [...JSONLD_CONTEXT] as unknown as Json,
    id: iri,
    type: ['as:OrderedCollection', 'claimscope:Case'],
    label: m.case.name,
    created: m.case.createdAt,
    generated: m.generatedAt,
    generator: { id: 'urn:claimscope:app', type: 'Software', name: 'Claimscope' },
    ...(m.analyst ? { creator: { type: 'Person', name: m.analyst } } : {}),
    'claimscope:documents': m.documents.map((d) => documentResource(d, docIri.get(d.id)!)),
    'claimscope:hypotheses': m.hypotheses.map((hy) => ({
      id: hypothesisIri(hy.id),
      type: 'claimscope:Hypothesis',
      label: hy.title,
      'claimscope:inconsistencyScore': hy.inconsistent,
      'claimscope:consistent': hy.consistent,
      'claimscope:notApplicable': hy.notApplicable,
    })),
    'claimscope:sources': m.sources.map((s) => {
      const out: JsonObject = { type: 'claimscope:Source', name: s.name, 'claimscope:reliability': s.reliability };
      if (s.sourceId !== null) out.id = sourceIri(s.sourceId);
      if (s.reliability) out['claimscope:reliabilityLabel'] = RELIABILITY_LABELS[s.reliability];
      return out;
    }),
    total: m.groups.length,
    items: m.groups.map((g) => groupCollection(m, g, docIri, byId)),
  };
}

/** The case's JSON-LD as the file's text, safe inside `<script type="application/ld+json">` too. */
export function caseToJsonLdText(m: CaseReportModel): string {
  return `${jsonForHtml(caseToJsonLd(m), 2)}\n`;
}

function documentResource(d: CaseReportDocument, id: string): JsonObject {
  const out: JsonObject = { id, type: 'Text', label: d.title, 'claimscope:label': d.label, 'claimscope:inCase': d.inCase };
  if (d.sha256) out['claimscope:sha256'] = d.sha256;
  if (d.outlet) out['claimscope:outlet'] = d.outlet;
  if (d.author) out['claimscope:author'] = d.author;
  if (d.published) out['claimscope:published'] = d.published;
  return out;
}

function groupCollection(m: CaseReportModel, g: CaseReportGroup, docIri: Map<number, string>, docs: Map<number, CaseReportDocument>): JsonObject {
  const iri = claimGroupIri(g.id);
  const out: JsonObject = {
    id: iri,
    type: 'AnnotationCollection',
    label: g.title,
    total: g.passages.length,
    'claimscope:label': g.label,
    'claimscope:contested': g.contested,
    'claimscope:credibility': g.credibility,
    'claimscope:matrix': m.documents.map((d, i) => ({ 'claimscope:document': docIri.get(d.id)!, 'claimscope:cell': g.cells[i]! })),
  };
  if (g.credibility !== null) out['claimscope:credibilityLabel'] = credibilityLabel(g.credibility);
  if (g.proposed !== null) out['claimscope:proposedCredibility'] = g.proposed;
  if (g.reason !== null) out['claimscope:reason'] = g.reason;
  if (g.independentStating !== null) out['claimscope:independentStating'] = g.independentStating;
  if (g.independentContradicting !== null) out['claimscope:independentContradicting'] = g.independentContradicting;
  const marks: JsonObject[] = [];
  m.hypotheses.forEach((hy, i) => {
    const mark = g.marks[i];
    if (mark) marks.push({ 'claimscope:hypothesis': hypothesisIri(hy.id), 'claimscope:mark': mark, label: ACH_MARK_LABELS[mark] });
  });
  if (marks.length > 0) out['claimscope:achMarks'] = marks;
  out.first = { id: `${iri}:page:0`, type: 'AnnotationPage', partOf: iri, startIndex: 0, items: g.passages.map((p) => passageAnnotation(p, docIri.get(p.documentId)!, docs.get(p.documentId)!)) };
  return out;
}

function passageAnnotation(p: CaseReportPassage, source: string, doc: CaseReportDocument): JsonObject {
  // The context from the text where the passage still stands there; else its words alone.
  const quote: JsonObject = p.anchored ? { type: 'TextQuoteSelector', ...quoteSelector(doc.text, p.start, p.end) } : { type: 'TextQuoteSelector', exact: p.exact };
  return {
    id: claimGroupMemberIri(p.memberId),
    type: 'Annotation',
    motivation: 'classifying',
    'claimscope:kind': 'claim',
    'claimscope:stance': p.stance,
    body: [
      { type: 'TextualBody', purpose: 'tagging', value: 'claim' },
      { type: 'TextualBody', purpose: 'classifying', value: CLAIM_STANCE_LABELS[p.stance], 'claimscope:stance': p.stance },
      { type: 'SpecificResource', purpose: 'linking', source: annotationIri(p.annotationId) },
    ],
    target: {
      source,
      selector: [quote, { type: 'TextPositionSelector', start: p.start, end: p.end }],
    },
  };
}
