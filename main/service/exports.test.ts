import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { mirroredCall } from '../../test/mirror';
import { CORPUS, ensureBuilt, REPO } from '../../test/built';
import { openApp, type App } from '../app';

const SEED = path.join(CORPUS, 'kremlin-call.txt');
const opened: App[] = [];
const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'cs-exp-'));
afterEach(() => opened.splice(0).forEach((a) => a.close()));

/** Every write's change set is checked against a fresh read (test/mirror.ts). */
const call = mirroredCall;

async function seeded() {
  const a = openApp(path.join(tmp(), 'a.db'));
  opened.push(a);
  const { document } = await call(a, 'importFile', { path: SEED });
  const text = fs.readFileSync(SEED, 'utf8');
  const span = (s: string) => ({ start: text.indexOf(s), end: text.indexOf(s) + s.length });
  const c1 = (await call(a, 'createAnnotation', { documentId: document.id, kind: 'claim', ...span('This marks the sixth conversation between the two leaders this year') })).annotation;
  const c2 = (await call(a, 'createAnnotation', { documentId: document.id, kind: 'claim', ...span('he and Putin have had at least five phone conversations') })).annotation;
  const t = (await call(a, 'createAnnotation', { documentId: document.id, kind: 'attribution', ...span('presidential aide Yury Ushakov said') })).annotation;
  await call(a, 'updateAnnotation', { id: c1.id, status: 'disputed', note: 'Counts do not agree <b>here</b>' });
  const src = Number(a.db.prepare("INSERT INTO sources (name, type, aliases, reliability, created_at) VALUES ('Yury Ushakov', 'person', '[\"Ushakov\"]', 'B', 'now')").run().lastInsertRowid);
  a.db.prepare('INSERT INTO links (from_id, to_source_id) VALUES (?, ?)').run(t.id, src);
  a.db.prepare('INSERT INTO links (from_id, to_annotation_id) VALUES (?, ?)').run(t.id, c1.id);
  const flag = Number(a.db.prepare("INSERT INTO flags (document_id, explanation, created_at) VALUES (?, 'sixth vs at least five', 'now')").run(document.id).lastInsertRowid);
  a.db.prepare('INSERT INTO flag_members (flag_id, annotation_id) VALUES (?, ?), (?, ?)').run(flag, c1.id, flag, c2.id);
  return { a, id: document.id as number };
}

describe('exportReport', () => {
  it('renders every text format with a file name from the title', async () => {
    const { a, id } = await seeded();
    for (const [format, name, probe] of [
      ['html', 'Kremlin-aide-unveils-specifics-of-Putin-Trump-phone-call.html', 'sixth vs at least five'],
      ['md', 'Kremlin-aide-unveils-specifics-of-Putin-Trump-phone-call.md', 'Yury Ushakov'],
      ['csv', 'Kremlin-aide-unveils-specifics-of-Putin-Trump-phone-call.csv', 'disputed'],
      ['json', 'Kremlin-aide-unveils-specifics-of-Putin-Trump-phone-call.jsonld', 'http://www.w3.org/ns/anno.jsonld'],
      ['claimreview', 'Kremlin-aide-unveils-specifics-of-Putin-Trump-phone-call.claimreview.jsonld', 'ClaimReview'],
    ] as const) {
      const f = await call(a, 'exportReport', { documentId: id, format });
      expect(f.fileName).toBe(name);
      expect(f.encoding).toBe('utf8');
      expect(f.content).toContain(probe);
    }
    const html = (await call(a, 'exportReport', { documentId: id, format: 'html' })).content as string;
    expect(html).toContain('Counts do not agree &lt;b&gt;here&lt;/b&gt;');
    expect(html).not.toMatch(/<script/i);
  });

  it('round-trips annotations, sources, links, flags and the verdict through JSON-LD into another database', async () => {
    const { a, id } = await seeded();
    // (Straight to the app: the seeded document's writes were not mirrored.)
    expect((await a.dispatch('setAssessment', { documentId: id, verdict: 'misleading', summary: 'Two counts of the calls **disagree**.' })).ok).toBe(true);
    const json = (await call(a, 'exportReport', { documentId: id, format: 'json' })).content as string;
    const b = openApp(path.join(tmp(), 'b.db'));
    opened.push(b);
    const r = await call(b, 'importAnnotations', { name: 'report.jsonld', json });
    expect(r.created).toEqual({ annotations: 3, sources: 1, links: 2, flags: 1 });
    const before = await call(a, 'getDocument', { id });
    const after = await call(b, 'getDocument', { id: r.documentId });
    expect(after.document.text).toBe(before.document.text);
    const shape = (s: any) => ({
      annotations: s.annotations.map((x: any) => [x.kind, x.start, x.end, x.exact, x.status, x.note]).sort(),
      sources: s.sources.map((x: any) => [x.name, x.reliability, x.aliases]),
      flags: s.flags.map((f: any) => [f.explanation, f.status, f.memberIds.length]),
      links: s.links.length,
    });
    expect(shape(after.state)).toEqual(shape(before.state));
    expect(after.state.assessment).toMatchObject({ verdict: 'misleading', summary: 'Two counts of the calls **disagree**.' });
    // Imported again over an analyst's own verdict: theirs stays.
    expect((await b.dispatch('setAssessment', { documentId: r.documentId, verdict: 'reliable', summary: 'Mine.' })).ok).toBe(true);
    await call(b, 'importAnnotations', { name: 'report.jsonld', json });
    expect((await call(b, 'getState', { documentId: r.documentId })).assessment).toMatchObject({ verdict: 'reliable', summary: 'Mine.' });
  });

  it('refuses a JSON-LD file whose carried text differs from the document its fingerprint names, and never lets carried text stand in for the real article', async () => {
    const { a, id } = await seeded();
    const json = (await call(a, 'exportReport', { documentId: id, format: 'json' })).content as string;
    const genuine = (await call(a, 'getDocument', { id })).document.text as string;
    const forged = json.replace('sixth conversation', 'ninth conversation');
    expect(forged).not.toBe(json);
    // Into the database that holds the genuine article: refused, nothing stored.
    const before = await call(a, 'getState', { documentId: id });
    const r = await a.dispatch('importAnnotations', { name: 'forged.jsonld', json: forged });
    expect(r).toMatchObject({ ok: false, error: { code: 'bad_file', message: expect.stringMatching(/^forged\.jsonld: .*carries a different text/) } });
    expect((await call(a, 'getState', { documentId: id })).annotations).toEqual(before.annotations);
    expect((await call(a, 'listDocuments', {})).documents).toHaveLength(1);
    // Into another database: the forged text becomes a document marked as coming from an annotation
    // file, and importing the genuine article afterwards opens the genuine text, not the forgery.
    const b = openApp(path.join(tmp(), 'b.db'));
    opened.push(b);
    const imported = await call(b, 'importAnnotations', { name: 'forged.jsonld', json: forged });
    const made = (await call(b, 'listDocuments', {})).documents.find((d: any) => d.id === imported.documentId);
    expect(made.origin).toBe('annotations');
    const file = path.join(tmp(), 'kremlin-call.txt');
    fs.writeFileSync(file, genuine);
    const real = await call(b, 'importFile', { path: file });
    expect(real.document.id).not.toBe(imported.documentId);
    expect((await call(b, 'getDocument', { id: real.document.id })).document.text).toBe(genuine);
  });

  it('holds an annotation file to the API\'s limits, storing nothing when it is over them', async () => {
    const { a, id } = await seeded();
    const json = JSON.parse((await call(a, 'exportReport', { documentId: id, format: 'json' })).content as string);
    const b = openApp(path.join(tmp(), 'b.db'));
    opened.push(b);
    const variant = (edit: (item: any) => void) => {
      const copy = structuredClone(json);
      edit(copy.first.items.find((x: any) => x.motivation === 'assessing'));
      return JSON.stringify(copy);
    };
    const backwards = variant((item) => {
      const position = item.target.selector.find((x: any) => x.type === 'TextPositionSelector');
      [position.start, position.end] = [position.end, position.start];
    });
    expect(await b.dispatch('importAnnotations', { name: 'backwards.jsonld', json: backwards })).toMatchObject({
      ok: false,
      error: { code: 'bad_file', message: expect.stringMatching(/^backwards\.jsonld: not a usable annotation file: .*ends \(\d+\) before it starts/) },
    });
    const longNote = variant((item) => item.body.push({ type: 'TextualBody', purpose: 'commenting', value: 'x'.repeat(100_001), format: 'text/markdown' }));
    expect(await b.dispatch('importAnnotations', { name: 'long.jsonld', json: longNote })).toMatchObject({
      ok: false,
      error: { code: 'bad_file', message: expect.stringMatching(/^long\.jsonld: annotation .* has a note longer than 100,000 characters; nothing was imported$/) },
    });
    expect((await call(b, 'listDocuments', {})).documents).toEqual([]);
  });

  it('refuses to report on a document whose stored text was changed outside the app', async () => {
    const { a, id } = await seeded();
    expect((await a.dispatch('exportReport', { documentId: id, format: 'md' })).ok).toBe(true);
    // Flip bytes inside the stored text, as a disk error or an edit with another tool would.
    a.db.prepare("UPDATE documents SET text = replace(text, 'sixth', 'fifth') WHERE id = ?").run(id);
    for (const format of ['html', 'md', 'json'] as const) {
      const r = await a.dispatch('exportReport', { documentId: id, format });
      expect(r).toMatchObject({ ok: false, error: { code: 'bad_file', message: expect.stringMatching(/no longer matches the fingerprint .* restore it from a backup/) } });
    }
  });

  it('refuses a file that is not JSON or not an annotation collection, storing nothing', async () => {
    const b = openApp(path.join(tmp(), 'b.db'));
    opened.push(b);
    expect(await b.dispatch('importAnnotations', { name: 'x.jsonld', json: '{nope' })).toMatchObject({ ok: false, error: { code: 'bad_file', message: expect.stringMatching(/^x\.jsonld: is not JSON; /) } });
    expect((await b.dispatch('importAnnotations', { name: 'y.jsonld', json: '{"a": 1}' })).ok).toBe(false);
    expect((await call(b, 'listDocuments', {})).documents).toEqual([]);
  });
});

describe('versions', () => {
  it('a changed file at the same path becomes version 2, annotations re-anchor, what vanished is an orphan', async () => {
    const dir = tmp();
    const file = path.join(dir, 'article.txt');
    fs.writeFileSync(file, 'The mayor said the budget rose 5 percent. Critics disagree. The vote is on Monday.\n');
    const a = openApp(path.join(dir, 'c.db'));
    opened.push(a);
    const v1 = (await call(a, 'importFile', { path: file })).document;
    const text1 = fs.readFileSync(file, 'utf8');
    const tag = async (s: string) => (await call(a, 'createAnnotation', { documentId: v1.id, kind: 'claim', start: text1.indexOf(s), end: text1.indexOf(s) + s.length })).annotation;
    const kept = await tag('The vote is on Monday.');
    const edited = await tag('the budget rose 5 percent');
    const gone = await tag('Critics disagree.');

    fs.writeFileSync(file, 'Breaking: a new first sentence. The mayor said the budget rose 6 percent. The vote is on Monday.\n');
    const v2 = (await call(a, 'importFile', { path: file })).document;
    expect(v2).toMatchObject({ version: 2, previousId: v1.id });
    expect((await call(a, 'listDocuments', {})).documents.map((d: any) => d.id)).toEqual([v2.id]);
    const state = await call(a, 'getState', { documentId: v2.id });
    const byId = new Map(state.annotations.map((x: any) => [x.id, x]));
    expect(byId.get(kept.id)).toMatchObject({ exact: 'The vote is on Monday.', orphan: false, changedInVersion: null });
    // Re-anchored on other words: it keeps what it said, and which version changed it.
    expect(byId.get(edited.id)).toMatchObject({ exact: 'the budget rose 6 percent', orphan: false, changedFrom: 'the budget rose 5 percent', changedInVersion: 2 });
    expect(byId.get(gone.id)).toMatchObject({ exact: 'Critics disagree.', orphan: true });
    // The analyst reviews it: the mark goes, in one undoable step.
    const reviewed = await call(a, 'updateAnnotation', { id: edited.id, reviewedChange: true });
    expect(reviewed.annotation).toMatchObject({ changedFrom: null, changedInVersion: null, exact: 'the budget rose 6 percent' });
    await call(a, 'undo', { documentId: v2.id });
    expect((await call(a, 'getState', { documentId: v2.id })).annotations.find((x: any) => x.id === edited.id)).toMatchObject({ changedInVersion: 2 });

    const diff = await call(a, 'getVersionDiff', { documentId: v2.id });
    expect(diff.added.map((s: any) => s.text)).toContain('Breaking: a new first sentence.');
    expect(diff.removed.map((s: any) => s.text)).toContain('Critics disagree.');
    expect(diff.changed.map((c: any) => [c.old.text, c.new.text])).toEqual([
      ['The mayor said the budget rose 5 percent.', 'The mayor said the budget rose 6 percent.'],
    ]);
  });
});

describe('CLI export', () => {
  beforeAll(() => ensureBuilt());
  it('writes an HTML report and refuses an unknown format with usage', async () => {
    const { a, id } = await seeded();
    const dbFile = a.db.name;
    a.close();
    const out = path.join(tmp(), 'report.html');
    const cli = (args: string[]) => spawnSync(process.execPath, [path.join(REPO, 'dist/main/cli.cjs'), ...args], { encoding: 'utf8' });
    const ok = cli(['export', '--db', dbFile, '--doc', String(id), '--format', 'html', '--out', out]);
    expect(ok.stderr).toBe('');
    expect(JSON.parse(ok.stdout)).toMatchObject({ out, format: 'html' });
    expect(fs.readFileSync(out, 'utf8')).toContain('Kremlin aide unveils');
    const bad = cli(['export', '--db', dbFile, '--doc', String(id), '--format', 'docx', '--out', out]);
    expect(bad.status).toBe(2);
    const missing = cli(['export', '--db', dbFile, '--doc', '999', '--format', 'md', '--out', out]);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/^claimscope: document 999 does not exist/);
  });
});
