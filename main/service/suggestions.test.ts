import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { mirroredCall } from '../../test/mirror';
import { CORPUS } from '../../test/built';
import { openApp, type App } from '../app';

const opened: App[] = [];
afterEach(() => opened.splice(0).forEach((a) => a.close()));

/** Every write's change set is checked against a fresh read (test/mirror.ts). */
const call = mirroredCall;

async function suggested(file = 'kremlin-call.txt') {
  const a = openApp(path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cs-sug-')), 'c.db'));
  opened.push(a);
  const { document } = await call(a, 'importFile', { path: path.join(CORPUS, file) });
  await call(a, 'runSuggestions', { documentId: document.id });
  let status: any;
  do {
    await new Promise((r) => setTimeout(r, 10));
    status = await call(a, 'listSuggestions', { documentId: document.id });
  } while (status.running);
  expect(status.error).toBeNull();
  return { a, id: document.id as number, status };
}

describe('suggestions', () => {
  it('finds the seed article’s inconsistency and attributions, stored as pending', async () => {
    const { status } = await suggested();
    const types = status.suggestions.map((s: any) => s.suggestion.type);
    expect(types).toContain('inconsistency');
    expect(status.suggestions.some((s: any) => s.suggestion.type === 'attribution' && s.suggestion.source === 'Yury Ushakov')).toBe(true);
    expect(status.suggestions.every((s: any) => s.state === 'pending')).toBe(true);
    expect(status.progress).toBe(1);
  });

  it('accepting an inconsistency creates two claims and a flag explaining it; undo takes it all back', async () => {
    const { a, id, status } = await suggested();
    const count = status.suggestions.find((s: any) => s.suggestion.type === 'inconsistency' && s.suggestion.kind === 'count');
    const r = await call(a, 'acceptSuggestions', { documentId: id, ids: [count.id] });
    expect(r).toMatchObject({ accepted: 1, created: { claims: 2, flags: 1 } });
    const state = await call(a, 'getState', { documentId: id });
    expect(state.flags).toHaveLength(1);
    expect(state.flags[0].explanation).toBe(count.suggestion.explanation);
    const members = state.annotations.filter((x: any) => state.flags[0].memberIds.includes(x.id)).map((x: any) => x.exact);
    expect(members).toEqual([
      'This marks the sixth conversation between the two leaders this year.',
      expect.stringContaining('he and Putin have had at least five phone conversations'),
    ]);
    expect((await call(a, 'listSuggestions', { documentId: id })).suggestions.map((s: any) => s.id)).not.toContain(count.id);

    const undone = await call(a, 'undo', { documentId: id });
    expect(undone.state.annotations).toEqual([]);
    expect(undone.state.flags).toEqual([]);
    expect((await call(a, 'listSuggestions', { documentId: id })).suggestions.map((s: any) => s.id)).toContain(count.id);
  });

  it('accepting an attribution links it to its source and to the claim it covers; a later surname is the same person', async () => {
    const { a, id, status } = await suggested();
    await call(a, 'acceptSuggestions', { documentId: id, type: 'claim' });
    const r = await call(a, 'acceptSuggestions', { documentId: id, type: 'attribution' });
    expect(r.accepted).toBe(status.suggestions.filter((s: any) => s.suggestion.type === 'attribution').length);
    const state = await call(a, 'getState', { documentId: id });
    const ushakov = state.sources.find((s: any) => s.name === 'Yury Ushakov');
    // "with Ushakov noting ..." later on: the same source (the assistant names the person in full,
    // or the service joins the surname to them), never a second "Ushakov".
    expect(state.sources.some((s: any) => s.name === 'Ushakov')).toBe(false);
    const noting = state.annotations.find((x: any) => x.kind === 'attribution' && x.exact.includes('Ushakov noting'));
    expect(state.links.some((l: any) => l.fromId === noting.id && l.toSourceId === ushakov.id)).toBe(true);
    const attribution = state.annotations.find((x: any) => x.kind === 'attribution' && x.exact === 'presidential aide Yury Ushakov said');
    const links = state.links.filter((l: any) => l.fromId === attribution.id);
    expect(links.some((l: any) => l.toSourceId === ushakov.id)).toBe(true);
    const covered = links.filter((l: any) => l.toAnnotationId).map((l: any) => state.annotations.find((x: any) => x.id === l.toAnnotationId).exact);
    expect(covered.join(' ')).toContain('Putin reaffirmed');
  });

  it('accepting an attribution the analyst already tagged and sourced links to it and writes nothing twice', async () => {
    const { a, id, status } = await suggested();
    const pick = status.suggestions.find((s: any) => s.suggestion.type === 'attribution' && s.suggestion.source === 'Yury Ushakov');
    const { start, end } = pick.suggestion.span;
    await call(a, 'acceptSuggestions', { documentId: id, type: 'claim' });
    const mine = (await call(a, 'createAnnotation', { documentId: id, kind: 'attribution', start, end })).annotation;
    await call(a, 'setAnnotationSource', { annotationId: mine.id, source: { create: { name: 'Yury Ushakov' } } });
    const before = await call(a, 'getState', { documentId: id });
    const r = await call(a, 'acceptSuggestions', { documentId: id, ids: [pick.id] });
    expect(r.created).toEqual({ claims: 0, attributions: 0, sources: 0, links: 0, flags: 0 });
    const after = await call(a, 'getState', { documentId: id });
    expect(after.links).toEqual(before.links);
    expect(after.annotations.filter((x: any) => x.kind === 'attribution')).toHaveLength(1);
    const pairs = after.links.map((l: any) => `${l.fromId}>${l.toAnnotationId ?? 's' + l.toSourceId}`);
    expect(new Set(pairs).size).toBe(pairs.length);
  });

  it('does not propose what the analyst already tagged, sourced or flagged', async () => {
    const { a, id, status } = await suggested();
    const listed = async () => (await call(a, 'listSuggestions', { documentId: id })).suggestions as any[];
    const attribution = status.suggestions.find((s: any) => s.suggestion.type === 'attribution');
    const { start, end } = attribution.suggestion.span;
    const mine = (await call(a, 'createAnnotation', { documentId: id, kind: 'attribution', start, end })).annotation;
    // Tagged but not yet sourced: still worth proposing (accepting it adds the source).
    expect((await listed()).some((s) => s.id === attribution.id)).toBe(true);
    await call(a, 'setAnnotationSource', { annotationId: mine.id, source: { create: { name: attribution.suggestion.source } } });
    expect((await listed()).some((s) => s.id === attribution.id)).toBe(false);

    const inconsistency = status.suggestions.find((s: any) => s.suggestion.type === 'inconsistency' && s.suggestion.spans.length === 2);
    const claims = [];
    for (const span of inconsistency.suggestion.spans) claims.push((await call(a, 'createAnnotation', { documentId: id, kind: 'claim', start: span.start, end: span.end })).annotation.id);
    expect((await listed()).some((s) => s.id === inconsistency.id)).toBe(true);
    const flag = (await call(a, 'createFlag', { documentId: id, memberIds: claims })).flag;
    expect((await listed()).some((s) => s.id === inconsistency.id)).toBe(false);
    // Undo the flag, and the suggestion is back.
    await call(a, 'deleteFlag', { id: flag.id });
    expect((await listed()).some((s) => s.id === inconsistency.id)).toBe(true);
  });

  it('a rejected suggestion does not come back when the assistant runs again', async () => {
    const { a, id, status } = await suggested();
    const victim = status.suggestions[0];
    expect(await call(a, 'rejectSuggestions', { documentId: id, ids: [victim.id] })).toMatchObject({ rejected: 1 });
    await call(a, 'runSuggestions', { documentId: id });
    let again: any;
    do {
      await new Promise((r) => setTimeout(r, 10));
      again = await call(a, 'listSuggestions', { documentId: id });
    } while (again.running);
    expect(again.suggestions.map((s: any) => s.id)).not.toContain(victim.id);
    expect(again.suggestions).toHaveLength(status.suggestions.length - 1);
  });
});
