import { z } from 'zod';
import { Block, ClaimStatus, Credibility, FlagStatus, Metadata, Reliability, SourceType, Verdict } from '../../../../common/domain';
import { ClaimscopeError } from '../../../../common/errors';
import { quoteSelector } from '../../../../common/selectors';
import { ANNO_CONTEXT, ASSESSMENT_KIND, CLAIMSCOPE_VOCAB, INCONSISTENCY_TAG } from './terms';
import type { ImportedAnnotation, ImportedAnnotations, ImportedFlag, ImportedLink, ImportedSource } from '../types';
import { withHttpUrlOnly } from '../url';

const WHAT_TO_DO = 'export the annotations again from Claimscope, or correct the file';

/** A value or a list of them, as JSON-LD allows; always a list after parsing. */
const oneOrMany = <T extends z.ZodType>(item: T) => z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(item));
/** An IRI on its own stands for the resource `{ id }`. */
const resource = <T extends z.ZodType>(shape: T) => z.preprocess((v) => (typeof v === 'string' ? { id: v } : v), shape);
const Types = z.preprocess((v) => (typeof v === 'string' ? [v] : v === undefined ? [] : v), z.array(z.string()));

const SourceNode = z.looseObject({
  id: z.string().min(1),
  type: Types,
  name: z.string().optional(),
  'claimscope:sourceType': SourceType.optional(),
  'claimscope:aliases': z.array(z.string()).optional(),
  'claimscope:reliability': Reliability.optional(),
  'claimscope:note': z.string().optional(),
});
type SourceNode = z.infer<typeof SourceNode>;

const Selector = z.looseObject({
  type: z.string(),
  exact: z.string().optional(),
  prefix: z.string().optional(),
  suffix: z.string().optional(),
  start: z.number().int().min(0).optional(),
  end: z.number().int().min(0).optional(),
});

const Target = resource(
  z.looseObject({
    id: z.string().optional(),
    source: z.string().optional(),
    selector: oneOrMany(Selector),
  }),
);
type Target = z.infer<typeof Target>;

const Body = resource(
  z.looseObject({
    id: z.string().optional(),
    type: Types,
    purpose: z.string().optional(),
    value: z.string().optional(),
    source: resource(SourceNode).optional(),
    'claimscope:status': z.string().optional(),
    'claimscope:credibility': Credibility.nullable().optional(),
    'claimscope:verdict': z.string().optional(),
  }),
);
type Body = z.infer<typeof Body>;

const Item = z.looseObject({
  id: z.string().min(1, 'an annotation needs an id'),
  type: Types.refine((t) => t.includes('Annotation'), 'type must be "Annotation"'),
  created: z.string().optional(),
  'claimscope:kind': z.enum(['claim', 'attribution', INCONSISTENCY_TAG, ASSESSMENT_KIND]).optional(),
  'claimscope:orphan': z.boolean().optional(),
  body: oneOrMany(Body),
  target: oneOrMany(Target).refine((t) => t.length > 0, 'an annotation needs a target'),
});
type Item = z.infer<typeof Item>;

const DocumentNode = z.looseObject({
  id: z.string().optional(),
  label: z.string().optional(),
  'claimscope:sha256': z.string().optional(),
  'claimscope:format': z.string().optional(),
  'claimscope:text': z.string().optional(),
  'claimscope:blocks': z.array(Block).optional(),
  'claimscope:metadata': Metadata.optional(),
});

const Context = z
  .preprocess((v) => (Array.isArray(v) ? v : [v]), z.array(z.unknown()))
  .refine((c) => c.some((x) => x === ANNO_CONTEXT || x === ANNO_CONTEXT.replace('http:', 'https:')), `does not include ${ANNO_CONTEXT}`);

const Container = z.looseObject({
  '@context': Context,
  type: Types.refine(
    (t) => t.some((x) => ['AnnotationCollection', 'AnnotationPage', 'Annotation'].includes(x)),
    'type must be "AnnotationCollection", "AnnotationPage" or "Annotation"',
  ),
  first: z.looseObject({ items: z.array(Item) }).optional(),
  items: z.array(Item).optional(),
  'claimscope:document': DocumentNode.optional(),
  'claimscope:sources': z.array(SourceNode).optional(),
});

/**
 * Reads a W3C Web Annotation collection (as `toJsonLd` writes it; other tools' annotations on text
 * work too) into a neutral structure a service can insert with new ids. Throws
 * ClaimscopeError('bad_file') with one line saying what is wrong and what to do.
 */
export function fromJsonLd(json: unknown): ImportedAnnotations {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    fail('the file is not a JSON-LD object');
  }
  const root = parse(Container, json);
  const items: Item[] = root.type.includes('Annotation') ? [parse(Item, json)] : [...(root.first?.items ?? []), ...(root.items ?? [])];

  const docNode = root['claimscope:document'];
  const text = docNode?.['claimscope:text'];
  const sources = new Map<string, ImportedSource>();
  for (const node of root['claimscope:sources'] ?? []) addSource(sources, node);

  const annotations: ImportedAnnotation[] = [];
  const links: ImportedLink[] = [];
  const flags: ImportedFlag[] = [];
  const seen = new Set<string>();
  const targetDocuments = new Set<string>();
  let assessment: ImportedAnnotations['assessment'];
  for (const item of items) {
    if (seen.has(item.id)) fail(`the annotation ${item.id} appears twice`);
    seen.add(item.id);
    if (item['claimscope:kind'] === ASSESSMENT_KIND) {
      if (assessment) fail('the file carries two assessments of the document');
      assessment = readAssessment(item);
      continue;
    }
    const kind = kindOf(item);
    if (kind === INCONSISTENCY_TAG) {
      flags.push(readFlag(item));
      continue;
    }
    const { annotation, documentIri } = readAnnotation(item, kind, text);
    annotations.push(annotation);
    if (documentIri) targetDocuments.add(documentIri);
    for (const body of item.body) {
      const target = body.source;
      if (!target) continue;
      if (body.purpose === 'identifying' || isSource(target)) {
        addSource(sources, target);
        links.push({ fromRef: item.id, toSourceRef: target.id });
      } else if (body.purpose === 'linking') {
        links.push({ fromRef: item.id, toAnnotationRef: target.id });
      }
    }
  }

  if (targetDocuments.size > 1) fail('the annotations target more than one document; import one document at a time');
  const annotationRefs = new Set(annotations.map((a) => a.ref));
  for (const link of links) {
    if (link.toAnnotationRef !== undefined && !annotationRefs.has(link.toAnnotationRef)) {
      fail(`${link.fromRef} links to ${link.toAnnotationRef}, which is not in the file`);
    }
    if (link.toSourceRef !== undefined && !sources.has(link.toSourceRef)) {
      fail(`${link.fromRef} cites the source ${link.toSourceRef}, which is not described in the file`);
    }
  }
  for (const flag of flags) {
    for (const ref of flag.memberRefs) if (!annotationRefs.has(ref)) fail(`the inconsistency ${flag.ref} refers to ${ref}, which is not in the file`);
  }

  const documentIri = docNode?.id ?? [...targetDocuments][0];
  const sha256 = docNode?.['claimscope:sha256'] ?? /^urn:claimscope:document:([0-9a-f]{64})$/i.exec(documentIri ?? '')?.[1];
  return {
    document: strip({
      iri: documentIri,
      sha256,
      title: docNode?.label,
      format: docNode?.['claimscope:format'],
      text,
      blocks: docNode?.['claimscope:blocks'],
      metadata: docNode?.['claimscope:metadata'] && withHttpUrlOnly(docNode['claimscope:metadata']),
    }),
    sources: [...sources.values()],
    annotations,
    links,
    flags,
    ...(assessment ? { assessment } : {}),
  };
}

/** The analyst's verdict (a body assessing, with claimscope:verdict) and summary (commenting). */
function readAssessment(item: Item): NonNullable<ImportedAnnotations['assessment']> {
  const body = item.body.find((b) => b.purpose === 'assessing' && b['claimscope:verdict'] !== undefined);
  const verdict = Verdict.safeParse(body?.['claimscope:verdict'] ?? 'unassessed');
  if (!verdict.success) fail(`${item.id}: "${String(body?.['claimscope:verdict'])}" is not a verdict (${Verdict.options.join(', ')})`);
  return { verdict: verdict.data, summary: textsOf(item.body, 'commenting') };
}

function kindOf(item: Item): 'claim' | 'attribution' | typeof INCONSISTENCY_TAG {
  const own = item['claimscope:kind'];
  if (own && own !== ASSESSMENT_KIND) return own;
  for (const b of item.body) {
    if (b.purpose === 'tagging' && (b.value === 'claim' || b.value === 'attribution' || b.value === INCONSISTENCY_TAG)) return b.value;
  }
  // Annotations from other tools become claims to be assessed.
  return 'claim';
}

function readAnnotation(item: Item, kind: 'claim' | 'attribution', text: string | undefined): { annotation: ImportedAnnotation; documentIri?: string } {
  let quote: { exact: string; prefix: string; suffix: string } | undefined;
  let position: { start: number; end: number } | undefined;
  let documentIri: string | undefined;
  for (const target of item.target) {
    for (const sel of target.selector) {
      if (sel.type === 'TextQuoteSelector' && !quote) {
        if (sel.exact === undefined) fail(`${item.id}: its TextQuoteSelector has no "exact"`);
        quote = { exact: sel.exact, prefix: sel.prefix ?? '', suffix: sel.suffix ?? '' };
        documentIri ??= target.source ?? target.id;
      } else if (sel.type === 'TextPositionSelector' && !position) {
        if (sel.start === undefined || sel.end === undefined) fail(`${item.id}: its TextPositionSelector needs "start" and "end"`);
        if (sel.end < sel.start) fail(`${item.id}: its TextPositionSelector ends (${sel.end}) before it starts (${sel.start})`);
        position = { start: sel.start, end: sel.end };
        documentIri ??= target.source ?? target.id;
      }
    }
  }
  if (!quote && !position) fail(`${item.id}: it has neither a TextQuoteSelector nor a TextPositionSelector`);
  let orphan = item['claimscope:orphan'] ?? false;
  if (!position) {
    // Only a quote: find it in the text if the file carries it; otherwise leave re-anchoring to the app.
    const found = text === undefined || !quote ? -1 : locate(text, quote);
    if (found >= 0) position = { start: found, end: found + quote!.exact.length };
    else {
      position = { start: 0, end: 0 };
      orphan = true;
    }
  }
  if (!quote) {
    quote = text !== undefined && position.end <= text.length ? quoteSelector(text, position.start, position.end) : { exact: '', prefix: '', suffix: '' };
  }

  const assessing = item.body.find((b) => b.purpose === 'assessing');
  const statusText = assessing?.['claimscope:status'] ?? (assessing?.value ?? '').trim().toLowerCase();
  const status = ClaimStatus.safeParse(statusText);
  if (assessing?.['claimscope:status'] !== undefined && !status.success) {
    fail(`${item.id}: "${assessing['claimscope:status']}" is not a claim status (${ClaimStatus.options.join(', ')})`);
  }
  return {
    annotation: strip({
      ref: item.id,
      kind,
      start: position.start,
      end: position.end,
      exact: quote.exact,
      prefix: quote.prefix,
      suffix: quote.suffix,
      status: status.success ? status.data : 'unverified',
      credibility: assessing?.['claimscope:credibility'] ?? null,
      note: textsOf(item.body, 'commenting'),
      orphan,
      createdAt: item.created,
    }),
    documentIri,
  };
}

function readFlag(item: Item): ImportedFlag {
  const assessing = item.body.find((b) => b.purpose === 'assessing');
  const statusText = assessing?.['claimscope:status'] ?? (assessing?.value ?? 'open').trim().toLowerCase();
  const status = FlagStatus.safeParse(statusText);
  if (!status.success) fail(`${item.id}: "${statusText}" is not an inconsistency status (${FlagStatus.options.join(', ')})`);
  const memberRefs = item.target.map((t: Target) => t.id ?? t.source).filter((ref): ref is string => ref !== undefined);
  return { ref: item.id, explanation: textsOf(item.body, 'describing'), status: status.data, note: textsOf(item.body, 'commenting'), memberRefs };
}

function isSource(node: SourceNode): boolean {
  return node.type.includes('claimscope:Source') || node.type.includes(`${CLAIMSCOPE_VOCAB}Source`);
}

/** Registers a source, keeping the first full description of each IRI. */
function addSource(sources: Map<string, ImportedSource>, node: SourceNode) {
  if (sources.has(node.id)) return;
  const agentType = node.type.includes('Person') ? 'person' : node.type.includes('Organization') ? 'organisation' : 'other';
  sources.set(node.id, {
    ref: node.id,
    name: node.name ?? node.id,
    type: node['claimscope:sourceType'] ?? agentType,
    aliases: node['claimscope:aliases'] ?? [],
    reliability: node['claimscope:reliability'] ?? 'F',
    note: node['claimscope:note'] ?? '',
  });
}

function textsOf(bodies: Body[], purpose: string): string {
  return bodies
    .filter((b) => b.purpose === purpose && b.value !== undefined)
    .map((b) => b.value!)
    .join('\n\n');
}

function locate(text: string, quote: { exact: string; prefix: string; suffix: string }): number {
  if (quote.exact === '') return -1;
  const inContext = text.indexOf(quote.prefix + quote.exact + quote.suffix);
  return inContext >= 0 ? inContext + quote.prefix.length : text.indexOf(quote.exact);
}

function parse<T extends z.ZodType>(schema: T, value: unknown): z.infer<T> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  fail(`${pathOf(issue.path)}${lowerFirst(issue.message)}`);
}

function pathOf(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '';
  let out = '';
  for (const key of path) out += typeof key === 'number' ? `[${key}]` : `${out ? '.' : ''}${String(key)}`;
  return `${out}: `;
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}

/** Drops keys whose value is undefined, so results compare and serialise cleanly. */
function strip<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

function fail(what: string): never {
  throw new ClaimscopeError('bad_file', `Not a usable annotation file: ${what}; ${WHAT_TO_DO}`);
}
