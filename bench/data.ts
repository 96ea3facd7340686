// The benchmark's own data, the same on every run: an English-looking news text of short
// paragraphs, and annotations of both kinds over it (whole sentences, phrases inside them, some
// spanning two sentences, so that tags overlap), with sources, links and flags.
import { quoteSelector } from '../common/selectors';
import type { Row } from '../db/changes';
import { seededRandom } from '../common/random';

export interface Size {
  name: 'full' | 'small' | 'large';
  sentences: number;
  /** Average sentences per paragraph. */
  perParagraph: number;
  annotations: number;
  sources: number;
  flags: number;
}

export const FULL: Size = { name: 'full', sentences: 10_000, perParagraph: 5, annotations: 5_000, sources: 200, flags: 300 };
/** The documented worst case: 10 MB of text with 50,000 annotations (`npm run bench -- --large`). */
export const LARGE: Size = { name: 'large', sentences: 100_000, perParagraph: 5, annotations: 50_000, sources: 500, flags: 1_000 };
export const SMALL: Size = { name: 'small', sentences: 600, perParagraph: 5, annotations: 300, sources: 20, flags: 20 };

/** mulberry32: small, fast and the same everywhere. */
export const random = seededRandom;

const SUBJECTS = [
  'The minister', 'A spokesperson for the ministry', 'The regional governor', 'Officials in the capital', 'The central bank',
  'Local residents', 'The opposition leader', 'Independent analysts', 'The port authority', 'A senior diplomat',
  'The trade union', 'Police', 'The company', 'Health officials', 'The committee', 'Several witnesses',
];
const VERBS = [
  'announced', 'confirmed', 'denied', 'reported', 'estimated', 'warned', 'acknowledged', 'claimed', 'insisted', 'suggested',
];
const OBJECTS = [
  'that the talks would resume on Monday', 'that exports fell by 12 percent in the third quarter',
  'that more than 4,000 people had been evacuated', 'that the budget would be balanced by next year',
  'that no agreement had been reached', 'that the vaccine trial had enrolled 30,000 volunteers',
  'that the strike cost the port about 40 million dollars a day', 'that the council vote was postponed',
  'that the new bridge would open in the spring', 'that inflation had slowed for the fourth month in a row',
  'that the ceasefire was holding in most districts', 'that the figures had been revised upward',
  'that the investigation would take several months', 'that two ships were still waiting outside the harbour',
];
const TAILS = [
  '', '', '', ' after a long meeting', ' in a statement on Tuesday', ' according to figures seen by reporters',
  ' despite earlier denials', ' citing internal documents', ' during a press conference', ' without giving details',
  ' as the negotiations entered their second week', ' in a briefing for foreign correspondents',
];
const ATTRIBUTIONS = [
  'presidential aide Yury Ushakov said', 'a person familiar with the matter said', 'the agency said in a report',
  'two officials told reporters', 'the mayor said', 'according to the statistics office',
];

export interface Generated {
  text: string;
  /** Sentence spans in the text. */
  sentences: Array<{ start: number; end: number }>;
}

/** About 100 characters a sentence: 10,000 sentences make about 1 MB. */
export function generateText(size: Size, seed = 7): Generated {
  const rand = random(seed);
  const pick = <T,>(list: readonly T[]) => list[Math.floor(rand() * list.length)]!;
  const parts: string[] = [];
  const sentences: Array<{ start: number; end: number }> = [];
  let length = 0;
  let inParagraph = 0;
  let paragraphLength = 2 + Math.floor(rand() * 7);
  for (let i = 0; i < size.sentences; i++) {
    let s: string;
    const form = rand();
    if (form < 0.55) s = `${pick(SUBJECTS)} ${pick(VERBS)} ${pick(OBJECTS)}${pick(TAILS)}.`;
    else if (form < 0.8) s = `“${capitalise(pick(OBJECTS).replace(/^that /, ''))},” ${pick(ATTRIBUTIONS)}.`;
    else s = `${capitalise(pick(OBJECTS).replace(/^that /, ''))}, ${pick(ATTRIBUTIONS)}, and ${pick(SUBJECTS).toLowerCase()} ${pick(VERBS)} it${pick(TAILS)}.`;
    if (inParagraph > 0) {
      parts.push(' ');
      length += 1;
    }
    sentences.push({ start: length, end: length + s.length });
    parts.push(s);
    length += s.length;
    inParagraph++;
    if (inParagraph >= paragraphLength && i < size.sentences - 1) {
      parts.push('\n\n');
      length += 2;
      inParagraph = 0;
      paragraphLength = Math.max(1, Math.round(size.perParagraph - 3 + rand() * 6));
    }
  }
  parts.push('\n');
  return { text: parts.join(''), sentences };
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export interface AnnotationSpec {
  kind: 'claim' | 'attribution';
  start: number;
  end: number;
}

/**
 * Annotations spread evenly over the text: 55% whole-sentence claims, 30% attribution phrases
 * (inside a sentence, often inside a claim), 15% claims over two sentences (overlapping others).
 */
export function generateAnnotations(g: Generated, count: number, seed = 11): AnnotationSpec[] {
  const rand = random(seed);
  const out: AnnotationSpec[] = [];
  const seen = new Set<string>();
  const n = g.sentences.length;
  for (let i = 0; out.length < count && i < count * 4; i++) {
    const at = Math.min(n - 1, Math.floor(((i % count) + rand()) * (n / count)));
    const s = g.sentences[at]!;
    const form = rand();
    let spec: AnnotationSpec;
    if (form < 0.55) spec = { kind: 'claim', start: s.start, end: s.end };
    else if (form < 0.85) {
      const words = [...g.text.slice(s.start, s.end).matchAll(/\S+/g)];
      const from = Math.floor(rand() * Math.max(1, words.length - 4));
      const to = Math.min(words.length - 1, from + 2 + Math.floor(rand() * 4));
      spec = { kind: 'attribution', start: s.start + words[from]!.index!, end: s.start + words[to]!.index! + words[to]![0].length };
    } else {
      const next = g.sentences[Math.min(n - 1, at + 1)]!;
      spec = { kind: 'claim', start: s.start, end: next.end };
    }
    const key = `${spec.kind}:${spec.start}:${spec.end}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(spec);
  }
  return out;
}

const STATUSES = ['unverified', 'supported', 'disputed', 'refuted', 'retracted'] as const;

/** Database rows (db/bulk.ts) for annotations of a document, with statuses, grades and a few notes. */
export function annotationRows(documentId: number, text: string, specs: readonly AnnotationSpec[], seed = 3): Row[] {
  const rand = random(seed);
  const createdAt = '2025-01-01T00:00:00.000Z';
  return specs.map((s, i) => ({
    document_id: documentId,
    kind: s.kind,
    start_offset: s.start,
    end_offset: s.end,
    ...quoteSelector(text, s.start, s.end),
    status: s.kind === 'claim' ? STATUSES[Math.floor(rand() * STATUSES.length)]! : 'unverified',
    credibility: rand() < 0.5 ? null : 1 + Math.floor(rand() * 6),
    note: i % 9 === 0 ? `Checked against the ${i}th filing; see the archive.` : '',
    orphan: 0,
    created_at: createdAt,
  }));
}
