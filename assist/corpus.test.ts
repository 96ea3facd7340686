// The assistant against the annotated corpus in shared/corpus: every gold inconsistency found,
// nothing else suggested as an inconsistency (precision 1.0), no "consistent" pair flagged, and
// attribution recall of at least 0.9.

import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { segmentSentences, type Span } from '../common/segment';
import { suggest, type Suggestion } from './index';

const CORPUS = path.resolve(__dirname, '../../shared/corpus');

interface Gold {
  inconsistencies: { kind: string; a: string; b?: string }[];
  attributions: { text: string; source: string }[];
  consistent: { a: string; b: string }[];
}

type Inconsistency = Extract<Suggestion, { type: 'inconsistency' }>;
type Attribution = Extract<Suggestion, { type: 'attribution' }>;

const articles = fs
  .readdirSync(CORPUS)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => {
    const text = fs.readFileSync(path.join(CORPUS, f), 'utf8');
    const gold = JSON.parse(fs.readFileSync(path.join(CORPUS, f.replace(/\.txt$/, '.gold.json')), 'utf8')) as Gold;
    return { name: f.replace(/\.txt$/, ''), text, gold };
  });

function locate(text: string, needle: string): Span {
  const at = text.indexOf(needle);
  if (at < 0) throw new Error(`gold text not found in article: ${JSON.stringify(needle)}`);
  return { start: at, end: at + needle.length };
}

function sentenceOf(sentences: readonly Span[], range: Span): Span {
  const s = sentences.find((x) => x.start <= range.start && range.start < x.end);
  if (!s) throw new Error(`no sentence at ${range.start}`);
  return s;
}

const overlaps = (a: Span, b: Span): boolean => a.start < b.end && b.start < a.end;
const sourceName = (s: string): string => s.trim().toLowerCase().replace(/^the\s+/, '');

interface Row {
  article: string;
  goldInc: number;
  suggestedInc: number;
  foundInc: number;
  correctInc: number;
  consistentFlagged: number;
  goldAtt: number;
  suggestedAtt: number;
  foundAtt: number;
}
const rows: Row[] = [];

describe('corpus', () => {
  for (const { name, text, gold } of articles) {
    it(name, () => {
      const out = suggest(text);
      const sentences = segmentSentences(text);
      const inc = out.filter((s): s is Inconsistency => s.type === 'inconsistency');
      const att = out.filter((s): s is Attribution => s.type === 'attribution');

      // A suggestion matches a gold inconsistency: same kind, one span in the sentence of `a` and one in that of `b`.
      const goldSentences = gold.inconsistencies.map((g) => ({
        kind: g.kind,
        a: sentenceOf(sentences, locate(text, g.a)),
        b: g.b !== undefined ? sentenceOf(sentences, locate(text, g.b)) : null,
      }));
      const matches = (s: Inconsistency, g: (typeof goldSentences)[number]): boolean =>
        s.kind === g.kind && s.spans.some((x) => overlaps(x, g.a)) && (g.b === null || s.spans.some((x) => overlaps(x, g.b!)));

      const missed = gold.inconsistencies.filter((_, i) => !inc.some((s) => matches(s, goldSentences[i]!)));
      const extra = inc.filter((s) => !goldSentences.some((g) => matches(s, g)));

      // A "consistent" pair is flagged when one inconsistency touches both (phrases, or sentences when they differ).
      const flagged = gold.consistent.filter((c) => {
        const a = locate(text, c.a);
        const b = locate(text, c.b);
        const sa = sentenceOf(sentences, a);
        const sb = sentenceOf(sentences, b);
        const ra = sa === sb ? a : sa;
        const rb = sa === sb ? b : sb;
        return inc.some((s) => s.spans.some((x) => overlaps(x, ra)) && s.spans.some((x) => overlaps(x, rb)));
      });

      const attFound = gold.attributions.filter((g) => {
        const r = locate(text, g.text);
        return att.some((a) => overlaps(a.span, r) && sourceName(a.source) === sourceName(g.source));
      });

      rows.push({
        article: name,
        goldInc: gold.inconsistencies.length,
        suggestedInc: inc.length,
        foundInc: gold.inconsistencies.length - missed.length,
        correctInc: inc.length - extra.length,
        consistentFlagged: flagged.length,
        goldAtt: gold.attributions.length,
        suggestedAtt: att.length,
        foundAtt: attFound.length,
      });

      for (const s of out) {
        const spans = s.type === 'inconsistency' ? s.spans : [s.span];
        for (const sp of spans) expect(text.slice(sp.start, sp.end)).toBe(sp.text);
      }
      expect(missed, 'gold inconsistencies not found').toEqual([]);
      expect(
        extra.map((s) => `${s.kind}: ${s.spans.map((x) => x.text).join(' | ')}`),
        'inconsistencies not in the gold',
      ).toEqual([]);
      expect(flagged, 'consistent pairs flagged').toEqual([]);
    });
  }

  it('attribution recall over the corpus is at least 0.9', () => {
    const gold = articles.reduce((n, a) => n + a.gold.attributions.length, 0);
    let found = 0;
    for (const { text, gold: g } of articles) {
      const att = suggest(text).filter((s): s is Attribution => s.type === 'attribution');
      for (const x of g.attributions) {
        const r = locate(text, x.text);
        if (att.some((a) => overlaps(a.span, r) && sourceName(a.source) === sourceName(x.source))) found++;
      }
    }
    expect(found / gold).toBeGreaterThanOrEqual(0.9);
  });

  afterAll(() => {
    if (rows.length === 0) return;
    const ratio = (a: number, b: number): string => (b === 0 ? '  -  ' : (a / b).toFixed(2));
    const total = rows.reduce(
      (t, r) => ({
        article: 'TOTAL',
        goldInc: t.goldInc + r.goldInc,
        suggestedInc: t.suggestedInc + r.suggestedInc,
        foundInc: t.foundInc + r.foundInc,
        correctInc: t.correctInc + r.correctInc,
        consistentFlagged: t.consistentFlagged + r.consistentFlagged,
        goldAtt: t.goldAtt + r.goldAtt,
        suggestedAtt: t.suggestedAtt + r.suggestedAtt,
        foundAtt: t.foundAtt + r.foundAtt,
      }),
      { article: 'TOTAL', goldInc: 0, suggestedInc: 0, foundInc: 0, correctInc: 0, consistentFlagged: 0, goldAtt: 0, suggestedAtt: 0, foundAtt: 0 },
    );
    const lines = [
      'article            | incons. gold/sugg | precision | recall | consistent flagged | attrib. gold/sugg | recall',
      '-------------------|-------------------|-----------|--------|--------------------|-------------------|-------',
      ...[...rows, total].map(
        (r) =>
          `${r.article.padEnd(18)} | ${`${r.goldInc}/${r.suggestedInc}`.padStart(17)} | ${ratio(r.correctInc, r.suggestedInc).padStart(9)} | ${ratio(r.foundInc, r.goldInc).padStart(6)} | ${String(r.consistentFlagged).padStart(18)} | ${`${r.goldAtt}/${r.suggestedAtt}`.padStart(17)} | ${ratio(r.foundAtt, r.goldAtt).padStart(6)}`,
      ),
    ];
    console.log(`\n${lines.join('\n')}\n`);
  });
});
