import { describe, expect, it } from 'vitest';
import { paragraphs, segmentSentences, sentenceAt } from './segment';

const texts = (t: string) => segmentSentences(t).map((s) => t.slice(s.start, s.end));

describe('segmentSentences', () => {
  it('keeps titles, initials and initialisms inside their sentence', () => {
    const t = 'Mr. Smith met Dr. Jones in the U.S. Senate on Jan. 5. The U.S. said no. Gen. Milley agreed! J. K. Rowling wrote it.';
    expect(texts(t)).toEqual([
      'Mr. Smith met Dr. Jones in the U.S. Senate on Jan. 5.',
      'The U.S. said no.',
      'Gen. Milley agreed!',
      'J. K. Rowling wrote it.',
    ]);
  });

  it('keeps the titles of councillors and police officers with their names ("Coun.", "Supt.", "Det.")', () => {
    const t = 'The motion passed, said Coun. Priya Raman. Supt. Ann Lee and Det. Sgt. Ian Cole agreed.';
    expect(texts(t)).toEqual(['The motion passed, said Coun. Priya Raman.', 'Supt. Ann Lee and Det. Sgt. Ian Cole agreed.']);
  });

  it('ends a sentence at an initialism followed by a sentence opener', () => {
    expect(texts('He moved to the U.S. The move took a year.')).toEqual(['He moved to the U.S.', 'The move took a year.']);
  });

  it('joins before lower-case words and numbers', () => {
    expect(texts('It rose approx. 5 per cent, i.e. a lot. Then it fell.')).toEqual(['It rose approx. 5 per cent, i.e. a lot.', 'Then it fell.']);
  });

  it('never crosses a line break and trims white space', () => {
    const t = '  Headline without stop\n\nFirst sentence. Second one.  \n';
    expect(texts(t)).toEqual(['Headline without stop', 'First sentence.', 'Second one.']);
    expect(paragraphs(t).map((p) => t.slice(p.start, p.end))).toEqual(['Headline without stop', 'First sentence. Second one.']);
  });

  it('keeps offsets exact with non-BMP characters and curly quotes', () => {
    const t = '“Quote,” she said 🙂. Next “one”.';
    for (const s of segmentSentences(t)) expect(t.slice(s.start, s.end).trim()).toBe(t.slice(s.start, s.end));
    expect(texts(t)).toEqual(['“Quote,” she said 🙂.', 'Next “one”.']);
  });

  it('handles a long paragraph-rich text quickly (per-paragraph segmentation)', () => {
    const para = 'The council met on Monday. It voted 7 to 2 in favour. Mr. Lee said it was close.\n\n';
    const big = para.repeat(12_000); // ~1 MB
    const t0 = performance.now();
    const n = segmentSentences(big).length;
    const ms = performance.now() - t0;
    expect(n).toBe(36_000);
    expect(ms).toBeLessThan(20_000); // a guard against the quadratic path, not a benchmark
  });
});

describe('sentenceAt', () => {
  const t = 'One sentence here. Another sentence there.\nA new paragraph.';
  it('finds the sentence around an offset', () => {
    const s = sentenceAt(t, t.indexOf('Another') + 3)!;
    expect(t.slice(s.start, s.end)).toBe('Another sentence there.');
  });
  it('uses the preceding sentence for the space between sentences', () => {
    const s = sentenceAt(t, t.indexOf(' Another'))!;
    expect(t.slice(s.start, s.end)).toBe('One sentence here.');
  });
  it('returns null on a blank line', () => {
    expect(sentenceAt('A.\n\nB.', 3)).toBeNull();
  });
});

describe('sentenceAt within a table cell', () => {
  const t = 'Region\tDeaths\nNorth district reported\t40 people hurt, officials said';
  it('stays inside the cell it is given', () => {
    const start = t.indexOf('North');
    const cell = { start, end: t.indexOf('\t', start) };
    const s = sentenceAt(t, t.indexOf('district'), cell)!;
    expect(t.slice(s.start, s.end)).toBe('North district reported');
    // Without the cell, the line is one sentence (a tab in running text is spacing).
    expect(t.slice(...(({ start: a, end: b }) => [a, b])(sentenceAt(t, t.indexOf('district'))!))).toBe('North district reported\t40 people hurt, officials said');
  });
});

describe('a number after a stop', () => {
  const texts = (t: string) => segmentSentences(t).map((s) => t.slice(s.start, s.end));
  it('opens a sentence after a word ("since monitoring began. 2026 thus becomes")', () => {
    expect(texts('Turtles dug 3,412 nests, the most since monitoring began. 2026 thus becomes the third record.')).toEqual(['Turtles dug 3,412 nests, the most since monitoring began.', '2026 thus becomes the third record.']);
    expect(texts('It rose 5.4 percent. 2025 was worse.')).toEqual(['It rose 5.4 percent.', '2025 was worse.']);
  });
  it('goes on a sentence after a title, a short abbreviation or an initialism', () => {
    expect(texts('See No. 5 and approx. 30 of them. Then Sept. 12 came.')).toEqual(['See No. 5 and approx. 30 of them.', 'Then Sept. 12 came.']);
    expect(texts('Read pp. 12 and Fig. 3 of the U.S. 2020 report.')).toEqual(['Read pp. 12 and Fig. 3 of the U.S. 2020 report.']);
  });
});
