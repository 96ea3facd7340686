// Legacy encodings: real bytes (test/import/encodings, written with Python's codecs from the UTF-8
// texts beside them) must import as the text they encode, as .txt, .md and .html, with the
// encoding recorded; a guess says how sure it was, and the analyst's choice overrides it.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importBuffer } from './index';

const DIR = path.resolve(__dirname, '../../../test/import/encodings');
const read = (f: string) => new Uint8Array(fs.readFileSync(path.join(DIR, f)));
const expected = (f: string) => fs.readFileSync(path.join(DIR, f.replace(/\.txt$/, '.expected.txt')), 'utf8');
const ascii = (s: string) => new Uint8Array(Buffer.from(s, 'latin1'));
const concat = (...parts: Uint8Array[]) => new Uint8Array(Buffer.concat(parts));

const FILES: [file: string, encoding: string][] = [
  ['shift_jis.txt', 'shift_jis'],
  ['euc-jp.txt', 'euc-jp'],
  ['gb18030.txt', 'gb18030'],
  ['big5.txt', 'big5'],
  ['euc-kr.txt', 'euc-kr'],
  ['windows-1251.txt', 'windows-1251'],
  ['koi8-r.txt', 'koi8-r'],
  ['iso-8859-2.txt', 'iso-8859-2'],
  ['iso-8859-2-pl.txt', 'iso-8859-2'],
];

describe('legacy encodings', () => {
  it.each(FILES)('%s is detected as %s in .txt, .md and .html (no declaration), and the guess is recorded', async (file, encoding) => {
    const bytes = read(file);
    const text = expected(file);
    const txt = await importBuffer(file, bytes);
    expect(txt.text).toBe(text);
    expect(txt.metadata.encoding).toBe(encoding);
    expect(Number(txt.metadata.encodingConfidence)).toBeGreaterThan(0.2);
    const md = await importBuffer(file.replace(/\.txt$/, '.md'), bytes);
    expect(md.text).toBe(text);
    expect(md.metadata.encoding).toBe(encoding);
    const html = await importBuffer(file.replace(/\.txt$/, '.html'), concat(ascii('<html><body><p>'), bytes, ascii('</p></body></html>')));
    expect(html.text.replace(/\s+/g, ' ')).toBe(text.replace(/\s+/g, ' '));
    expect(html.metadata.encoding).toBe(encoding);
  });

  it('reads a page in its declared charset when the bytes are valid in it, without calling it a guess', async () => {
    const page = concat(ascii('<html><head><meta charset="Shift_JIS"></head><body><p>'), read('shift_jis.txt'), ascii('</p></body></html>'));
    const doc = await importBuffer('sjis.html', page);
    expect(doc.text.replace(/\s+/g, ' ')).toBe(expected('shift_jis.txt').replace(/\s+/g, ' '));
    expect(doc.metadata.encoding).toBe('shift_jis');
    expect(doc.metadata.encodingConfidence).toBeUndefined();
  });

  it('reads a UTF-8 page that declares gb2312 as UTF-8', async () => {
    const page = new TextEncoder().encode('<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"></head><body><p>国家统计局周二公布的数据显示，经济增长。</p></body></html>');
    const doc = await importBuffer('liar.html', page);
    expect(doc.text).toBe('国家统计局周二公布的数据显示，经济增长。');
    expect(doc.metadata.encoding).toBeUndefined();
  });

  it('detects instead when the bytes are not valid in the declared charset', async () => {
    const page = concat(ascii('<html><head><meta charset="euc-kr"></head><body><p>'), read('shift_jis.txt'), ascii('</p></body></html>'));
    const doc = await importBuffer('wrong.html', page);
    expect(doc.text.replace(/\s+/g, ' ')).toBe(expected('shift_jis.txt').replace(/\s+/g, ' '));
    expect(doc.metadata.encoding).toBe('shift_jis');
  });

  it('falls back to Windows-1252 for short Western text and says the guess is weak', async () => {
    const doc = await importBuffer('latin.txt', ascii('Caf\xe9 na\xefve \x93quoted\x94 \x80 5'));
    expect(doc.text).toBe('Café naïve “quoted” € 5');
    expect(doc.metadata.encoding).toBe('windows-1252');
    expect(Number(doc.metadata.encodingConfidence)).toBeLessThanOrEqual(0.5);
  });

  it("uses the analyst's choice over detection and declaration, for text, Markdown and HTML", async () => {
    const koi8 = read('koi8-r.txt');
    const asKoi8 = await importBuffer('ru.txt', koi8, { encoding: 'KOI8-R' });
    expect(asKoi8.text).toBe(expected('koi8-r.txt'));
    expect(asKoi8.metadata).toMatchObject({ encoding: 'koi8-r' });
    expect(asKoi8.metadata.encodingConfidence).toBeUndefined();
    const as1251 = await importBuffer('ru.md', koi8, { encoding: 'cp1251' });
    expect(as1251.metadata.encoding).toBe('windows-1251');
    expect(as1251.text).not.toBe(expected('koi8-r.txt'));
    const page = concat(ascii('<meta charset="utf-8"><p>'), read('big5.txt'), ascii('</p>'));
    expect((await importBuffer('tw.html', page, { encoding: 'big5' })).text.replace(/\s+/g, ' ')).toBe(expected('big5.txt').replace(/\s+/g, ' '));
    // A UTF-8 file read as UTF-8 on request keeps no encoding note.
    expect((await importBuffer('u.txt', new TextEncoder().encode('naïve'), { encoding: 'utf-8' })).metadata).toEqual({});
  });

  it('refuses an encoding name it does not know, in one line', async () => {
    await expect(importBuffer('ru.txt', read('koi8-r.txt'), { encoding: 'klingon-8' })).rejects.toThrow(
      'ru.txt: "klingon-8" is not an encoding this app can read; choose another, such as utf-8, shift_jis, euc-jp, gb18030, big5, euc-kr, windows-1251, koi8-r or iso-8859-2',
    );
    await expect(importBuffer('x.txt', ascii('x'), { encoding: 'iso-2022-kr' })).rejects.toThrow(/"iso-2022-kr" is not an encoding this app can read/);
  });
});
