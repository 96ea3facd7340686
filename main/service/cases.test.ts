import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CaseSuggestion } from '../../common/domain';
import { mirroredCall } from '../../test/mirror';
import { openApp, type App } from '../app';

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
});
