// The import request's choices (common/api.ts ImportChoices): an encoding instead of detection,
// the whole web page instead of the article; the same bytes read another way make a new version.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { mirroredCall } from '../../test/mirror';
import { openApp, type App } from '../app';

const ENCODINGS = path.resolve(__dirname, '../../test/import/encodings');
const opened: App[] = [];
function app(): { a: App; dir: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cs-imp-'));
  const a = openApp(path.join(dir, 'c.db'));
  opened.push(a);
  return { a, dir };
}
afterEach(() => opened.splice(0).forEach((a) => a.close()));
const call = mirroredCall;

describe('import choices', () => {
  it('records a detected encoding, reads the file again in the one the analyst picks, and refuses an unknown name in one line', async () => {
    const { a, dir } = app();
    const file = path.join(dir, 'ru.txt');
    fs.copyFileSync(path.join(ENCODINGS, 'koi8-r.txt'), file);
    const first = await call(a, 'importFile', { path: file });
    const detected = (await call(a, 'getDocument', { id: first.document.id })).document;
    expect(detected.metadata).toMatchObject({ encoding: 'koi8-r', encodingConfidence: expect.stringMatching(/^0\.\d\d$/) });
    expect(detected.text).toBe(fs.readFileSync(path.join(ENCODINGS, 'koi8-r.expected.txt'), 'utf8'));

    // Another encoding: the same bytes read differently become the next version.
    const picked = await call(a, 'importFile', { path: file, encoding: 'windows-1251' });
    expect(picked.existing).toBe(false);
    expect(picked.document).toMatchObject({ version: 2, previousId: first.document.id });
    const reread = (await call(a, 'getDocument', { id: picked.document.id })).document;
    expect(reread.metadata.encoding).toBe('windows-1251');
    expect(reread.metadata.encodingConfidence).toBeUndefined();
    // The same choice again opens that version.
    expect(await call(a, 'importFile', { path: file, encoding: 'cp1251' })).toMatchObject({ existing: true, document: { id: picked.document.id } });
    // No choice opens what is there.
    expect((await call(a, 'importFile', { path: file })).existing).toBe(true);

    const bad = await a.dispatch('importFile', { path: file, encoding: 'klingon-8' });
    expect(bad).toEqual({ ok: false, error: { code: 'bad_file', message: `${file}: "klingon-8" is not an encoding this app can read; choose another, such as utf-8, shift_jis, euc-jp, gb18030, big5, euc-kr, windows-1251, koi8-r or iso-8859-2` } });
    const badBytes = await a.dispatch('importBytes', { name: 'x.txt', dataBase64: 'eA==', encoding: 'nope' });
    expect(badBytes).toMatchObject({ ok: false, error: { message: expect.stringMatching(/^x\.txt: "nope" is not an encoding/) } });
    // The library lists the latest version only.
    expect((await call(a, 'listDocuments', {})).documents).toEqual([expect.objectContaining({ id: picked.document.id })]);
  });

  it('imports a web page as its article, or as the whole page when asked', async () => {
    const { a } = app();
    const words = 'The committee published its findings on Tuesday after a year of hearings and reviews. '.repeat(8);
    const page = `<html><body><nav>Home News</nav><article><h1>Findings</h1><p>${words}</p><p>${words}</p></article><div class="comments"><p>A reader comment that only the whole page keeps.</p></div></body></html>`;
    const dataBase64 = Buffer.from(page).toString('base64');
    const article = await call(a, 'importBytes', { name: 'page.html', dataBase64 });
    const whole = await call(a, 'importBytes', { name: 'page.html', dataBase64, wholePage: true });
    expect(whole.existing).toBe(false);
    const articleDoc = (await call(a, 'getDocument', { id: article.document.id })).document;
    const wholeDoc = (await call(a, 'getDocument', { id: whole.document.id })).document;
    expect(articleDoc.text).not.toContain('A reader comment');
    expect(articleDoc.metadata.content).toBe('article');
    expect(wholeDoc.text).toContain('A reader comment that only the whole page keeps.');
    expect(wholeDoc.metadata.content).toBe('whole page');
    expect(await call(a, 'importBytes', { name: 'page.html', dataBase64, wholePage: true })).toMatchObject({ existing: true, document: { id: whole.document.id } });
  });
});
