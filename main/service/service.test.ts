import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { mirroredCall } from '../../test/mirror';
import { openApp, type App } from '../app';

const CORPUS = path.resolve(__dirname, '../../../shared/corpus');
const SEED = path.join(CORPUS, 'kremlin-call.txt');

const opened: App[] = [];
function app(file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cs-svc-')), 'c.db')) {
  const a = openApp(file);
  opened.push(a);
  return { a, file };
}
afterEach(() => opened.splice(0).forEach((a) => a.close()));

/** Every write's change set is checked against a fresh read (test/mirror.ts). */
const call = mirroredCall;

describe('documents', () => {
  it('imports a text file exactly, titles it, and opens the same content again instead of duplicating', async () => {
    const { a } = app();
    const first = await call(a, 'importFile', { path: SEED });
    expect(first.existing).toBe(false);
    expect(first.document.title).toBe('Kremlin aide unveils specifics of Putin-Trump phone call');
    const { document } = await call(a, 'getDocument', { id: first.document.id });
    expect(document.text).toBe(fs.readFileSync(SEED, 'utf8'));
    const again = await call(a, 'importBytes', { name: 'copy.txt', dataBase64: fs.readFileSync(SEED).toString('base64') });
    expect(again).toMatchObject({ existing: true, document: { id: first.document.id } });
    expect((await call(a, 'listDocuments', {})).documents).toHaveLength(1);
  });

  it('refuses a missing file and a folder with one line naming the path, storing nothing', async () => {
    const { a } = app();
    const missing = await a.dispatch('importFile', { path: '/nope/missing.txt' });
    expect(missing).toEqual({ ok: false, error: { code: 'bad_file', message: expect.stringMatching(/^\/nope\/missing\.txt: .*; /) } });
    const dir = await a.dispatch('importFile', { path: os.tmpdir() });
    expect(dir.ok).toBe(false);
    expect((await call(a, 'listDocuments', {})).documents).toHaveLength(0);
  });
});

describe('annotations and history', () => {
  async function seeded() {
    const { a, file } = app();
    const { document } = await call(a, 'importFile', { path: SEED });
    const text = fs.readFileSync(SEED, 'utf8');
    const span = (s: string) => ({ start: text.indexOf(s), end: text.indexOf(s) + s.length });
    return { a, file, id: document.id as number, text, span };
  }

  it('stores both selectors and refuses a range outside the text', async () => {
    const { a, id, span } = await seeded();
    const { annotation } = await call(a, 'createAnnotation', { documentId: id, kind: 'claim', ...span('sixth conversation') });
    expect(annotation).toMatchObject({ exact: 'sixth conversation', status: 'unverified', orphan: false });
    expect(annotation.prefix.endsWith('This marks the ')).toBe(true);
    expect(annotation.suffix.startsWith(' between')).toBe(true);
    const bad = await a.dispatch('createAnnotation', { documentId: id, kind: 'claim', start: 5, end: 999_999 });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('undoes and redoes step by step, across a restart of the app', async () => {
    const { a, file, id, span } = await seeded();
    const c = (await call(a, 'createAnnotation', { documentId: id, kind: 'claim', ...span('This marks the sixth') })).annotation;
    const t = (await call(a, 'createAnnotation', { documentId: id, kind: 'attribution', ...span('presidential aide Yury Ushakov said') })).annotation;
    await call(a, 'updateAnnotation', { id: c.id, status: 'disputed', note: 'check the count' });
    await call(a, 'deleteAnnotation', { id: t.id });
    a.close();

    const b = app(file).a;
    const s = await call(b, 'getState', { documentId: id });
    expect(s.annotations.map((x: any) => [x.id, x.status])).toEqual([[c.id, 'disputed']]);
    expect(s.canUndo).toBe(true);

    let r = await call(b, 'undo', { documentId: id });
    expect(r.label).toBe('Delete attribution');
    expect(r.state.annotations.map((x: any) => x.id)).toEqual([c.id, t.id]);
    r = await call(b, 'undo', { documentId: id });
    expect(r.state.annotations.find((x: any) => x.id === c.id)).toMatchObject({ status: 'unverified', note: '' });
    await call(b, 'undo', { documentId: id });
    r = await call(b, 'undo', { documentId: id });
    expect(r.state.annotations).toEqual([]);
    expect(r.state.canUndo).toBe(false);
    expect((await call(b, 'undo', { documentId: id })).label).toBeNull();

    r = await call(b, 'redo', { documentId: id });
    expect(r.label).toBe('Tag claim');
    expect(r.state.annotations.map((x: any) => x.id)).toEqual([c.id]);

    // A new action after undo ends the redo branch.
    await call(b, 'createAnnotation', { documentId: id, kind: 'claim', ...span('Trump urged Putin') });
    expect((await call(b, 'getState', { documentId: id })).canRedo).toBe(false);
    expect((await call(b, 'redo', { documentId: id })).label).toBeNull();
  });

  it('keeps undo stacks apart per document', async () => {
    const { a, id, span } = await seeded();
    const other = await call(a, 'importBytes', { name: 'b.txt', dataBase64: Buffer.from('Another text. With two sentences.').toString('base64') });
    await call(a, 'createAnnotation', { documentId: id, kind: 'claim', ...span('sixth') });
    expect((await call(a, 'undo', { documentId: other.document.id })).label).toBeNull();
    expect((await call(a, 'getState', { documentId: id })).annotations).toHaveLength(1);
  });

  it('deleting an annotation takes its links and flag memberships with it, and undo restores them all', async () => {
    const { a, id, span } = await seeded();
    const c1 = (await call(a, 'createAnnotation', { documentId: id, kind: 'claim', ...span('This marks the sixth') })).annotation;
    const c2 = (await call(a, 'createAnnotation', { documentId: id, kind: 'claim', ...span('at least five phone conversations') })).annotation;
    const t = (await call(a, 'createAnnotation', { documentId: id, kind: 'attribution', ...span('according to the Kremlin') })).annotation;
    // The attribution covers the next sentence's claim by default; the flag links the two claims.
    const flag = (await call(a, 'createFlag', { documentId: id, memberIds: [c1.id, c2.id], explanation: 'sixth vs five' })).flag.id;

    await call(a, 'deleteAnnotation', { id: c1.id });
    let s = await call(a, 'getState', { documentId: id });
    expect(s.links).toEqual([]);
    expect(s.flags).toEqual([]);
    s = (await call(a, 'undo', { documentId: id })).state;
    expect(s.links).toEqual([{ id: expect.any(Number), fromId: t.id, toAnnotationId: c1.id, toSourceId: null }]);
    expect(s.flags).toMatchObject([{ id: flag, explanation: 'sixth vs five', memberIds: [c1.id, c2.id] }]);
  });
});
