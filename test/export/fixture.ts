import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Annotation, Block, DocumentRecord, DocumentState, Flag, Link, Source } from '../../common/domain';
import { quoteSelector } from '../../common/selectors';
import { paragraphBlocks } from '../../main/core/import/text';
import type { ReportInput } from '../../main/core/export/types';

import { CORPUS } from '../built';

export { CORPUS };
export const HOSTILE_PARAGRAPH = 'Injected: <script>alert(1)</script> and <img src=x onerror=alert(1)> & "quotes"';
export const TITLE = 'Kremlin aide unveils specifics of Putin-Trump phone call';

/** Paragraph blocks split at blank lines, as the text importer makes them. */
export const paragraphs = (text: string): Block[] => paragraphBlocks(text);

/** A small annotation database over one text, looked up by quote so the fixture reads like the task. */
export class FixtureBuilder {
  readonly annotations: Annotation[] = [];
  readonly links: Link[] = [];
  readonly flags: Flag[] = [];
  readonly sources: Source[] = [];
  private nextId = 1;

  constructor(readonly text: string) {}

  find(needle: string, occurrence = 0): { start: number; end: number } {
    let at = -1;
    for (let i = 0; i <= occurrence; i++) {
      at = this.text.indexOf(needle, at + 1);
      if (at < 0) throw new Error(`fixture: "${needle}" is not in the text`);
    }
    return { start: at, end: at + needle.length };
  }

  annotate(kind: Annotation['kind'], needle: string, extra: Partial<Annotation> = {}): Annotation {
    const { start, end } = this.find(needle);
    const a: Annotation = {
      id: this.nextId++,
      documentId: 1,
      kind,
      start,
      end,
      ...quoteSelector(this.text, start, end),
      status: 'unverified',
      credibility: null,
      note: '',
      orphan: false,
      createdAt: '2025-07-23T09:00:00.000Z',
      ...extra,
    };
    this.annotations.push(a);
    return a;
  }

  orphan(exact: string, extra: Partial<Annotation> = {}): Annotation {
    const a: Annotation = {
      id: this.nextId++,
      documentId: 1,
      kind: 'claim',
      start: 5,
      end: 5 + exact.length,
      exact,
      prefix: 'before ',
      suffix: ' after',
      status: 'unverified',
      credibility: null,
      note: '',
      orphan: true,
      createdAt: '2025-07-23T09:00:00.000Z',
      ...extra,
    };
    this.annotations.push(a);
    return a;
  }

  source(name: string, type: Source['type'], reliability: Source['reliability'], extra: Partial<Source> = {}): Source {
    const s: Source = { id: this.nextId++, name, type, aliases: [], reliability, note: '', ...extra };
    this.sources.push(s);
    return s;
  }

  cite(from: Annotation, to: Source) {
    this.links.push({ id: this.nextId++, fromId: from.id, toAnnotationId: null, toSourceId: to.id });
  }

  cover(attribution: Annotation, claim: Annotation) {
    this.links.push({ id: this.nextId++, fromId: attribution.id, toAnnotationId: claim.id, toSourceId: null });
  }

  flag(members: Annotation[], explanation: string, status: Flag['status'], note = ''): Flag {
    const f: Flag = { id: this.nextId++, documentId: 1, explanation, status, note, memberIds: members.map((m) => m.id) };
    this.flags.push(f);
    return f;
  }

  input(document: Partial<DocumentRecord> = {}): ReportInput {
    const state: DocumentState = { annotations: this.annotations, links: this.links, flags: this.flags, sources: this.sources, canUndo: false, canRedo: false };
    const record: DocumentRecord = {
      id: 1,
      title: TITLE,
      path: '/home/analyst/kremlin-call.txt',
      format: 'txt',
      chars: this.text.length,
      importedAt: '2025-07-23T08:59:00.000Z',
      annotationCount: this.annotations.length,
      version: 1,
      previousId: null,
      text: this.text,
      blocks: paragraphs(this.text),
      sha256: createHash('sha256').update(this.text).digest('hex'),
      metadata: { author: 'MENAFN', published: '2025-07-22', url: 'https://menafn.com/kremlin-call' },
      ...document,
    };
    return { document: record, state, generatedAt: '2025-07-23T10:00:00.000Z' };
  }
}

/**
 * The Kremlin call article with claims, attributions, sources and both of its known inconsistencies,
 * plus a hostile paragraph, overlapping claims, an orphan, and notes full of markup.
 */
export function kremlinFixture(): { input: ReportInput; b: FixtureBuilder } {
  const text = `${fs.readFileSync(path.join(CORPUS, 'kremlin-call.txt'), 'utf8').trimEnd()}\n\n${HOSTILE_PARAGRAPH}\n`;
  const b = new FixtureBuilder(text);

  const kremlin = b.source('Kremlin', 'organisation', 'C', { aliases: ['Moscow'], note: 'Official readout <img src=x onerror=alert(1)>' });
  const ushakov = b.source('Yury Ushakov', 'person', 'B', { aliases: ['Ushakov'], note: 'Presidential aide' });
  const menafn = b.source('MENAFN', 'outlet', 'D');
  b.source('Unused | source, with "comma"', 'other', 'F');

  const dateline = b.annotate('claim', '02 January 2024', { status: 'refuted', credibility: 5, note: 'The story is from July 2025.' });
  const stamp = b.annotate('claim', '2025-07-22 04:38:47', { status: 'supported', credibility: 1 });
  const discussed = b.annotate('claim', 'Putin and US President Donald Trump discussed the Ukraine conflict', { status: 'supported', credibility: 2 });
  // Overlaps the previous claim partially, so spans must be split and reopened.
  const ways = b.annotate('claim', 'Donald Trump discussed the Ukraine conflict and possible ways to resolve it', { status: 'disputed', credibility: 3 });
  const accordingKremlin = b.annotate('attribution', 'according to the Kremlin');
  const sixth = b.annotate('claim', 'This marks the sixth conversation between the two leaders this year', {
    status: 'refuted',
    credibility: 4,
    note: 'Contradicted below: <b>at least five</b> & "sixth" <script>alert(1)</script>',
  });
  const reaffirmed = b.annotate('claim', 'Putin reaffirmed Russia’s commitment to seeking a diplomatic solution', { status: 'retracted' });
  const aide = b.annotate('attribution', 'presidential aide Yury Ushakov said', { note: '=HYPERLINK("http://evil")' });
  const five = b.annotate('claim', 'he and Putin have had at least five phone conversations', { status: 'supported', credibility: 2 });
  const hour = b.annotate('claim', 'the latest call lasted nearly an hour', { status: 'unverified', note: '-2+3 looks like a formula' });
  const moscow = b.annotate('attribution', 'According to Moscow');
  const injected = b.annotate('claim', '<script>alert(1)</script>', { status: 'refuted', note: 'Hostile | text, "quoted"\nsecond line' });
  const ghost = b.orphan('Trump flew to Moscow', { status: 'disputed', note: 'Was in an earlier version' });

  b.cite(accordingKremlin, kremlin);
  b.cover(accordingKremlin, discussed);
  b.cover(accordingKremlin, ways);
  b.cite(aide, ushakov);
  b.cover(aide, reaffirmed);
  b.cite(moscow, kremlin);
  b.cover(moscow, hour);
  b.cite(stamp, menafn);
  b.cite(five, menafn);
  b.cite(sixth, kremlin);
  void injected;
  void ghost;

  b.flag([sixth, five], 'Sixth conversation this year, yet "at least five" since January', 'open', 'Ask <MENAFN> which count is right');
  b.flag([dateline, stamp], 'Dateline says 02 January 2024 but the story is stamped 2025-07-22', 'confirmed');
  return { input: b.input(), b };
}
