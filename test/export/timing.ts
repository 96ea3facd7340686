// Times the HTML export on a 1 MB text with 5,000 annotations (claims, attributions, overlaps,
// flags, sources). Not a test: run `npx jiti main/core/export/testing/timing.ts`.
import { createHash } from 'node:crypto';
import type { Annotation, DocumentState, Flag, Link, Source } from '../../common/domain';
import { fromJsonLd, toCsv, toHtml, toJsonLd, toMarkdown, type ReportInput } from '../../main/core/export/index';
import { paragraphs } from './fixture';

const TARGET_CHARS = 1_000_000;
const ANNOTATIONS = 5_000;

function build(): ReportInput {
  const words = ['the', 'minister', 'said', 'that', 'talks', 'would', 'resume', 'on', 'Monday', 'according', 'to', 'officials', 'in', 'Kyiv', '<b>', '&', 'sources'];
  const parts: string[] = [];
  let length = 0;
  let seed = 7;
  const rand = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  while (length < TARGET_CHARS) {
    const sentence = Array.from({ length: 8 + rand(20) }, () => words[rand(words.length)]).join(' ') + '. ';
    const piece = rand(6) === 0 ? `${sentence}\n\n` : sentence;
    parts.push(piece);
    length += piece.length;
  }
  const text = parts.join('').slice(0, TARGET_CHARS);
  const annotations: Annotation[] = [];
  for (let i = 0; i < ANNOTATIONS; i++) {
    const start = Math.floor((i / ANNOTATIONS) * (TARGET_CHARS - 400)) + rand(150);
    const end = start + 10 + rand(300);
    annotations.push({
      id: i + 1, documentId: 1, kind: i % 4 === 0 ? 'attribution' : 'claim', start, end,
      exact: text.slice(start, end), prefix: text.slice(Math.max(0, start - 32), start), suffix: text.slice(end, end + 32),
      status: (['unverified', 'supported', 'disputed', 'refuted', 'retracted'] as const)[i % 5]!,
      credibility: i % 3 === 0 ? null : 1 + (i % 6), note: i % 7 === 0 ? `note <i>${i}</i>` : '', orphan: false, createdAt: '2025-01-01T00:00:00Z',
    });
  }
  const sources: Source[] = Array.from({ length: 200 }, (_, i) => ({ id: 10_000 + i, name: `Source ${i}`, type: 'person', aliases: [], reliability: 'ABCDEF'[i % 6] as Source['reliability'], note: '' }));
  const links: Link[] = [];
  let linkId = 1;
  for (const a of annotations) {
    if (a.kind === 'attribution') {
      links.push({ id: linkId++, fromId: a.id, toAnnotationId: null, toSourceId: 10_000 + (a.id % 200) });
      if (a.id + 1 <= ANNOTATIONS) links.push({ id: linkId++, fromId: a.id, toAnnotationId: a.id + 1, toSourceId: null });
    }
  }
  const flags: Flag[] = Array.from({ length: 300 }, (_, i) => ({ id: 20_000 + i, documentId: 1, explanation: `Contradiction ${i}`, status: 'open', note: '', memberIds: [2 + i * 16, 3 + i * 16] }));
  const state: DocumentState = { annotations, links, flags, sources, canUndo: false, canRedo: false };
  return {
    document: {
      id: 1, title: 'Timing document', path: null, format: 'txt', chars: text.length, importedAt: '2025-01-01T00:00:00Z', annotationCount: ANNOTATIONS, version: 1, previousId: null,
      text, blocks: paragraphs(text), sha256: createHash('sha256').update(text).digest('hex'), metadata: {},
    },
    state,
    generatedAt: '2025-01-01T00:00:00Z',
  };
}

function time<T>(label: string, run: () => T, runs = 5): T {
  let result = run(); // warm-up
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    result = run();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  console.log(`${label.padEnd(28)} median ${times[Math.floor(runs / 2)]!.toFixed(0).padStart(5)} ms   (min ${times[0]!.toFixed(0)}, max ${times[runs - 1]!.toFixed(0)})`);
  return result;
}

const input = build();
console.log(`text ${input.document.text.length.toLocaleString('en')} chars, ${input.document.blocks.length} blocks, ${ANNOTATIONS} annotations, ${input.state.flags.length} flags`);
const html = time('toHtml', () => toHtml(input));
console.log(`${''.padEnd(28)} output ${(html.length / 1e6).toFixed(2)} MB`);
time('toMarkdown', () => toMarkdown(input));
time('toCsv', () => toCsv(input));
const json = time('toJsonLd + stringify', () => JSON.stringify(toJsonLd(input)));
time('parse + fromJsonLd', () => fromJsonLd(JSON.parse(json)));
