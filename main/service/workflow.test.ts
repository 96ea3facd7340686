import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mirroredCall } from '../../test/mirror';
import { openApp, type App } from '../app';

// The analyst workflow's rules: sources (create, rename, merge), links between attributions and
// claims, inconsistency flags, and undo of each.

const SEED = path.resolve(__dirname, '../../../shared/corpus/kremlin-call.txt');

const opened: App[] = [];
afterEach(() => opened.splice(0).forEach((a) => a.close()));

/** Every write's change set is checked against a fresh read (test/mirror.ts). */
const call = mirroredCall;

async function failure(a: App, method: string, input: unknown) {
  const r = await a.dispatch(method, input);
  if (r.ok) throw new Error(`${method} should have failed`);
  return r.error;
}

async function seeded() {
  const a = openApp(path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cs-flow-')), 'c.db'));
  opened.push(a);
  const { document } = await call(a, 'importFile', { path: SEED });
  const text = fs.readFileSync(SEED, 'utf8');
  const doc = document.id as number;
  const span = (s: string) => {
    const start = text.indexOf(s);
    if (start < 0) throw new Error(`not in the seed: ${s}`);
    return { start, end: start + s.length };
  };
  const tag = async (kind: 'claim' | 'attribution', s: string) =>
    (await call(a, 'createAnnotation', { documentId: doc, kind, ...span(s) })) as { annotation: any; relations: any };
  const state = () => call(a, 'getState', { documentId: doc });
  const undo = () => call(a, 'undo', { documentId: doc });
  const redo = () => call(a, 'redo', { documentId: doc });
  return { a, doc, tag, state, undo, redo };
}

const SIXTH = 'This marks the sixth conversation between the two leaders this year.';
const FIVE = 'he and Putin have had at least five phone conversations';
const REAFFIRMED = 'Putin reaffirmed Russia’s commitment to seeking a diplomatic solution';
const USHAKOV = 'presidential aide Yury Ushakov said';

const claimLinks = (s: any, from: number) =>
  s.links.filter((l: any) => l.fromId === from && l.toAnnotationId !== null).map((l: any) => l.toAnnotationId);

describe('one name, one source; one character, one offset', () => {
  it('refuses a second source whose name differs only by case, full-width forms or invisible characters', async () => {
    const { a, doc } = await seeded();
    await call(a, 'createSource', { documentId: doc, name: 'Yury Ushakov' });
    for (const twin of ['yury ushakov', 'Ｙｕｒｙ Ｕｓｈａｋｏｖ', 'Yury\u200b Ushakov', 'Yury  Ushakov\u2066']) {
      expect(await failure(a, 'createSource', { documentId: doc, name: twin })).toMatchObject({ code: 'conflict', message: expect.stringMatching(/already exists/) });
    }
  });

  it('refuses a range that cuts a character in two', async () => {
    const a = openApp(path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cs-flow-')), 'c.db'));
    opened.push(a);
    const { document } = await call(a, 'importBytes', { name: 'e.txt', dataBase64: Buffer.from('Flag 🇺🇦 raised. Done.').toString('base64') });
    const at = 'Flag '.length + 1;
    expect(await failure(a, 'createAnnotation', { documentId: document.id, kind: 'claim', start: at, end: at + 5 })).toMatchObject({ code: 'invalid_input', message: expect.stringMatching(/cuts a character in two/) });
    expect((await call(a, 'createAnnotation', { documentId: document.id, kind: 'claim', start: 0, end: at - 1 })).annotation.exact).toBe('Flag ');
  });
});

describe('overlaps found from an index, whatever the tags\' lengths', () => {
  it('sees a long claim that starts far before, made here or by another connection', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cs-long-'));
    const a = openApp(path.join(dir, 'c.db'));
    opened.push(a);
    const filler = 'Nothing to see in this sentence. '.repeat(200);
    const text = `${filler}The minister said the budget was balanced. ${filler}Officials said the port reopened.`;
    // Two connections at once: the typed client, not the mirroring test client (which follows one).
    const { document } = await a.client.importBytes({ name: 'long.txt', dataBase64: Buffer.from(text).toString('base64') });
    const span = (s: string) => ({ start: text.indexOf(s), end: text.indexOf(s) + s.length });
    // A short tag first, so the longest length is measured and cached small.
    await a.client.createAnnotation({ documentId: document.id, kind: 'claim', ...span('the budget was balanced') });
    // Another connection adds a claim over nearly the whole text.
    const b = openApp(path.join(dir, 'c.db'));
    opened.push(b);
    const long = (await b.client.createAnnotation({ documentId: document.id, kind: 'claim', start: 0, end: text.length - 1 })).annotation;
    // An attribution near the end still covers it: the cached length was measured again.
    const said = await a.client.createAnnotation({ documentId: document.id, kind: 'attribution', ...span('Officials said') });
    expect(said.changes.links.upserted.some((l) => l.fromId === said.annotation.id && l.toAnnotationId === long.id)).toBe(true);
  });
});

describe('default links', () => {
  it('links a new attribution to the claims of its sentence, in the same undoable step', async () => {
    const { tag, undo } = await seeded();
    const claim = (await tag('claim', REAFFIRMED)).annotation;
    const { annotation: attribution, relations } = await tag('attribution', USHAKOV);
    expect(claimLinks(relations, attribution.id)).toEqual([claim.id]);
    const r = await undo();
    expect(r.label).toBe('Tag attribution');
    expect(r.state.links).toEqual([]);
    expect(r.state.annotations.map((x: any) => x.id)).toEqual([claim.id]);
  });

  it('falls back to the next sentence when its own has no claim', async () => {
    const { tag } = await seeded();
    const sixth = (await tag('claim', SIXTH)).annotation;
    // "according to the Kremlin" ends the first sentence, which holds no claim.
    const { annotation, relations } = await tag('attribution', 'according to the Kremlin');
    expect(claimLinks(relations, annotation.id)).toEqual([sixth.id]);
  });

  it('links a claim tagged after its attribution', async () => {
    const { tag } = await seeded();
    const attribution = (await tag('attribution', USHAKOV)).annotation;
    const { annotation: claim, relations } = await tag('claim', REAFFIRMED);
    expect(claimLinks(relations, attribution.id)).toEqual([claim.id]);
    // A claim two sentences on is not covered.
    const far = await tag('claim', 'Trump urged Putin to end hostilities as soon as possible.');
    expect(claimLinks(far.relations, attribution.id)).toEqual([claim.id]);
  });
});

describe('links', () => {
  it('links and unlinks claims by hand, refusing links to deleted claims, to non-claims and across documents', async () => {
    const { a, tag, undo } = await seeded();
    const attribution = (await tag('attribution', USHAKOV)).annotation;
    const sixth = (await tag('claim', SIXTH)).annotation;
    const five = (await tag('claim', FIVE)).annotation;

    let r = await call(a, 'linkClaims', { attributionId: attribution.id, claimIds: [sixth.id, five.id, sixth.id] });
    expect(claimLinks(r.relations, attribution.id).sort()).toEqual([sixth.id, five.id].sort());
    // Linking again changes nothing and records nothing.
    r = await call(a, 'linkClaims', { attributionId: attribution.id, claimIds: [five.id] });
    expect(claimLinks(r.relations, attribution.id)).toHaveLength(2);

    r = await call(a, 'unlinkClaims', { attributionId: attribution.id, claimIds: [five.id] });
    expect(claimLinks(r.relations, attribution.id)).toEqual([sixth.id]);
    expect((await undo()).label).toBe('Unlink claim');
    expect((await undo()).label).toBe('Link 2 claims');

    await call(a, 'deleteAnnotation', { id: five.id });
    expect(await failure(a, 'linkClaims', { attributionId: attribution.id, claimIds: [five.id] })).toMatchObject({ code: 'not_found' });
    expect(await failure(a, 'linkClaims', { attributionId: sixth.id, claimIds: [attribution.id] })).toMatchObject({
      code: 'invalid_input',
    });
    const other = await call(a, 'importBytes', { name: 'o.txt', dataBase64: Buffer.from('A claim elsewhere. Another.').toString('base64') });
    const foreign = (await call(a, 'createAnnotation', { documentId: other.document.id, kind: 'claim', start: 0, end: 18 })).annotation;
    expect(await failure(a, 'linkClaims', { attributionId: attribution.id, claimIds: [sixth.id, foreign.id] })).toMatchObject({
      code: 'invalid_input',
    });
    // A refused request leaves nothing behind.
    const s = await call(a, 'getState', { documentId: attribution.documentId });
    expect(claimLinks(s, attribution.id)).toEqual([]);
  });
});

describe('sources', () => {
  it('creates a source from an attribution and cites it in one step; undo takes both back', async () => {
    const { a, tag, undo, redo } = await seeded();
    const attribution = (await tag('attribution', USHAKOV)).annotation;
    const r = await call(a, 'setAnnotationSource', {
      annotationId: attribution.id,
      source: { create: { name: '  Yury Ushakov ', type: 'person', reliability: 'B', aliases: ['Ushakov', 'ushakov', 'Yury Ushakov', 'presidential aide'] } },
    });
    expect(r.source).toMatchObject({ name: 'Yury Ushakov', type: 'person', reliability: 'B', aliases: ['Ushakov', 'presidential aide'] });
    expect(r.relations.links).toEqual([{ id: expect.any(Number), fromId: attribution.id, toAnnotationId: null, toSourceId: r.source.id }]);

    // A second source with the same name is refused: pick it or merge.
    expect(await failure(a, 'createSource', { name: 'yury ushakov' })).toMatchObject({ code: 'conflict' });

    let u = await undo();
    expect(u.label).toBe('Cite new source “Yury Ushakov”');
    expect(u.state.sources).toEqual([]);
    expect(u.state.links).toEqual([]);
    u = await redo();
    expect(u.state.sources).toMatchObject([{ name: 'Yury Ushakov', reliability: 'B' }]);
    expect(u.state.links).toHaveLength(1);
  });

  it('replaces the cited source, and removes it', async () => {
    const { a, doc, tag } = await seeded();
    const attribution = (await tag('attribution', USHAKOV)).annotation;
    const kremlin = (await call(a, 'createSource', { documentId: doc, name: 'Kremlin', type: 'organisation' })).source;
    const ushakov = (await call(a, 'createSource', { documentId: doc, name: 'Yury Ushakov' })).source;
    await call(a, 'setAnnotationSource', { annotationId: attribution.id, source: { id: kremlin.id } });
    let r = await call(a, 'setAnnotationSource', { annotationId: attribution.id, source: { id: ushakov.id } });
    expect(r.relations.links.map((l: any) => l.toSourceId)).toEqual([ushakov.id]);
    r = await call(a, 'setAnnotationSource', { annotationId: attribution.id, source: null });
    expect(r.relations.links).toEqual([]);
  });

  it('renames and grades a source, each an undoable step in the document it was done in', async () => {
    const { a, doc, undo } = await seeded();
    const s = (await call(a, 'createSource', { documentId: doc, name: 'Ushakov', reliability: 'C' })).source;
    await call(a, 'updateSource', { id: s.id, documentId: doc, name: 'Yury Ushakov' });
    const r = await call(a, 'updateSource', { id: s.id, documentId: doc, reliability: 'B' });
    expect(r.source).toMatchObject({ name: 'Yury Ushakov', reliability: 'B' });
    await call(a, 'createSource', { documentId: doc, name: 'Kremlin' });
    expect(await failure(a, 'updateSource', { id: s.id, name: 'KREMLIN' })).toMatchObject({ code: 'conflict' });

    expect((await undo()).label).toBe('Create source “Kremlin”');
    let u = await undo();
    expect(u.label).toBe('Grade “Yury Ushakov” B');
    expect(u.state.sources).toMatchObject([{ name: 'Yury Ushakov', reliability: 'C' }]);
    u = await undo();
    expect(u.label).toBe('Rename source “Ushakov” to “Yury Ushakov”');
    expect(u.state.sources).toMatchObject([{ name: 'Ushakov' }]);
  });

  it('merges: every link moves, names become aliases, the merged source goes; undo restores it exactly', async () => {
    const { a, doc, tag, state, undo, redo } = await seeded();
    const t1 = (await tag('attribution', USHAKOV)).annotation;
    const t2 = (await tag('attribution', 'with Ushakov noting')).annotation;
    const t3 = (await tag('attribution', 'according to the Kremlin')).annotation;
    const yury = (await call(a, 'createSource', { documentId: doc, name: 'Yury Ushakov', reliability: 'B', note: 'Aide.' })).source;
    const aide = (await call(a, 'createSource', { documentId: doc, name: 'Ushakov', aliases: ['presidential aide'], note: 'Same man?' })).source;
    await call(a, 'setAnnotationSource', { annotationId: t1.id, source: { id: yury.id } });
    await call(a, 'setAnnotationSource', { annotationId: t2.id, source: { id: aide.id } });
    await call(a, 'setAnnotationSource', { annotationId: t3.id, source: { id: aide.id } });
    // An annotation citing both (possible through other clients) keeps one link after the merge.
    a.db.prepare('INSERT INTO links (from_id, to_source_id) VALUES (?, ?)').run(t1.id, aide.id);
    const before = await state();

    const r = await call(a, 'mergeSources', { documentId: doc, intoId: yury.id, fromId: aide.id });
    expect(r.source).toMatchObject({ id: yury.id, aliases: ['Ushakov', 'presidential aide'], note: 'Aide.\n\nSame man?', reliability: 'B' });
    expect(r.relations.sources.map((s: any) => s.id)).toEqual([yury.id]);
    const cited = r.relations.links.filter((l: any) => l.toSourceId !== null);
    expect(cited.map((l: any) => [l.fromId, l.toSourceId]).sort()).toEqual([[t1.id, yury.id], [t2.id, yury.id], [t3.id, yury.id]].sort());

    const u = await undo();
    expect(u.label).toBe('Merge source “Ushakov” into “Yury Ushakov”');
    expect(u.state.sources).toEqual(before.sources);
    expect(u.state.links).toEqual(before.links);
    expect((await redo()).state.sources.map((s: any) => s.id)).toEqual([yury.id]);

    expect(await failure(a, 'mergeSources', { intoId: yury.id, fromId: yury.id })).toMatchObject({ code: 'invalid_input' });
    expect(await failure(a, 'mergeSources', { intoId: yury.id, fromId: aide.id })).toMatchObject({ code: 'not_found' });
  });

  it('deletes a source with its citations, and undo brings both back', async () => {
    const { a, doc, tag, undo } = await seeded();
    const t = (await tag('attribution', USHAKOV)).annotation;
    const s = (await a.dispatch('setAnnotationSource', { annotationId: t.id, source: { create: { name: 'Yury Ushakov' } } })) as any;
    const r = await call(a, 'deleteSource', { id: s.value.source.id, documentId: doc });
    expect(r.relations).toMatchObject({ sources: [], links: [] });
    const u = await undo();
    expect(u.state.sources).toHaveLength(1);
    expect(u.state.links).toHaveLength(1);
  });
});

describe('flags', () => {
  it('needs two different claims of the document', async () => {
    const { a, doc, tag } = await seeded();
    const sixth = (await tag('claim', SIXTH)).annotation;
    const attribution = (await tag('attribution', USHAKOV)).annotation;
    expect(await failure(a, 'createFlag', { documentId: doc, memberIds: [sixth.id] })).toMatchObject({ code: 'invalid_input' });
    expect(await failure(a, 'createFlag', { documentId: doc, memberIds: [sixth.id, sixth.id] })).toMatchObject({ code: 'invalid_input' });
    expect(await failure(a, 'createFlag', { documentId: doc, memberIds: [sixth.id, attribution.id] })).toMatchObject({
      code: 'invalid_input',
    });
    expect(await failure(a, 'createFlag', { documentId: doc, memberIds: [sixth.id, 99_999] })).toMatchObject({ code: 'not_found' });
    expect((await call(a, 'getState', { documentId: doc })).flags).toEqual([]);
  });

  it('creates, edits and deletes a flag, each undone step by step', async () => {
    const { a, doc, tag, undo, state } = await seeded();
    const sixth = (await tag('claim', SIXTH)).annotation;
    const five = (await tag('claim', FIVE)).annotation;
    const third = (await tag('claim', 'their first direct exchange in nearly three years')).annotation;
    const explanation = 'sixth conversation this year vs at least five since January';
    const { flag } = await call(a, 'createFlag', { documentId: doc, memberIds: [sixth.id, five.id], explanation: ` ${explanation} ` });
    expect(flag).toMatchObject({ explanation, status: 'open', note: '', memberIds: [sixth.id, five.id] });

    await call(a, 'updateFlag', { id: flag.id, status: 'confirmed' });
    await call(a, 'updateFlag', { id: flag.id, memberIds: [sixth.id, five.id, third.id] });
    expect(await failure(a, 'updateFlag', { id: flag.id, memberIds: [sixth.id, sixth.id] })).toMatchObject({ code: 'invalid_input' });
    await call(a, 'updateFlag', { id: flag.id, note: '**Check** the Kremlin readouts.' });
    let r = await call(a, 'deleteFlag', { id: flag.id });
    expect(r.relations.flags).toEqual([]);

    r = await undo();
    expect(r.label).toBe('Delete flag');
    expect(r.state.flags).toMatchObject([{ id: flag.id, status: 'confirmed', note: '**Check** the Kremlin readouts.' }]);
    expect((await undo()).label).toBe('Edit note');
    r = await undo();
    expect(r.label).toBe('Edit flagged claims');
    expect(r.state.flags[0].memberIds).toEqual([sixth.id, five.id]);
    r = await undo();
    expect(r.label).toBe('Set flag status: confirmed');
    expect(r.state.flags[0].status).toBe('open');
    r = await undo();
    expect(r.label).toBe('Flag inconsistency');
    expect((await state()).flags).toEqual([]);
  });

  it('a note saved as it is typed is one undo step; a pause, another note or an undo starts a new one', async () => {
    const { a, tag, undo, redo, state } = await seeded();
    const sixth = (await tag('claim', SIXTH)).annotation;
    const five = (await tag('claim', FIVE)).annotation;
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(new Date('2026-12-01T10:00:00Z'));
      const note = (id: number, text: string) => call(a, 'updateAnnotation', { id, note: text });
      // Three saves while writing (the renderer saves after each 400 ms pause), each under 5 s apart.
      await note(sixth.id, 'Two counts');
      vi.setSystemTime(new Date('2026-12-01T10:00:03Z'));
      await note(sixth.id, 'Two counts disagree:');
      vi.setSystemTime(new Date('2026-12-01T10:00:06Z'));
      await note(sixth.id, 'Two counts disagree: check the readouts.');
      // Another claim's note is its own step, even at once.
      await note(five.id, 'Lower bound.');
      // After a pause longer than the burst, the same note again starts a new step.
      vi.setSystemTime(new Date('2026-12-01T10:00:20Z'));
      await note(five.id, 'Lower bound: at least five.');

      expect((await undo()).label).toBe('Edit note');
      expect((await state()).annotations.find((x: any) => x.id === five.id).note).toBe('Lower bound.');
      await undo();
      expect((await state()).annotations.find((x: any) => x.id === five.id).note).toBe('');
      const r = await undo();
      expect(r.label).toBe('Edit note');
      expect(r.state.annotations.find((x: any) => x.id === sixth.id).note).toBe('');
      expect((await undo()).label).toBe('Tag claim');
      // Redo brings the whole burst back; a save right after an undo is a new step, not the undone one's.
      await redo();
      await redo();
      expect((await state()).annotations.find((x: any) => x.id === sixth.id).note).toBe('Two counts disagree: check the readouts.');
      await undo();
      await note(sixth.id, 'Rewritten.');
      expect((await undo()).label).toBe('Edit note');
      expect((await state()).annotations.find((x: any) => x.id === sixth.id).note).toBe('');
    } finally {
      vi.useRealTimers();
    }
  });

  it('lets a claim sit in several flags; deleting it dissolves only the flags left with one claim', async () => {
    const { a, doc, tag, undo } = await seeded();
    const sixth = (await tag('claim', SIXTH)).annotation;
    const five = (await tag('claim', FIVE)).annotation;
    const third = (await tag('claim', 'their first direct exchange in nearly three years')).annotation;
    const pair = (await call(a, 'createFlag', { documentId: doc, memberIds: [sixth.id, five.id] })).flag;
    const trio = (await call(a, 'createFlag', { documentId: doc, memberIds: [sixth.id, five.id, third.id] })).flag;
    const r = await call(a, 'deleteAnnotation', { id: sixth.id });
    expect(r.relations.flags).toEqual([{ ...trio, memberIds: [five.id, third.id] }]);
    const u = await undo();
    expect(u.state.flags.map((f: any) => [f.id, f.memberIds])).toEqual([
      [pair.id, [sixth.id, five.id]],
      [trio.id, [sixth.id, five.id, third.id]],
    ]);
  });
});

describe('undo across documents', () => {
  it('refuses to undo a source that another document has cited since, and changes nothing', async () => {
    const fs = await import('node:fs');
    const os = await import('node:os');
    const path = await import('node:path');
    const { openApp } = await import('../app');
    const a = openApp(path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cs-xdoc-')), 'c.db'));
    try {
      const call = async (m: string, i: unknown): Promise<any> => {
        const r = await a.dispatch(m, i);
        if (!r.ok) throw new Error(r.error.message);
        return r.value;
      };
      const docA = (await call('importBytes', { name: 'a.txt', dataBase64: Buffer.from('The minister said taxes rise.').toString('base64') })).document.id;
      const docB = (await call('importBytes', { name: 'b.txt', dataBase64: Buffer.from('The minister said again taxes rise.').toString('base64') })).document.id;
      const source = (await call('createSource', { documentId: docA, name: 'The minister', type: 'person', reliability: 'C' })).source;
      const attribution = (await call('createAnnotation', { documentId: docB, kind: 'attribution', start: 0, end: 17 })).annotation;
      await call('setAnnotationSource', { annotationId: attribution.id, source: { id: source.id } });
      const before = JSON.stringify(a.db.prepare('SELECT * FROM links').all());
      const r = await a.dispatch('undo', { documentId: docA });
      expect(r).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringMatching(/^Cannot undo ".*": it would remove a source that a citation made since still uses/) } });
      expect(JSON.stringify(a.db.prepare('SELECT * FROM links').all())).toBe(before);
      expect((await call('getState', { documentId: docB })).sources.map((s: any) => s.name)).toEqual(['The minister']);
      // Once document B no longer cites it, the undo goes through.
      await call('undo', { documentId: docB });
      await call('undo', { documentId: docB });
      expect((await call('undo', { documentId: docA })).label).toMatch(/source/i);
    } finally {
      a.close();
    }
  });
});
