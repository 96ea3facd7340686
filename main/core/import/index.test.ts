import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ClaimscopeError } from '../../../common/errors';
import { DEFAULT_MAX_IMPORT_BYTES, importBuffer, readImportFile } from './index';

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimscope-import-'));
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

function message(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(ClaimscopeError);
    expect((err as ClaimscopeError).code).toBe('bad_file');
    return (err as Error).message;
  }
  throw new Error('did not throw');
}

describe('readImportFile', () => {
  it('reads a file', () => {
    const file = path.join(dir, 'a.txt');
    fs.writeFileSync(file, 'hello');
    expect(readImportFile(file).toString()).toBe('hello');
  });

  it('refuses a missing path, a folder and a file over the size limit, one line each', () => {
    const missing = path.join(dir, 'missing.txt');
    expect(message(() => readImportFile(missing))).toBe(`${missing}: no such file; check the path`);
    expect(message(() => readImportFile(dir))).toBe(`${dir}: is a folder; choose a file inside it`);
    const big = path.join(dir, 'big.txt');
    fs.writeFileSync(big, 'x'.repeat(3000));
    expect(message(() => readImportFile(big, { maxBytes: 2048 }))).toBe(`${big}: the file is larger than the 2 KB limit; split it into smaller files and import them one by one`);
    expect(readImportFile(big, { maxBytes: 4096 }).length).toBe(3000);
  });

  it('defaults to a 50 MB limit', () => {
    expect(DEFAULT_MAX_IMPORT_BYTES).toBe(50 * 1024 * 1024);
  });
});

describe('importBuffer', () => {
  it('refuses bytes over the size limit before parsing', async () => {
    await expect(importBuffer('big.txt', new Uint8Array(11), { maxBytes: 10 })).rejects.toThrow('big.txt: the file is larger than the 10 bytes limit; split it into smaller files and import them one by one');
    await expect(importBuffer('big.pdf', new Uint8Array(60 * 1024 * 1024))).rejects.toThrow(/larger than the 50 MB limit/);
  });

  it('refuses unknown extensions, with a hint for known unsupported formats', async () => {
    await expect(importBuffer('sheet.xlsx', new Uint8Array([1]))).rejects.toThrow('sheet.xlsx: ".xlsx" files are not supported; open a .txt, .md, .html, .docx or .pdf file');
    await expect(importBuffer('README', new Uint8Array([1]))).rejects.toThrow('README: a file without an extension is not supported; open a .txt, .md, .html, .docx or .pdf file');
    await expect(importBuffer('old.doc', new Uint8Array([1]))).rejects.toThrow('old.doc: old Word 97-2003 files are not supported; open it in Word and save it as .docx');
  });

  it('refuses empty files of every format', async () => {
    for (const name of ['a.txt', 'a.md', 'a.html', 'a.docx', 'a.pdf']) {
      await expect(importBuffer(name, new Uint8Array())).rejects.toThrow(`${name}: the file is empty; choose a file with text in it`);
    }
  });

  it('accepts upper-case and alternative extensions', async () => {
    expect((await importBuffer('NOTES.TXT', new TextEncoder().encode('Hi there.'))).format).toBe('txt');
    expect((await importBuffer('notes.markdown', new TextEncoder().encode('# Hi'))).format).toBe('md');
    expect((await importBuffer('page.HTM', new TextEncoder().encode('<p>Hi</p>'))).format).toBe('html');
  });

  it('keeps error messages on one line even for odd file names', async () => {
    await expect(importBuffer('bad\nname.txt', new Uint8Array())).rejects.toThrow('bad name.txt: the file is empty; choose a file with text in it');
  });

  it('uses the file name without folders or extension as the fallback title', async () => {
    const doc = await importBuffer('/home/analyst/reports/q3-figures.txt', new TextEncoder().encode('12 34 56\n'));
    expect(doc.title).toBe('q3-figures');
  });
});
