import { expect } from 'vitest';
import { applyChangeSet } from '../common/changeset';
import type { ChangeSet, DocumentState } from '../common/domain';
import type { App } from '../main/app';

// A test client that behaves like the renderer: it keeps each document's state as the answers'
// change sets leave it (never reloading), and after every write checks that state against a
// fresh read of the database. So every write test is also a test of the write's change set.
// The answer comes back with that state as `state` and `relations`, for the tests to read.

const mirrors = new WeakMap<App, Map<number, DocumentState>>();

async function read(a: App, documentId: number): Promise<DocumentState> {
  const r = await a.dispatch('getState', { documentId });
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value as DocumentState;
}

/** Sources are workspace-wide: a write outside a document changes every document's list. */
function applyEverywhere(states: Map<number, DocumentState>, changes: ChangeSet): void {
  for (const [id, state] of states) {
    const own = changes.documentId === id;
    states.set(id, own ? applyChangeSet(state, changes) : applyChangeSet(state, { ...changes, annotations: none, links: none, flags: none, assessments: none, history: null }));
  }
}
const none = { upserted: [], removed: [] };

export async function mirroredCall<T = any>(a: App, method: string, input: unknown): Promise<T> {
  let states = mirrors.get(a);
  if (!states) mirrors.set(a, (states = new Map()));
  const r = await a.dispatch(method, input);
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  const value = r.value as Record<string, unknown>;
  const docId = (value.document as { id?: number } | undefined)?.id;
  if (docId !== undefined && !states.has(docId)) states.set(docId, await read(a, docId));
  const changes = value.changes as ChangeSet | undefined;
  if (!changes) return value as T;
  // A document first met in a write (a reopened app): its state starts from the read after it.
  if (changes.documentId !== null && !states.has(changes.documentId)) states.set(changes.documentId, await read(a, changes.documentId));
  else applyEverywhere(states, changes);
  for (const id of [...states.keys()]) {
    const fresh = await read(a, id).catch(() => null);
    if (!fresh) {
      states.delete(id);
      continue;
    }
    // The document written in must match exactly; the others only lost rows a source merge moved.
    if (id === changes.documentId) expect(states.get(id), `${method}: the change set left the state unlike a fresh read`).toEqual(fresh);
    states.set(id, fresh);
  }
  const state = changes.documentId === null ? undefined : states.get(changes.documentId);
  return { ...value, state, relations: state } as T;
}
