// Word-overlap scoring for the article-extraction benchmark (test/import/pages): the words of our
// extracted text against the words of the expected article, as multisets, case-folded.
import { parseHTML } from 'linkedom';

export function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

export interface Score {
  precision: number;
  recall: number;
  f1: number;
}

export function wordF1(extracted: string, gold: string): Score {
  const counts = new Map<string, number>();
  const ours = words(extracted);
  const theirs = words(gold);
  for (const w of theirs) counts.set(w, (counts.get(w) ?? 0) + 1);
  let overlap = 0;
  for (const w of ours) {
    const n = counts.get(w) ?? 0;
    if (n > 0) {
      overlap++;
      counts.set(w, n - 1);
    }
  }
  const precision = ours.length ? overlap / ours.length : 0;
  const recall = theirs.length ? overlap / theirs.length : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1 };
}

/** The text of an expected.html (Readability's output: the article alone, as markup). */
export function goldText(html: string): string {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  return document.body.textContent ?? '';
}
