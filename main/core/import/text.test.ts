import { describe, expect, it } from 'vitest';
import { ClaimscopeError } from '../../../common/errors';
import { blockTexts, expectWellFormed, styledTexts } from '../../../test/import/check';
import { importBuffer } from './index';
import { paragraphBlocks } from './text';

const utf8 = (s: string) => new TextEncoder().encode(s);

function utf16(s: string, endian: 'le' | 'be', bom = true): Uint8Array {
  const body = Buffer.from(s, 'utf16le');
  if (endian === 'be') body.swap16();
  const mark = endian === 'le' ? [0xff, 0xfe] : [0xfe, 0xff];
  return new Uint8Array(bom ? Buffer.concat([Buffer.from(mark), body]) : body);
}

async function refusal(name: string, bytes: Uint8Array): Promise<string> {
  try {
    await importBuffer(name, bytes);
  } catch (err) {
    expect(err).toBeInstanceOf(ClaimscopeError);
    expect((err as ClaimscopeError).code).toBe('bad_file');
    const message = (err as Error).message;
    expect(message).not.toMatch(/\n/);
    expect(message.startsWith(`${name}: `)).toBe(true);
    expect(message).toMatch(/; /);
    return message;
  }
  throw new Error(`${name} was imported`);
}

describe('.txt', () => {
  it('keeps the decoded text exactly, with paragraph blocks over it', async () => {
    const text = '  Title line here\r\n\r\nFirst para line one\nline two.  \n\n\n\tSecond para.\n   \n';
    const doc = await importBuffer('notes.txt', utf8(text));
    expect(doc.text).toBe(text);
    expect(doc.format).toBe('txt');
    expectWellFormed(doc);
    expect(blockTexts(doc)).toEqual(['p: Title line here', 'p: First para line one\nline two.', 'p: Second para.']);
    expect(doc.title).toBe('Title line here');
  });

  it('strips only the UTF-8 byte order mark', async () => {
    const doc = await importBuffer('bom.txt', new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('  café naïve – ok\n')]));
    expect(doc.text).toBe('  café naïve – ok\n');
    expect(doc.metadata.encoding).toBeUndefined();
  });

  it('decodes UTF-16 LE and BE with a byte order mark', async () => {
    const s = 'Résumé – “quoted” 日本語\nline two';
    expect((await importBuffer('le.txt', utf16(s, 'le'))).text).toBe(s);
    expect((await importBuffer('be.txt', utf16(s, 'be'))).text).toBe(s);
    expect((await importBuffer('le.txt', utf16(s, 'le'))).metadata.encoding).toBe('utf-16le');
  });

  it('recognises UTF-16 without a byte order mark', async () => {
    const s = 'Plain English text saved as UTF-16 without a mark.\r\nSecond line.';
    expect((await importBuffer('le.txt', utf16(s, 'le', false))).text).toBe(s);
    expect((await importBuffer('be.txt', utf16(s, 'be', false))).text).toBe(s);
  });

  it('decodes legacy Windows-1252 / Latin-1 text', async () => {
    // "café naïve – “quoted” €5" in Windows-1252.
    const bytes = new Uint8Array([
      ...Buffer.from('caf', 'latin1'), 0xe9, 0x20, ...Buffer.from('na', 'latin1'), 0xef, ...Buffer.from('ve ', 'latin1'),
      0x96, 0x20, 0x93, ...Buffer.from('quoted', 'latin1'), 0x94, 0x20, 0x80, 0x35,
    ]);
    const doc = await importBuffer('legacy.txt', bytes);
    expect(doc.text).toBe('café naïve – “quoted” €5');
    expect(doc.metadata.encoding).toBe('windows-1252');
    // Latin-1 only (no 0x80-0x9f bytes) decodes the same way.
    expect((await importBuffer('latin1.txt', new Uint8Array(Buffer.from('Ça coûte ½ €? Non: 5 £.'.replace('€', 'E'), 'latin1')))).text).toBe('Ça coûte ½ E? Non: 5 £.');
  });

  it('keeps valid UTF-8 as UTF-8 even with characters that look like Latin-1', async () => {
    expect((await importBuffer('u.txt', utf8('Ã© is not é'))).text).toBe('Ã© is not é');
  });

  it('handles \\r-only line breaks in paragraphs', () => {
    const text = 'One\rtwo\r\rThree';
    expect(paragraphBlocks(text).map((b) => text.slice(b.start, b.end))).toEqual(['One\rtwo', 'Three']);
  });

  it('imports 1 MB of text quickly (linear time)', async () => {
    const para = 'The committee said on Tuesday that the figures, which were published in March, had been revised. ';
    const parts: string[] = [];
    let size = 0;
    for (let i = 0; size < 1024 * 1024; i++) {
      const p = para.repeat(1 + (i % 7)) + (i % 5 === 0 ? 'Caf\u00e9 na\u00efve \u2013 end.' : '') + '\n\n';
      parts.push(p);
      size += p.length;
    }
    const text = parts.join('');
    const bytes = utf8(text);
    await importBuffer('warm.txt', bytes.subarray(0, 1000));
    const t0 = performance.now();
    const doc = await importBuffer('big.txt', bytes);
    const ms = performance.now() - t0;
    expect(doc.text).toBe(text);
    expect(doc.blocks.length).toBe(parts.length);
    expect(ms).toBeLessThan(200);
    // Pathological white space (a naive regex would be quadratic here).
    const spaces = 'a' + ' '.repeat(500_000) + 'b\n' + '\n'.repeat(200_000) + 'c';
    const t1 = performance.now();
    const doc2 = await importBuffer('spaces.txt', utf8(spaces));
    expect(performance.now() - t1).toBeLessThan(200);
    expect(blockTexts(doc2)).toEqual([`p: a${' '.repeat(500_000)}b`, 'p: c']);
    console.log(`1 MB txt import: ${ms.toFixed(1)} ms`);
  });
});

describe('.md', () => {
  it('finds headings, list items, quotes, code and emphasis; the text is the file', async () => {
    const md = [
      '# The *Big* Report #',
      '',
      'Intro with **bold words** and *italic* and _under_ but not snake_case_name.',
      'Second line of intro.',
      '',
      'Setext Heading',
      '--------------',
      '',
      '- first item',
      '- second **item**',
      '  continued',
      '1. numbered',
      '2) also numbered',
      '',
      '> A quoted line',
      '> and its continuation.',
      '',
      '```js',
      'const x = **not bold**;',
      '```',
      '',
      '***',
      '',
      '## Closing',
      'Last `**code**` paragraph.',
    ].join('\n');
    const doc = await importBuffer('report.md', utf8(md));
    expect(doc.text).toBe(md);
    expect(doc.format).toBe('md');
    expectWellFormed(doc);
    expect(blockTexts(doc)).toEqual([
      'h1: The *Big* Report',
      'p: Intro with **bold words** and *italic* and _under_ but not snake_case_name.\nSecond line of intro.',
      'h2: Setext Heading',
      'ul: first item',
      'ul: second **item**\n  continued',
      'ol: numbered',
      'ol: also numbered',
      'quote: A quoted line\n> and its continuation.',
      'p: const x = **not bold**;',
      'h2: Closing',
      'p: Last `**code**` paragraph.',
    ]);
    expect(styledTexts(doc)).toEqual(['italic:Big', 'bold:bold words', 'italic:italic', 'italic:under', 'bold:item']);
    expect(doc.title).toBe('The *Big* Report');
  });

  it('decodes a Windows-1252 Markdown file', async () => {
    const bytes = new Uint8Array([...Buffer.from('# Caf', 'latin1'), 0xe9, 0x0a, 0x0a, ...Buffer.from('Na', 'latin1'), 0xef, 0x76, 0x65, 0x20, 0x96, 0x20, 0x78]);
    const doc = await importBuffer('legacy.md', bytes);
    expect(doc.text).toBe('# Café\n\nNaïve – x');
    expect(blockTexts(doc)).toEqual(['h1: Café', 'p: Naïve – x']);
  });
});

describe('bad text files', () => {
  it('refuses an empty file and one with only white space', async () => {
    expect(await refusal('empty.txt', new Uint8Array())).toBe('empty.txt: the file is empty; choose a file with text in it');
    expect(await refusal('blank.md', utf8(' \n\t\n'))).toMatch(/empty/);
    expect(await refusal('bom-only.txt', new Uint8Array([0xef, 0xbb, 0xbf]))).toMatch(/empty/);
  });

  it('refuses images and documents renamed to .txt, naming what they are', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
    expect(await refusal('photo.txt', png)).toBe('photo.txt: is a PNG image, not text; open the original document, or run OCR on the image and open the text');
    expect(await refusal('photo.txt', new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46]))).toMatch(/is a JPEG image, not text/);
    expect(await refusal('anim.md', utf8('GIF89a\x01\x00\x01\x00'))).toMatch(/is a GIF image, not text/);
    expect(await refusal('paper.txt', utf8('%PDF-1.7\n%âãÏÓ\n1 0 obj'))).toMatch(/is a PDF document, not text; rename it to \.pdf/);
    expect(await refusal('archive.txt', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 20, 0, 0, 0]))).toMatch(/is a ZIP archive, not text; if it is a Word document, rename it to \.docx/);
    expect(await refusal('old.txt', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]))).toMatch(/Office 97-2003/);
  });

  it('refuses binary junk: NUL bytes or many control characters', async () => {
    let seed = 7;
    const junk = new Uint8Array(4096).map(() => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) & 0xff);
    expect(await refusal('junk.txt', junk)).toBe('junk.txt: is binary data, not text; open the original document, or export it as .txt, .docx or .pdf');
    const controls = utf8('abc\x01\x02\x03\x04\x05\x06\x07\x08\x0e\x0f\x10\x11\x12\x13 text text text'.repeat(20));
    expect(await refusal('controls.md', controls)).toMatch(/binary data/);
    expect(await refusal('nul.txt', utf8('hello\0world this is text'))).toMatch(/binary data/);
  });

  it('accepts text with a stray control character (a DOS end-of-file mark)', async () => {
    const doc = await importBuffer('dos.txt', utf8('Old file.\r\n\x1a'));
    expect(doc.text).toBe('Old file.\r\n\x1a');
  });
});

describe('.md front matter', () => {
  it('reads title, author, date, address and description from YAML front matter, and leaves it out of the text', async () => {
    const md = [
      '---',
      'title: "Budget: the real numbers"',
      'author:',
      '  - Ann Fielding',
      '  - Bo Chen',
      'date: 2024-05-02',
      'url: https://example.org/budget',
      "description: 'What the figures say'",
      'tags: [budget, city]',
      'nested:',
      '  key: value',
      '---',
      '',
      '# Budget',
      '',
      'The council said the deficit fell.',
      '',
    ].join('\n');
    const doc = await importBuffer('post.md', utf8(md));
    expectWellFormed(doc);
    expect(doc.title).toBe('Budget: the real numbers');
    expect(doc.metadata).toMatchObject({ author: 'Ann Fielding, Bo Chen', published: '2024-05-02', url: 'https://example.org/budget', description: 'What the figures say' });
    expect(doc.text).toBe('# Budget\n\nThe council said the deficit fell.\n');
    expect(blockTexts(doc)).toEqual(['h1: Budget', 'p: The council said the deficit fell.']);
  });

  it('takes inline author lists, CRLF lines and "..." as the end; a file that only opens with --- is text', async () => {
    const crlf = await importBuffer('a.md', utf8('---\r\nauthors: [Ann Fielding, "Chen, Bo"]\r\npublished: 2024-01-02T10:00:00Z\r\n...\r\nBody text.\r\n'));
    expect(crlf.metadata).toMatchObject({ author: 'Ann Fielding, Chen, Bo', published: '2024-01-02T10:00:00.000Z' });
    expect(crlf.text).toBe('Body text.\r\n');
    const rule = await importBuffer('rule.md', utf8('---\nJust a rule and some text.\n'));
    expect(rule.text).toBe('---\nJust a rule and some text.\n');
    const setext = await importBuffer('setext.md', utf8('---\nNot front matter\n---\nMore.\n'));
    expect(setext.text).toBe('---\nNot front matter\n---\nMore.\n');
    await expect(importBuffer('only.md', utf8('---\ntitle: Nothing else\n---\n\n'))).rejects.toThrow('only.md: the file has front matter but no text after it; check that it is the right file');
  });
});
