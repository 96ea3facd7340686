import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { mirroredCall } from '../../test/mirror';
import { CORPUS } from '../../test/built';
import { openApp, type App } from '../app';

// The document's bottom line (verdict and summary) and the analyst's settings, through the router
// as the renderer calls them. Every write's change set is checked against a fresh read
// (test/mirror.ts), undo and redo included.

const SEED = path.join(CORPUS, 'kremlin-call.txt');
const opened: App[] = [];
afterEach(() => opened.splice(0).forEach((a) => a.close()));
const call = mirroredCall;

async function seeded(file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cs-assess-')), 'c.db')) {
  const a = openApp(file);
  opened.push(a);
  const { document } = await call(a, 'importFile', { path: SEED });
  return { a, file, doc: document.id as number };
}

async function failure(a: App, method: string, input: unknown) {
  const r = await a.dispatch(method, input);
  if (r.ok) throw new Error(`${method} should have failed`);
  return r.error;
}

describe('setAssessment', () => {
  it('writes a verdict, then a summary, each one undoable step answered with its change set', async () => {
    const { a, doc } = await seeded();
    expect((await call(a, 'getState', { documentId: doc })).assessment).toBeNull();

    const first = await call(a, 'setAssessment', { documentId: doc, verdict: 'misleading' });
    expect(first.assessment).toMatchObject({ documentId: doc, verdict: 'misleading', summary: '', updatedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/) });
    expect(first.changes.assessments.upserted).toEqual([first.assessment]);
    expect(first.state.assessment).toEqual(first.assessment);
    expect(first.state.canUndo).toBe(true);

    const second = await call(a, 'setAssessment', { documentId: doc, summary: 'The count of calls **contradicts** itself.' });
    expect(second.assessment).toMatchObject({ id: first.assessment.id, verdict: 'misleading', summary: 'The count of calls **contradicts** itself.' });

    let r = await call(a, 'undo', { documentId: doc });
    expect(r.label).toBe('Edit assessment summary');
    expect(r.state.assessment).toMatchObject({ verdict: 'misleading', summary: '' });
    r = await call(a, 'undo', { documentId: doc });
    expect(r.label).toBe('Set verdict');
    expect(r.state.assessment).toBeNull();
    expect(r.changes.assessments.removed).toEqual([first.assessment.id]);
    r = await call(a, 'redo', { documentId: doc });
    expect(r.state.assessment).toMatchObject({ verdict: 'misleading', summary: '' });
    r = await call(a, 'redo', { documentId: doc });
    expect(r.state.assessment).toEqual(second.assessment);
  });

  it('records no step when nothing changes', async () => {
    const { a, doc } = await seeded();
    const none = await call(a, 'setAssessment', { documentId: doc, verdict: 'unassessed', summary: '' });
    expect(none.assessment).toBeNull();
    expect(none.state.canUndo).toBe(false);
    await call(a, 'setAssessment', { documentId: doc, verdict: 'mixed', summary: 'Half holds.' });
    const same = await call(a, 'setAssessment', { documentId: doc, verdict: 'mixed' });
    expect(same.changes.assessments.upserted).toEqual([]);
    expect((await call(a, 'undo', { documentId: doc })).label).toBe('Set verdict');
    expect((await call(a, 'undo', { documentId: doc })).label).toBeNull();
  });

  it('refuses an unknown document, an unknown verdict and an over-long summary, writing nothing', async () => {
    const { a, doc } = await seeded();
    expect(await failure(a, 'setAssessment', { documentId: 999, verdict: 'false' })).toMatchObject({ code: 'not_found' });
    expect(await failure(a, 'setAssessment', { documentId: doc, verdict: 'fake' })).toMatchObject({ code: 'invalid_input' });
    expect(await failure(a, 'setAssessment', { documentId: doc, summary: 'x'.repeat(20_001) })).toMatchObject({ code: 'invalid_input' });
    expect((await call(a, 'getState', { documentId: doc })).assessment).toBeNull();
  });

  it('keeps each document’s assessment and undo history to itself, across a restart', async () => {
    const { a, file, doc } = await seeded();
    const other = (await call(a, 'importBytes', { name: 'b.txt', dataBase64: Buffer.from('Another text. Two sentences.').toString('base64') })).document.id;
    await call(a, 'setAssessment', { documentId: doc, verdict: 'false', summary: 'Wrong count.' });
    await call(a, 'setAssessment', { documentId: other, verdict: 'reliable' });
    expect((await call(a, 'undo', { documentId: other })).state.assessment).toBeNull();
    a.close();
    const b = openApp(file);
    opened.push(b);
    expect((await call(b, 'getDocument', { id: doc })).state.assessment).toMatchObject({ verdict: 'false', summary: 'Wrong count.' });
    expect((await call(b, 'getState', { documentId: other })).assessment).toBeNull();
  });

  it('follows the document to its next version', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cs-assess-v-'));
    const article = path.join(dir, 'article.txt');
    fs.writeFileSync(article, 'The minister said the budget grew. Critics disagreed.');
    const a = openApp(path.join(dir, 'c.db'));
    opened.push(a);
    const v1 = (await call(a, 'importFile', { path: article })).document.id;
    await call(a, 'setAssessment', { documentId: v1, verdict: 'mixed', summary: 'Depends on the year.' });
    fs.writeFileSync(article, 'The minister said the budget grew by 2%. Critics disagreed.');
    const v2 = (await call(a, 'importFile', { path: article })).document.id;
    expect(v2).not.toBe(v1);
    expect((await call(a, 'getState', { documentId: v2 })).assessment).toMatchObject({ documentId: v2, verdict: 'mixed', summary: 'Depends on the year.' });
    expect((await call(a, 'getState', { documentId: v1 })).assessment).toBeNull();
  });
});

describe('settings', () => {
  it('stores the analyst’s name, trimmed, outside any undo history', async () => {
    const { a, file, doc } = await seeded();
    expect(await call(a, 'getSettings', {})).toEqual({ settings: { analystName: '' } });
    expect(await call(a, 'updateSettings', { analystName: '  Jana Müller ' })).toEqual({ settings: { analystName: 'Jana Müller' } });
    expect((await call(a, 'getState', { documentId: doc })).canUndo).toBe(false);
    expect(await failure(a, 'updateSettings', { analystName: 'x'.repeat(201) })).toMatchObject({ code: 'invalid_input' });
    a.close();
    const b = openApp(file);
    opened.push(b);
    expect(await call(b, 'getSettings', {})).toEqual({ settings: { analystName: 'Jana Müller' } });
  });
});

describe('the report header', () => {
  it('names the analyst and gives the verdict, summary and times in the analyst’s language and zone', async () => {
    const { a, doc } = await seeded();
    await call(a, 'updateSettings', { analystName: 'Jana Müller' });
    await call(a, 'setAssessment', { documentId: doc, verdict: 'misleading', summary: 'Counts **disagree**.' });
    const html = (await call(a, 'exportReport', { documentId: doc, format: 'html', locale: 'de-DE', timeZone: 'Europe/Berlin' })).content as string;
    expect(html).toContain('<dt>Analyst</dt><dd>Jana Müller</dd>');
    expect(html).toContain('<span class="verdict" data-verdict="misleading">Misleading</span>');
    expect(html).toContain('Counts <strong>disagree</strong>.');
    expect(html).toMatch(/<dt>Report generated<\/dt><dd><time datetime="[^"]+" lang="de-DE">\d{1,2}\. \p{L}+ \d{4} um \d{2}:\d{2} MES?Z<\/time><\/dd>/u);
    // A name for this report only, and the defaults (en-GB, UTC) when the request gives none.
    const md = (await call(a, 'exportReport', { documentId: doc, format: 'md', analyst: 'Desk 4' })).content as string;
    expect(md).toContain('**Analyst:** Desk 4');
    expect(md).toContain('**Verdict:** Misleading');
    expect(md).toMatch(/\*\*Report generated:\*\* \d{1,2} [A-Z][a-z]+ \d{4} at \d{2}:\d{2} UTC/);
  });

  it('refuses a locale or time zone that is not one', async () => {
    const { a, doc } = await seeded();
    expect(await failure(a, 'exportReport', { documentId: doc, format: 'md', locale: 'not a locale!' })).toMatchObject({ code: 'invalid_input', message: expect.stringMatching(/locale/) });
    expect(await failure(a, 'exportReport', { documentId: doc, format: 'md', timeZone: 'Mars/Olympus' })).toMatchObject({ code: 'invalid_input', message: expect.stringMatching(/timeZone/) });
  });
});
