import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CaseDocument } from '../../assist/cases';
import { CaseSuggestion } from '../../common/domain';
import { mirroredCall } from '../../test/mirror';
import { openApp, type App } from '../app';
import type { AssistantWorker } from './assistant';

// Cases and claim groups through the router as the renderer calls them: every write's change set
// is checked against a fresh read (test/mirror.ts); claim-group steps undo and redo in the case.

const opened: App[] = [];
afterEach(() => opened.splice(0).forEach((a) => a.close()));
const call = mirroredCall;

const READOUT = 'MOSCOW, 3 July 2025 - President Putin held a telephone conversation with President Trump. The conversation lasted 90 minutes. It was the sixth conversation between the two leaders this year.\n';
const STATEMENT = 'WASHINGTON, 3 July 2025 - The President spoke by phone with President Putin. The conversation lasted about an hour. It was the fifth conversation between the two leaders this year.\n';

async function seeded() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cs-cases-'));
  const a = openApp(path.join(dir, 'c.db'));
  opened.push(a);
  const docs: number[] = [];
  for (const [name, text] of [['kremlin.txt', READOUT], ['white-house.txt', STATEMENT]] as const) {
    fs.writeFileSync(path.join(dir, name), text);
    docs.push((await call(a, 'importFile', { path: path.join(dir, name) })).document.id);
  }
  return { a, docs };
}

async function failure(a: App, method: string, input: unknown) {
  const r = await a.dispatch(method, input);
  if (r.ok) throw new Error(`${method} should have failed`);
  return r.error;
}

async function claim(a: App, documentId: number, text: string, phrase: string) {
  const start = text.indexOf(phrase);
  return (await call(a, 'createAnnotation', { documentId, kind: 'claim', start, end: start + phrase.length })).annotation.id as number;
}

describe('cases', () => {
  it('creates, renames, lists, fills and deletes a case; a document can sit in several', async () => {
    const { a, docs } = await seeded();
    const c = (await call(a, 'createCase', { name: '  Phone call  ' })).case;
    expect(c).toMatchObject({ name: 'Phone call', documentIds: [] });
    expect((await failure(a, 'createCase', { name: 'phone CALL' })).code).toBe('conflict');
    expect((await call(a, 'addToCase', { caseId: c.id, documentIds: [docs[1], docs[0], docs[1]] })).case.documentIds).toEqual([docs[1], docs[0]]);
    const other = (await call(a, 'createCase', { name: 'Another' })).case;
    await call(a, 'addToCase', { caseId: other.id, documentIds: [docs[0]] });
    expect((await call(a, 'renameCase', { id: c.id, name: 'Leaders call' })).case.name).toBe('Leaders call');
    expect((await call(a, 'listCases', {})).cases.map((x: { name: string }) => x.name)).toEqual(['Another', 'Leaders call']);
    expect((await failure(a, 'addToCase', { caseId: c.id, documentIds: [999] })).code).toBe('not_found');
    expect((await failure(a, 'removeFromCase', { caseId: other.id, documentId: docs[1] })).code).toBe('invalid_input');
    expect((await call(a, 'removeFromCase', { caseId: c.id, documentId: docs[1] })).case.documentIds).toEqual([docs[0]]);
    const got = await call(a, 'getCase', { id: other.id });
    expect(got.documents).toEqual([expect.objectContaining({ document: expect.objectContaining({ id: docs[0] }), claims: 0, attributions: 0, flags: 0 })]);
    expect(got.history).toEqual({ caseId: other.id, canUndo: false, canRedo: false });
    expect((await call(a, 'deleteCase', { id: other.id })).deleted).toBe(other.id);
    expect((await failure(a, 'getCase', { id: other.id })).code).toBe('not_found');
    // The document stays in the library and in the other case.
    expect((await call(a, 'getCase', { id: c.id })).case.documentIds).toEqual([docs[0]]);
  });

  it('claim groups: each write one undoable step of the case, answered with its change set', async () => {
    const { a, docs } = await seeded();
    const c = (await call(a, 'createCase', { name: 'Call' })).case;
    await call(a, 'addToCase', { caseId: c.id, documentIds: docs });
    const k = await claim(a, docs[0]!, READOUT, 'The conversation lasted 90 minutes.');
    const w = await claim(a, docs[1]!, STATEMENT, 'The conversation lasted about an hour.');
    const w2 = await claim(a, docs[1]!, STATEMENT, 'It was the fifth conversation between the two leaders this year.');

    const made = await call(a, 'createClaimGroup', { caseId: c.id, label: 'Length of the call', members: [{ annotationId: k }] });
    expect(made.claimGroup).toMatchObject({ caseId: c.id, label: 'Length of the call', members: [{ annotationId: k, documentId: docs[0], stance: 'states' }] });
    expect(made.changes.claimGroups.upserted).toEqual([made.claimGroup]);
    expect(made.changes.caseHistory).toEqual({ caseId: c.id, canUndo: true, canRedo: false });
    const g = made.claimGroup.id;

    let r = await call(a, 'addToClaimGroup', { groupId: g, annotationId: w, stance: 'contradicts' });
    expect(r.claimGroup.members.map((m: { annotationId: number; stance: string }) => [m.annotationId, m.stance])).toEqual([[k, 'states'], [w, 'contradicts']]);
    r = await call(a, 'addToClaimGroup', { groupId: g, annotationId: w, stance: 'states' });
    expect(r.claimGroup.members[1].stance).toBe('states');
    r = await call(a, 'addToClaimGroup', { groupId: g, annotationId: w, stance: 'states' });
    expect(r.changes.claimGroups.upserted).toEqual([]);
    r = await call(a, 'removeFromClaimGroup', { groupId: g, annotationId: w });
    expect(r.claimGroup.members.map((m: { annotationId: number }) => m.annotationId)).toEqual([k]);

    // Undo walks back through the case's steps, redo forward; each answers with the group.
    let u = await call(a, 'undoCase', { caseId: c.id });
    expect(u.label).toBe('Remove claim from group');
    expect(u.changes.claimGroups.upserted[0].members).toHaveLength(2);
    u = await call(a, 'undoCase', { caseId: c.id });
    expect(u.changes.claimGroups.upserted[0].members[1].stance).toBe('contradicts');
    u = await call(a, 'redoCase', { caseId: c.id });
    expect(u.changes.claimGroups.upserted[0].members[1].stance).toBe('states');
    expect(u.changes.caseHistory).toEqual({ caseId: c.id, canUndo: true, canRedo: true });

    // A document's own undo history is untouched by the case's steps.
    expect((await call(a, 'getState', { documentId: docs[1] })).canUndo).toBe(true);
    const undoneDoc = await call(a, 'undo', { documentId: docs[1] });
    expect(undoneDoc.label).toMatch(/claim/i);

    const del = await call(a, 'deleteClaimGroup', { id: g });
    expect(del.changes.claimGroups.removed).toEqual([g]);
    expect((await call(a, 'getCase', { id: c.id })).claimGroups).toEqual([]);
    u = await call(a, 'undoCase', { caseId: c.id });
    expect(u.label).toBe('Delete claim group');
    expect((await call(a, 'getCase', { id: c.id })).claimGroups).toEqual([expect.objectContaining({ id: g, members: expect.any(Array) })]);
    expect((await call(a, 'getCase', { id: c.id })).claimGroups[0].members).toHaveLength(2);
    void w2;
  });

  it('refuses members that are not claims of the case, and deleting a claim leaves its groups recorded', async () => {
    const { a, docs } = await seeded();
    const c = (await call(a, 'createCase', { name: 'Call' })).case;
    await call(a, 'addToCase', { caseId: c.id, documentIds: [docs[0]] });
    const k = await claim(a, docs[0]!, READOUT, 'The conversation lasted 90 minutes.');
    const outside = await claim(a, docs[1]!, STATEMENT, 'The conversation lasted about an hour.');
    expect((await failure(a, 'createClaimGroup', { caseId: c.id, members: [{ annotationId: outside }] })).message).toMatch(/not in case/);
    expect((await failure(a, 'createClaimGroup', { caseId: c.id, members: [{ annotationId: 99999 }] })).code).toBe('not_found');
    const g = (await call(a, 'createClaimGroup', { caseId: c.id, members: [{ annotationId: k }] })).claimGroup.id;
    expect((await failure(a, 'removeFromClaimGroup', { groupId: g, annotationId: outside })).code).toBe('invalid_input');

    // Deleting the claim takes its membership along as a recorded change; the document's undo brings both back.
    const del = await call(a, 'deleteAnnotation', { id: k });
    expect(del.changes.claimGroups.upserted[0].members).toEqual([]);
    await call(a, 'undo', { documentId: docs[0] });
    expect((await call(a, 'getCase', { id: c.id })).claimGroups[0].members.map((m: { annotationId: number }) => m.annotationId)).toEqual([k]);
    // Undoing the claim's creation now would take a claim group's member along: refused.
    const refused = await failure(a, 'undo', { documentId: docs[0] });
    expect(refused.code).toBe('conflict');
    expect(refused.message).toMatch(/claim group/);
  });

  it('a new version of a document takes its place in its cases', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cs-cases-v-'));
    const a = openApp(path.join(dir, 'c.db'));
    opened.push(a);
    const file = path.join(dir, 'readout.txt');
    fs.writeFileSync(file, READOUT);
    const first = (await call(a, 'importFile', { path: file })).document.id;
    const c = (await call(a, 'createCase', { name: 'Call' })).case;
    await call(a, 'addToCase', { caseId: c.id, documentIds: [first] });
    fs.writeFileSync(file, READOUT + 'A second paragraph was added.\n');
    const next = (await call(a, 'importFile', { path: file })).document.id;
    expect(next).not.toBe(first);
    expect((await call(a, 'getCase', { id: c.id })).case.documentIds).toEqual([next]);
  });

  it('suggests cross-document contradictions with each span in its document', async () => {
    const { a, docs } = await seeded();
    const c = (await call(a, 'createCase', { name: 'Call' })).case;
    await call(a, 'addToCase', { caseId: c.id, documentIds: docs });
    const { suggestions } = await call(a, 'suggestCase', { caseId: c.id });
    for (const s of suggestions) expect(CaseSuggestion.safeParse(s).success).toBe(true);
    const contradictions = suggestions.filter((s: CaseSuggestion) => s.type === 'inconsistency');
    expect(contradictions.length).toBeGreaterThanOrEqual(1);
    for (const s of contradictions) {
      expect(new Set(s.spans.map((x: { documentId: number }) => x.documentId))).toEqual(new Set(docs));
      for (const x of s.spans) expect(x.text).toBe((x.documentId === docs[0] ? READOUT : STATEMENT).slice(x.start, x.end));
      expect(s.explanation).toMatch(/kremlin|white-house/i);
    }
  });

  it('tells how far a running match has read, and that none runs after it', async () => {
    const { a, docs } = await seeded();
    const c = (await call(a, 'createCase', { name: 'Call' })).case;
    await call(a, 'addToCase', { caseId: c.id, documentIds: docs });
    expect(await call(a, 'caseSuggestionProgress', { caseId: c.id })).toEqual({ running: false, done: 0, total: 0 });
    const running = call(a, 'suggestCase', { caseId: c.id });
    expect(await call(a, 'caseSuggestionProgress', { caseId: c.id })).toMatchObject({ running: true, total: 2 });
    await running;
    expect(await call(a, 'caseSuggestionProgress', { caseId: c.id })).toEqual({ running: false, done: 0, total: 0 });
    await expect(call(a, 'caseSuggestionProgress', { caseId: 999 })).rejects.toThrow(/case/i);
  });
});

// Cross-document suggestions accepted and dismissed, the analyst's credibility, the ACH matrix and
// the evidence getCase computes. The assistant is a stub here (what suggestCase does with its
// answer is under test, not the engine); the last test runs the real one.

const WIRE = 'LONDON, 3 July 2025 - Citing TASS, Reuters said the conversation lasted 90 minutes. It was the sixth conversation this year.\n';

function stubAssistant(answer: () => CaseSuggestion[]): AssistantWorker & { calls: CaseDocument[][] } {
  const calls: CaseDocument[][] = [];
  const stub = {
    calls,
    warm() {},
    close() {},
    run() {
      throw new Error('not in these tests');
    },
    async suggestCase(docs: CaseDocument[]) {
      calls.push(docs);
      return answer();
    },
  };
  return stub as unknown as AssistantWorker & { calls: CaseDocument[][] };
}

async function caseOfThree(answer: (docs: number[]) => CaseSuggestion[] = () => []) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cs-cases-s-'));
  let docs: number[] = [];
  const assistant = stubAssistant(() => answer(docs));
  const a = openApp(path.join(dir, 'c.db'), { assistant });
  opened.push(a);
  docs = [];
  for (const [name, text] of [['kremlin.txt', READOUT], ['white-house.txt', STATEMENT], ['wire.txt', WIRE]] as const) {
    fs.writeFileSync(path.join(dir, name), text);
    docs.push((await call(a, 'importFile', { path: path.join(dir, name) })).document.id);
  }
  const c = (await call(a, 'createCase', { name: 'Call' })).case;
  await call(a, 'addToCase', { caseId: c.id, documentIds: docs });
  return { a, docs, caseId: c.id as number, assistant };
}

function span(documentId: number, text: string, phrase: string) {
  const start = text.indexOf(phrase);
  if (start < 0) throw new Error(`no "${phrase}"`);
  return { documentId, start, end: start + phrase.length, text: phrase };
}

/** The contradiction of the call's length (readout 90 minutes, statement about an hour) and the corroboration of its count (readout, wire). */
function suggestionsFor(docs: number[]): CaseSuggestion[] {
  return [
    {
      type: 'inconsistency',
      kind: 'duration',
      explanation: 'kremlin: the conversation lasted 90 minutes; white-house: about an hour',
      spans: [span(docs[0]!, READOUT, 'The conversation lasted 90 minutes.'), span(docs[1]!, STATEMENT, 'The conversation lasted about an hour.')],
    },
    {
      type: 'corroboration',
      kind: 'ordinal',
      explanation: 'kremlin and wire: the sixth conversation this year',
      spans: [span(docs[0]!, READOUT, 'sixth conversation'), span(docs[2]!, WIRE, 'sixth conversation')],
    },
  ];
}

async function claimsOf(a: App, documentId: number) {
  return (await call(a, 'getState', { documentId })).annotations.filter((x: { kind: string }) => x.kind === 'claim') as Array<{ id: number; start: number; end: number }>;
}

describe('case suggestions: accepted, dismissed, left out once grouped', () => {
  it('accepting a contradiction tags both passages and groups them, once; undo takes the new claims away, redo brings them back', async () => {
    const { a, docs, caseId } = await caseOfThree(suggestionsFor);
    const [contradiction] = (await call(a, 'suggestCase', { caseId })).suggestions as CaseSuggestion[];
    const accepted = await call(a, 'acceptCaseSuggestion', { caseId, suggestion: contradiction });
    expect(accepted.tagged).toBe(2);
    const group = accepted.claimGroup;
    expect(group).toMatchObject({ caseId, label: contradiction!.explanation, credibility: null });
    expect(group.members.map((m: { documentId: number; stance: string; exact: string; start: number; end: number }) => [m.documentId, m.stance, m.exact, m.start, m.end])).toEqual(
      contradiction!.spans.map((x, i) => [x.documentId, i === 0 ? 'states' : 'contradicts', x.text, x.start, x.end]),
    );
    expect(accepted.changes.claimGroups.upserted).toEqual([group]);
    expect(accepted.changes.caseHistory).toEqual({ caseId, canUndo: true, canRedo: false });
    const made = [...(await claimsOf(a, docs[0]!)), ...(await claimsOf(a, docs[1]!))];
    expect(made.map((c) => c.id).sort()).toEqual(group.members.map((m: { annotationId: number }) => m.annotationId).sort());
    // The new claims are the case's step, not the documents': their own undo has nothing.
    expect((await call(a, 'getState', { documentId: docs[0] })).canUndo).toBe(false);

    // Accepted again: the same group, nothing tagged, no second step.
    const again = await call(a, 'acceptCaseSuggestion', { caseId, suggestion: contradiction });
    expect(again).toMatchObject({ tagged: 0, claimGroup: { id: group.id } });
    expect(again.changes.claimGroups).toEqual({ upserted: [], removed: [] });
    expect((await call(a, 'getCase', { id: caseId })).claimGroups).toHaveLength(1);
    // Grouped: not proposed again; the corroboration still is.
    expect((await call(a, 'suggestCase', { caseId })).suggestions.map((s: CaseSuggestion) => s.type)).toEqual(['corroboration']);

    const undone = await call(a, 'undoCase', { caseId });
    expect(undone.label).toBe('Accept cross-document contradiction');
    expect(undone.changes.claimGroups.removed).toEqual([group.id]);
    expect(undone.changes.caseHistory).toEqual({ caseId, canUndo: false, canRedo: true });
    expect(await claimsOf(a, docs[0]!)).toEqual([]);
    expect(await claimsOf(a, docs[1]!)).toEqual([]);
    expect((await call(a, 'getCase', { id: caseId })).claimGroups).toEqual([]);
    expect((await call(a, 'suggestCase', { caseId })).suggestions).toHaveLength(2);

    const redone = await call(a, 'redoCase', { caseId });
    expect(redone.changes.claimGroups.upserted).toEqual([group]);
    expect([...(await claimsOf(a, docs[0]!)), ...(await claimsOf(a, docs[1]!))].map((c) => c.id).sort()).toEqual(made.map((c) => c.id).sort());

    // Two histories: the analyst deletes an accepted claim in its document, the case's undo then
    // takes the group away; the document's undo cannot bring the claim's membership back: refused.
    const first = group.members[0].annotationId;
    await call(a, 'deleteAnnotation', { id: first });
    expect((await call(a, 'undoCase', { caseId })).label).toBe('Accept cross-document contradiction');
    expect(await claimsOf(a, docs[1]!)).toEqual([]);
    const refused = await failure(a, 'undo', { documentId: docs[0] });
    expect(refused.code).toBe('conflict');
    expect(refused.message).toMatch(/(claim group|flag) member whose claim( group)? was removed/);
    // Redoing the accept first makes the document's undo possible again.
    await call(a, 'redoCase', { caseId });
    await call(a, 'undo', { documentId: docs[0] });
    expect((await call(a, 'getCase', { id: caseId })).claimGroups[0].members).toHaveLength(2);
  });

  it('an accepted contradiction is an inconsistency flag in each of its documents: edited from either, exported, undone with the case, dissolved with a document', async () => {
    const { a, docs, caseId } = await caseOfThree(suggestionsFor);
    const [contradiction, corroboration] = suggestionsFor(docs);
    expect((await call(a, 'acceptCaseSuggestion', { caseId, suggestion: corroboration })).flagId).toBeNull();
    const accepted = await call(a, 'acceptCaseSuggestion', { caseId, suggestion: contradiction });
    const flagId = accepted.flagId as number;
    expect(flagId).toEqual(expect.any(Number));
    const [kremlin, whiteHouse] = accepted.claimGroup.members.map((m: { annotationId: number }) => m.annotationId);
    const flagsOf = async (documentId: number) => (await call(a, 'getState', { documentId })).flags as Array<Record<string, unknown>>;
    for (const d of [docs[0]!, docs[1]!]) {
      expect(await flagsOf(d)).toEqual([
        expect.objectContaining({
          id: flagId,
          documentId: docs[0],
          status: 'open',
          explanation: contradiction!.explanation,
          memberIds: [kremlin, whiteHouse],
          across: [
            { annotationId: kremlin, documentId: docs[0], title: 'kremlin', exact: 'The conversation lasted 90 minutes.' },
            { annotationId: whiteHouse, documentId: docs[1], title: 'white-house', exact: 'The conversation lasted about an hour.' },
          ],
        }),
      ]);
    }
    expect(await flagsOf(docs[2]!)).toEqual([]);

    // Confirmed from the second document: its answer carries the flag, which both documents show,
    // and its own history holds the step (not the first document's); the case's third document
    // is no place to edit it from.
    expect((await failure(a, 'updateFlag', { id: flagId, documentId: docs[2], status: 'confirmed' })).message).toMatch(/has no claim in document/);
    const confirmed = await call(a, 'updateFlag', { id: flagId, documentId: docs[1], status: 'confirmed' });
    expect(confirmed.changes).toMatchObject({ documentId: docs[1], history: { canUndo: true } });
    expect(confirmed.flag).toMatchObject({ id: flagId, status: 'confirmed' });
    expect(confirmed.changes.flags.upserted.map((f: { id: number }) => f.id)).toEqual([flagId]);
    expect((await flagsOf(docs[1]!))[0]).toMatchObject({ status: 'confirmed' });
    // A member of another document stays when the flag's other members change; a claim of another
    // document still cannot be added by hand.
    const third = await claim(a, docs[0]!, READOUT, 'It was the sixth conversation between the two leaders this year.');
    await call(a, 'updateFlag', { id: flagId, memberIds: [kremlin, whiteHouse, third] });
    expect((await flagsOf(docs[1]!))[0]!.memberIds).toEqual([kremlin, whiteHouse, third]);
    const wireClaim = await claim(a, docs[2]!, WIRE, 'sixth conversation');
    expect((await failure(a, 'updateFlag', { id: flagId, memberIds: [kremlin, whiteHouse, wireClaim] })).message).toMatch(/belongs to another document/);

    // The second document's report names the first document's passage by its document.
    const md = (await call(a, 'exportReport', { documentId: docs[1], format: 'md' })).content as string;
    expect(md).toContain('- in kremlin: “The conversation lasted 90 minutes.”');
    const html = (await call(a, 'exportReport', { documentId: docs[1], format: 'html' })).content as string;
    expect(html).toContain('<li>In kremlin: <q>The conversation lasted 90 minutes.</q></li>');
    expect(html).not.toContain('no longer exists');
    // Its annotation file targets its own claim only, names the other, and reads back in.
    const json = (await call(a, 'exportReport', { documentId: docs[1], format: 'json' })).content as string;
    const flagItem = (JSON.parse(json).first.items as Array<Record<string, unknown>>).find((i) => i.motivation === 'questioning')!;
    expect(flagItem['claimscope:elsewhere']).toEqual([
      { title: 'kremlin', exact: 'The conversation lasted 90 minutes.' },
      { title: 'kremlin', exact: 'It was the sixth conversation between the two leaders this year.' },
    ]);
    expect((flagItem.target as unknown[]).length).toBe(1);
    expect((await call(a, 'importAnnotations', { name: 'white-house.jsonld', json })).documentId).toBe(docs[1]);

    // Undone with the case's step, once the flag's later edits (the members and the third claim in
    // the first document's history, the status in the second's) are undone; before that, refused
    // rather than overwritten.
    expect((await failure(a, 'undoCase', { caseId })).message).toMatch(/a flag it touched was changed since/);
    for (const label of ['Edit flagged claims', 'Tag claim']) {
      expect((await call(a, 'undo', { documentId: docs[0] })).label).toMatch(new RegExp(`^${label}`));
    }
    expect((await failure(a, 'undoCase', { caseId })).message).toMatch(/a flag it touched was changed since/);
    for (const label of ['Import annotations', 'Set flag status: confirmed']) {
      expect((await call(a, 'undo', { documentId: docs[1] })).label).toBe(label);
    }
    expect((await flagsOf(docs[0]!))[0]).toMatchObject({ status: 'open' });
    expect((await call(a, 'undoCase', { caseId })).label).toBe('Accept cross-document contradiction');
    expect(await flagsOf(docs[0]!)).toEqual([]);
    expect(await flagsOf(docs[1]!)).toEqual([]);
    await call(a, 'redoCase', { caseId });
    expect((await flagsOf(docs[1]!)).map((f) => f.id)).toEqual([flagId]);

    // The second document deleted: the flag keeps one claim, so it is no flag.
    await call(a, 'deleteDocument', { id: docs[1] });
    expect(await flagsOf(docs[0]!)).toEqual([]);
  });

  it('reuses a claim over exactly the same words (undo leaves it), makes a corroboration all-stating, and refuses what is not in the case', async () => {
    const { a, docs, caseId } = await caseOfThree(suggestionsFor);
    const [contradiction, corroboration] = suggestionsFor(docs);
    const before = await claim(a, docs[2]!, WIRE, 'sixth conversation');
    // Around the passage but not exactly it: a new claim is made.
    const around = await claim(a, docs[0]!, READOUT, 'It was the sixth conversation between the two leaders this year.');
    const r = await call(a, 'acceptCaseSuggestion', { caseId, suggestion: corroboration });
    expect(r.tagged).toBe(1);
    expect(r.claimGroup.label).toBe('kremlin and wire: the sixth conversation this year');
    const members = r.claimGroup.members.map((m: { annotationId: number; stance: string }) => [m.annotationId, m.stance]);
    expect(members[1]).toEqual([before, 'states']);
    expect(members[0][0]).not.toBe(around);
    expect(members[0][1]).toBe('states');
    await call(a, 'undoCase', { caseId });
    expect((await claimsOf(a, docs[2]!)).map((c) => c.id)).toEqual([before]);
    expect((await claimsOf(a, docs[0]!)).map((c) => c.id)).toEqual([around]);

    await call(a, 'removeFromCase', { caseId, documentId: docs[1] });
    expect((await failure(a, 'acceptCaseSuggestion', { caseId, suggestion: contradiction })).message).toMatch(/not in case/);
    const moved = { ...corroboration!, spans: [{ ...corroboration!.spans[0]!, start: corroboration!.spans[0]!.start + 1 }, corroboration!.spans[1]!] };
    expect((await failure(a, 'acceptCaseSuggestion', { caseId, suggestion: moved })).code).toBe('conflict');
    const outside = { ...corroboration!, spans: [{ ...corroboration!.spans[0]!, start: 0, end: 10_000 }, corroboration!.spans[1]!] };
    expect((await failure(a, 'acceptCaseSuggestion', { caseId, suggestion: outside })).code).toBe('invalid_input');
    // Nothing was written by the refusals.
    expect((await call(a, 'getCase', { id: caseId })).history).toEqual({ caseId, canUndo: false, canRedo: true });
  });

  it('an accepted claim that an attribution of its sentence covers is linked to it (and so relies on its source)', async () => {
    const { a, docs, caseId } = await caseOfThree(suggestionsFor);
    const cue = WIRE.indexOf('Citing TASS, Reuters said');
    const attribution = (await call(a, 'createAnnotation', { documentId: docs[2], kind: 'attribution', start: cue, end: cue + 'Citing TASS, Reuters said'.length })).annotation.id;
    await call(a, 'setAnnotationSource', { annotationId: attribution, source: { create: { name: 'TASS', reliability: 'B' } } });
    const corroboration = suggestionsFor(docs)[1]!;
    const accepted = await call(a, 'acceptCaseSuggestion', { caseId, suggestion: corroboration });
    const wireClaim = accepted.claimGroup.members[1].annotationId;
    const links = (await call(a, 'getState', { documentId: docs[2] })).links;
    expect(links).toContainEqual(expect.objectContaining({ fromId: attribution, toAnnotationId: wireClaim }));
    const evidence = (await call(a, 'getCase', { id: caseId })).evidence[0];
    expect(evidence.sources.map((s: { name: string }) => s.name)).toContain('TASS');
    // Undo takes the link along with the claim.
    await call(a, 'undoCase', { caseId });
    expect((await call(a, 'getState', { documentId: docs[2] })).links.filter((l: { toAnnotationId: number | null }) => l.toAnnotationId !== null)).toEqual([]);
  });

  it('a dismissed suggestion is not proposed again until the dismissal is undone', async () => {
    const { a, docs, caseId, assistant } = await caseOfThree(suggestionsFor);
    const [contradiction] = suggestionsFor(docs);
    // The spans in another order are the same suggestion.
    const reversed = { ...contradiction!, spans: [...contradiction!.spans].reverse() };
    const d = await call(a, 'dismissCaseSuggestion', { caseId, suggestion: reversed });
    expect(d.changes.caseHistory).toEqual({ caseId, canUndo: true, canRedo: false });
    expect((await call(a, 'suggestCase', { caseId })).suggestions.map((s: CaseSuggestion) => s.type)).toEqual(['corroboration']);
    // Dismissed twice: no second step.
    await call(a, 'dismissCaseSuggestion', { caseId, suggestion: contradiction });
    expect((await call(a, 'undoCase', { caseId })).label).toBe('Dismiss suggestion');
    expect((await call(a, 'getCase', { id: caseId })).history.canUndo).toBe(false);
    expect((await call(a, 'suggestCase', { caseId })).suggestions).toHaveLength(2);
    await call(a, 'redoCase', { caseId });
    expect((await call(a, 'suggestCase', { caseId })).suggestions).toHaveLength(1);
    // Another case of the same documents still proposes it.
    const other = (await call(a, 'createCase', { name: 'Other' })).case.id;
    await call(a, 'addToCase', { caseId: other, documentIds: docs });
    expect((await call(a, 'suggestCase', { caseId: other })).suggestions).toHaveLength(2);
    // The assistant was asked with the case's documents, texts and titles.
    expect(assistant.calls[0]!.map((d) => [d.id, d.text])).toEqual([[docs[0], READOUT], [docs[1], STATEMENT], [docs[2], WIRE]]);
    expect(assistant.calls[0]![0]!.title).toMatch(/kremlin/i);
  });

  it('leaves out a suggestion whose passages one group already covers, not one that two groups cover between them', async () => {
    const { a, docs, caseId } = await caseOfThree(suggestionsFor);
    const k = await claim(a, docs[0]!, READOUT, 'The conversation lasted 90 minutes.');
    const w = await claim(a, docs[1]!, STATEMENT, 'The conversation lasted about an hour.');
    const g1 = (await call(a, 'createClaimGroup', { caseId, members: [{ annotationId: k }] })).claimGroup.id;
    await call(a, 'createClaimGroup', { caseId, members: [{ annotationId: w }] });
    expect((await call(a, 'suggestCase', { caseId })).suggestions).toHaveLength(2);
    await call(a, 'addToClaimGroup', { groupId: g1, annotationId: w, stance: 'contradicts' });
    expect((await call(a, 'suggestCase', { caseId })).suggestions.map((s: CaseSuggestion) => s.type)).toEqual(['corroboration']);
    // A group with passages of the same two documents elsewhere in them does not cover it.
    const wireLength = await claim(a, docs[2]!, WIRE, 'Reuters said the conversation lasted 90 minutes.');
    await call(a, 'addToClaimGroup', { groupId: g1, annotationId: wireLength });
    expect((await call(a, 'suggestCase', { caseId })).suggestions.map((s: CaseSuggestion) => s.type)).toEqual(['corroboration']);
    // A sentence-long claim covers the word-long passage inside it.
    const sentence = await claim(a, docs[0]!, READOUT, 'It was the sixth conversation between the two leaders this year.');
    const wire = await claim(a, docs[2]!, WIRE, 'It was the sixth conversation this year.');
    await call(a, 'createClaimGroup', { caseId, members: [{ annotationId: sentence }, { annotationId: wire }] });
    expect((await call(a, 'suggestCase', { caseId })).suggestions).toEqual([]);
    // Accepting the covered corroboration now tags its exact words and makes its own group (not the sentence group).
    const accepted = await call(a, 'acceptCaseSuggestion', { caseId, suggestion: suggestionsFor(docs)[1] });
    expect(accepted.tagged).toBe(2);
  });
});

describe('claim group credibility, hypotheses and marks: each one undoable step of the case', () => {
  it('sets and clears the analyst\'s credibility and label', async () => {
    const { a, docs, caseId } = await caseOfThree();
    const k = await claim(a, docs[0]!, READOUT, 'The conversation lasted 90 minutes.');
    const g = (await call(a, 'createClaimGroup', { caseId, label: 'Length', members: [{ annotationId: k }] })).claimGroup;
    let r = await call(a, 'updateClaimGroup', { id: g.id, credibility: 2 });
    expect(r.claimGroup).toMatchObject({ credibility: 2, label: 'Length' });
    expect(r.changes.claimGroups.upserted).toEqual([r.claimGroup]);
    r = await call(a, 'updateClaimGroup', { id: g.id, label: '  Length of the call ', credibility: 3 });
    expect(r.claimGroup).toMatchObject({ credibility: 3, label: 'Length of the call' });
    r = await call(a, 'updateClaimGroup', { id: g.id, credibility: 3 });
    expect(r.changes.claimGroups.upserted).toEqual([]);
    expect((await failure(a, 'updateClaimGroup', { id: g.id, credibility: 7 })).code).toBe('invalid_input');
    expect((await failure(a, 'updateClaimGroup', { id: 9999, credibility: 1 })).code).toBe('not_found');
    r = await call(a, 'updateClaimGroup', { id: g.id, credibility: null });
    expect(r.claimGroup.credibility).toBeNull();
    let u = await call(a, 'undoCase', { caseId });
    expect(u.label).toBe('Clear credibility');
    expect(u.changes.claimGroups.upserted[0].credibility).toBe(3);
    u = await call(a, 'undoCase', { caseId });
    expect(u.label).toBe('Edit claim group');
    expect(u.changes.claimGroups.upserted[0]).toMatchObject({ credibility: 2, label: 'Length' });
    expect((await call(a, 'getCase', { id: caseId })).claimGroups[0]).toMatchObject({ credibility: 2, label: 'Length' });
  });

  it('hypotheses as columns in order, marks set, changed and cleared; a deleted hypothesis takes its marks and undo brings them back', async () => {
    const { a, docs, caseId } = await caseOfThree();
    const k = await claim(a, docs[0]!, READOUT, 'The conversation lasted 90 minutes.');
    const g = (await call(a, 'createClaimGroup', { caseId, members: [{ annotationId: k }] })).claimGroup.id;
    const h1 = await call(a, 'createHypothesis', { caseId, label: ' Moscow asked for the call ' });
    expect(h1.hypothesis).toMatchObject({ caseId, label: 'Moscow asked for the call', position: 0 });
    expect(h1.changes.hypotheses).toEqual({ upserted: [h1.hypothesis], removed: [] });
    expect(h1.changes.caseHistory.canUndo).toBe(true);
    const h2 = (await call(a, 'createHypothesis', { caseId, label: 'Washington asked' })).hypothesis;
    expect(h2.position).toBe(1);
    expect((await failure(a, 'createHypothesis', { caseId, label: '   ' })).code).toBe('invalid_input');
    const renamed = await call(a, 'updateHypothesis', { id: h2.id, label: 'Washington asked for it' });
    expect(renamed.hypothesis).toMatchObject({ id: h2.id, label: 'Washington asked for it', position: 1 });

    let m = await call(a, 'setAchMark', { hypothesisId: h1.hypothesis.id, groupId: g, mark: 'consistent' });
    expect(m.changes.achMarks.upserted).toEqual([expect.objectContaining({ hypothesisId: h1.hypothesis.id, groupId: g, mark: 'consistent' })]);
    const markId = m.changes.achMarks.upserted[0].id;
    m = await call(a, 'setAchMark', { hypothesisId: h1.hypothesis.id, groupId: g, mark: 'inconsistent' });
    expect(m.changes.achMarks.upserted).toEqual([{ id: markId, hypothesisId: h1.hypothesis.id, groupId: g, mark: 'inconsistent' }]);
    m = await call(a, 'setAchMark', { hypothesisId: h1.hypothesis.id, groupId: g, mark: 'inconsistent' });
    expect(m.changes.achMarks).toBeUndefined();
    await call(a, 'setAchMark', { hypothesisId: h2.id, groupId: g, mark: 'not_applicable' });
    m = await call(a, 'setAchMark', { hypothesisId: h2.id, groupId: g, mark: null });
    expect(m.changes.achMarks.removed).toHaveLength(1);
    await call(a, 'setAchMark', { hypothesisId: h2.id, groupId: g, mark: 'consistent' });

    let got = await call(a, 'getCase', { id: caseId });
    expect(got.hypotheses.map((h: { label: string }) => h.label)).toEqual(['Moscow asked for the call', 'Washington asked for it']);
    expect(got.marks.map((x: { hypothesisId: number; mark: string }) => [x.hypothesisId, x.mark])).toEqual([[h1.hypothesis.id, 'inconsistent'], [h2.id, 'consistent']]);

    const del = await call(a, 'deleteHypothesis', { id: h1.hypothesis.id });
    expect(del.changes.hypotheses.removed).toEqual([h1.hypothesis.id]);
    expect(del.changes.achMarks.removed).toEqual([markId]);
    got = await call(a, 'getCase', { id: caseId });
    expect(got.hypotheses.map((h: { id: number }) => h.id)).toEqual([h2.id]);
    expect(got.marks).toHaveLength(1);
    const u = await call(a, 'undoCase', { caseId });
    expect(u.label).toBe('Delete hypothesis');
    expect(u.changes.hypotheses.upserted).toEqual([h1.hypothesis]);
    expect(u.changes.achMarks.upserted).toEqual([{ id: markId, hypothesisId: h1.hypothesis.id, groupId: g, mark: 'inconsistent' }]);
    got = await call(a, 'getCase', { id: caseId });
    expect(got.hypotheses.map((h: { id: number }) => h.id)).toEqual([h1.hypothesis.id, h2.id]);
    expect(got.marks).toHaveLength(2);
    // A new hypothesis goes after the last, and a deleted claim group takes its marks too.
    expect((await call(a, 'createHypothesis', { caseId, label: 'Third' })).hypothesis.position).toBe(2);
    const gone = await call(a, 'deleteClaimGroup', { id: g });
    expect(gone.changes.achMarks.removed.sort()).toEqual(got.marks.map((x: { id: number }) => x.id).sort());

    // A mark across cases is refused.
    const other = (await call(a, 'createCase', { name: 'Other' })).case.id;
    const foreign = (await call(a, 'createHypothesis', { caseId: other, label: 'Elsewhere' })).hypothesis.id;
    await call(a, 'undoCase', { caseId });
    expect((await failure(a, 'setAchMark', { hypothesisId: foreign, groupId: g, mark: 'consistent' })).code).toBe('invalid_input');
    expect((await failure(a, 'updateHypothesis', { id: 9999, label: 'x' })).code).toBe('not_found');
  });
});

describe('getCase: the evidence of each group', () => {
  it('counts the sources each passage relies on, independently, and proposes a credibility', async () => {
    const { a, docs, caseId } = await caseOfThree();
    const titles = (await call(a, 'getCase', { id: caseId })).documents.map((d: { document: { title: string } }) => d.document.title);
    const k = await claim(a, docs[0]!, READOUT, 'The conversation lasted 90 minutes.');
    const w = await claim(a, docs[1]!, STATEMENT, 'The conversation lasted about an hour.');
    const wire = await claim(a, docs[2]!, WIRE, 'Reuters said the conversation lasted 90 minutes.');
    const cue = WIRE.indexOf('Citing TASS');
    const attribution = (await call(a, 'createAnnotation', { documentId: docs[2], kind: 'attribution', start: cue, end: cue + 'Citing TASS'.length })).annotation.id;
    const tass = (await call(a, 'setAnnotationSource', { annotationId: attribution, source: { create: { name: 'TASS', reliability: 'B' } } })).source.id;
    await call(a, 'setAnnotationSource', { annotationId: k, source: { id: tass } });

    const g1 = (await call(a, 'createClaimGroup', { caseId, label: 'Length', members: [{ annotationId: k }, { annotationId: wire }] })).claimGroup.id;
    const g2 = (await call(a, 'createClaimGroup', { caseId, label: 'Length, by the statement', members: [{ annotationId: w }] })).claimGroup.id;
    let got = await call(a, 'getCase', { id: caseId });
    expect(got.evidence.map((e: { groupId: number }) => e.groupId)).toEqual([g1, g2]);
    // The readout's claim cites TASS itself, the wire's through its attribution: one source.
    expect(got.evidence[0]).toMatchObject({
      stating: [docs[0], docs[2]],
      contradicting: [],
      sources: [{ sourceId: tass, name: 'TASS', reliability: 'B', stance: 'states', documentIds: [docs[0], docs[2]] }],
      independentStating: 1,
      proposed: 2,
    });
    expect(got.evidence[0].reason).toBe('Stated by one source only (TASS, graded B), none contradicts it.');
    // No source: the document stands for its outlet (its title).
    expect(got.evidence[1]).toMatchObject({ sources: [{ sourceId: null, name: titles[1], reliability: null }], proposed: 3 });

    // The white house contradicts: as many against as for.
    await call(a, 'addToClaimGroup', { groupId: g1, annotationId: w, stance: 'contradicts' });
    got = await call(a, 'getCase', { id: caseId });
    expect(got.evidence[0]).toMatchObject({ contradicting: [docs[1]], independentStating: 1, independentContradicting: 1, proposed: 4 });
    expect(got.evidence[0].reason).toBe(`Stated by 1 independent source (TASS) and contradicted by as many (${titles[1]}).`);
    // The readout relying on itself instead: two independent sources for, one against.
    await call(a, 'setAnnotationSource', { annotationId: k, source: null });
    got = await call(a, 'getCase', { id: caseId });
    expect(got.evidence[0]).toMatchObject({ independentStating: 2, independentContradicting: 1, proposed: 3 });
    expect(got.evidence[0].sources.map((s: { name: string }) => s.name)).toEqual([titles[0], 'TASS', titles[1]]);
  });
});

describe('suggestCase on the assistant', () => {
  it('asks the assistant worker, not the service thread', async () => {
    const { a, caseId, assistant } = await caseOfThree(() => []);
    expect((await call(a, 'suggestCase', { caseId, corroborations: false })).suggestions).toEqual([]);
    expect(assistant.calls).toHaveLength(1);
  });
});
