import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syncSnapshot } from '../../db/sync';
import { pgAvailable, startPostgres, type PgCluster } from '../../test/pg';
import { openApp, type App } from '../app';
import { addWorkspaceMember, initWorkspace, WorkspaceSync } from './client';

// The team workspace against a real PostgreSQL (a throwaway cluster, test/pg.ts): real SQLite files,
// the real service, the real server with its roles and row-level security.

const available = pgAvailable();
if (!available.ok) console.warn(`workspace tests skipped: ${available.reason}`);

const PASSWORD = 'correct horse battery';
const TEXT = 'MOSCOW, 3 July 2025 - President Putin held a telephone conversation with President Trump. The conversation lasted 90 minutes. It was the sixth conversation between the two leaders this year. At least five calls came before, an aide said.\n';

let cluster: PgCluster;
const open: Array<{ app: App; sync: WorkspaceSync }> = [];

interface Analyst {
  login: string;
  app: App;
  sync: WorkspaceSync;
  db: string;
  call<T = any>(method: string, input: unknown): Promise<T>;
}

async function analyst(login: string, dbFile?: string): Promise<Analyst> {
  const db = dbFile ?? path.join(fs.mkdtempSync(path.join(os.tmpdir(), `cs-ws-${login}-`)), 'c.db');
  const app = openApp(db);
  const sync = new WorkspaceSync(app.db);
  open.push({ app, sync });
  await sync.connect(cluster.url(login, PASSWORD));
  const call = async (method: string, input: unknown) => {
    const r = await app.dispatch(method, input);
    if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
    return r.value as any;
  };
  return { login, app, sync, db, call };
}

async function importText(a: Analyst, name: string, text = TEXT): Promise<number> {
  const file = path.join(path.dirname(a.db), name);
  fs.writeFileSync(file, text);
  return (await a.call('importFile', { path: file })).document.id;
}

async function tag(a: Analyst, documentId: number, phrase: string, kind: 'claim' | 'attribution' = 'claim', text = TEXT): Promise<number> {
  const start = text.indexOf(phrase);
  return (await a.call('createAnnotation', { documentId, kind, start, end: start + phrase.length })).annotation.id;
}

function idOf(a: Analyst, table: string, uid: string): number {
  return a.app.db.prepare(`SELECT id FROM ${table} WHERE uid = ?`).pluck().get(uid) as number;
}
function uidOf(a: Analyst, table: string, id: number): string {
  return a.app.db.prepare(`SELECT uid FROM ${table} WHERE id = ?`).pluck().get(id) as string;
}

async function converged(...all: Analyst[]): Promise<void> {
  for (const a of all) await a.sync.syncNow();
  for (const a of all) await a.sync.syncNow();
  const first = syncSnapshot(all[0]!.app.db);
  for (const a of all.slice(1)) expect(syncSnapshot(a.app.db), `${a.login} and ${all[0]!.login} differ`).toEqual(first);
}

describe.skipIf(!available.ok)('team workspace on PostgreSQL', () => {
  beforeAll(async () => {
    cluster = await startPostgres();
    expect(await initWorkspace(cluster.url())).toMatchObject({ from: 0, to: 1 });
    // Init is idempotent: a second owner run finds nothing to do.
    expect(await initWorkspace(cluster.url())).toMatchObject({ from: 1, to: 1 });
    for (const [login, role] of [['ana', 'analyst'], ['bob', 'editor'], ['rita', 'reader'], ['carl', 'analyst']] as const) {
      await addWorkspaceMember(cluster.url(), login, role, PASSWORD);
    }
  }, 60_000);

  afterAll(async () => {
    for (const o of open.splice(0)) {
      await o.sync.stop();
      o.app.close();
    }
    await cluster?.stop();
  });

  it('two analysts converge: a document travels once by its text, tags, grades and flags both ways, with their authors', async () => {
    const ana = await analyst('ana');
    const doc = await importText(ana, 'readout.txt');
    const sixth = await tag(ana, doc, 'the sixth conversation');
    const five = await tag(ana, doc, 'At least five calls');
    expect(await ana.sync.syncNow()).toMatchObject({ refused: 0, conflicts: 0 });

    const bob = await analyst('bob');
    const bobDoc = idOf(bob, 'documents', uidOf(ana, 'documents', doc));
    expect((await bob.call('getDocument', { id: bobDoc })).document.text).toBe(TEXT);
    const annotations = (await bob.call('getState', { documentId: bobDoc })).annotations;
    expect(annotations.map((a: any) => a.exact).sort()).toEqual(['At least five calls', 'the sixth conversation']);
    const bobSixth = idOf(bob, 'annotations', uidOf(ana, 'annotations', sixth));
    await bob.call('updateAnnotation', { id: bobSixth, status: 'disputed', note: 'Kremlin count only' });
    const flag = (await bob.call('createFlag', { documentId: bobDoc, memberIds: [bobSixth, idOf(bob, 'annotations', uidOf(ana, 'annotations', five))], explanation: 'sixth vs five' })).flag;
    await bob.call('updateFlag', { id: flag.id, status: 'confirmed' });
    await bob.sync.syncNow();

    await ana.sync.syncNow();
    const mine = (await ana.call('getState', { documentId: doc })).annotations.find((a: any) => a.id === sixth);
    expect(mine).toMatchObject({ status: 'disputed', note: 'Kremlin count only' });
    const row = ana.app.db.prepare('SELECT created_by, changed_by FROM annotations WHERE id = ?').get(sixth);
    expect(row).toEqual({ created_by: 'ana', changed_by: 'bob' });
    expect((await ana.call('getState', { documentId: doc })).flags).toMatchObject([{ explanation: 'sixth vs five', status: 'confirmed' }]);
    // The document's text went to the server once, by its fingerprint.
    expect((await cluster.admin('SELECT count(*)::int AS n FROM claimscope.blobs')).rows[0].n).toBe(1);
    await converged(ana, bob);
  }, 60_000);

  it('offline edits of one field: server order decides, the losing value is kept and the loser is told', async () => {
    const ana = await analyst('ana');
    const doc = await importText(ana, 'other.txt', TEXT.replace('90', '95'));
    const text = TEXT.replace('90', '95');
    const t = await tag(ana, doc, 'lasted 95 minutes', 'claim', text);
    await ana.sync.syncNow();
    const carl = await analyst('carl');
    const carlTag = idOf(carl, 'annotations', uidOf(ana, 'annotations', t));

    // Both edit while apart; Carl reaches the server first, Ana second: Ana's value stands.
    await carl.call('updateAnnotation', { id: carlTag, note: 'Carl: White House says about an hour' });
    await ana.call('updateAnnotation', { id: t, note: 'Ana: 95 is the Kremlin figure', status: 'supported' });
    await carl.sync.syncNow();
    expect(await ana.sync.syncNow()).toMatchObject({ conflicts: 1 });
    await converged(ana, carl);
    const note = carl.app.db.prepare('SELECT note, status FROM annotations WHERE id = ?').get(carlTag);
    expect(note).toEqual({ note: 'Ana: 95 is the Kremlin figure', status: 'supported' });
    const conflicts = (await carl.call('listConflicts', {})).conflicts;
    expect(conflicts).toContainEqual(
      expect.objectContaining({ kind: 'concurrent_edit', field: 'note', loser: 'carl', winner: 'ana', lost: 'Carl: White House says about an hour', recordId: carlTag, documentId: expect.any(Number) }),
    );
    expect(conflicts.find((c: any) => c.field === 'note').message).toMatch(/^ana changed the note of this tag while you edited it/);

    // Carl deletes it; Ana, not yet told, edits it: nothing comes back, and Ana is told.
    await carl.call('deleteAnnotation', { id: carlTag });
    await carl.sync.syncNow();
    await ana.call('updateAnnotation', { id: t, note: 'one more thought' });
    await ana.sync.syncNow();
    expect(ana.app.db.prepare('SELECT count(*) FROM annotations WHERE id = ?').pluck().get(t)).toBe(0);
    const told = (await ana.call('listConflicts', {})).conflicts.find((c: any) => c.kind === 'edit_of_deleted');
    expect(told.message).toMatch(/^carl deleted this tag; your change of its note was not applied and nothing was restored/);
    await converged(ana, carl);
  }, 60_000);

  it('undo undoes only the analyst\'s own step, and never over a teammate\'s later change', async () => {
    const ana = await analyst('ana');
    const doc = await importText(ana, 'undo.txt', TEXT.replace('90', '91'));
    const text = TEXT.replace('90', '91');
    const t = await tag(ana, doc, 'lasted 91 minutes', 'claim', text);
    await ana.call('updateAnnotation', { id: t, note: 'first' });
    await ana.sync.syncNow();
    const bob = await analyst('bob');
    const bobTag = idOf(bob, 'annotations', uidOf(ana, 'annotations', t));
    await bob.call('updateAnnotation', { id: bobTag, note: 'bob rewrote it' });
    await bob.sync.syncNow();
    await ana.sync.syncNow();
    // Ana's undo of her "first" note would put back the empty note over Bob's: refused, said why.
    const r = await ana.app.dispatch('undo', { documentId: doc });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error.message).toMatch(/changed since/);
    expect(ana.app.db.prepare('SELECT note FROM annotations WHERE id = ?').pluck().get(t)).toBe('bob rewrote it');
    // Bob's undo is his own: his note goes, Ana's comes back, everywhere.
    await bob.call('undo', { documentId: idOf(bob, 'documents', uidOf(ana, 'documents', doc)) });
    await converged(ana, bob);
    expect(ana.app.db.prepare('SELECT note FROM annotations WHERE id = ?').pluck().get(t)).toBe('first');
  }, 60_000);

  it('roles are the database\'s: a reader cannot write, an analyst cannot decide a flag nor sign as another', async () => {
    const ana = await analyst('ana');
    const doc = await importText(ana, 'roles.txt', TEXT.replace('90', '92'));
    const text = TEXT.replace('90', '92');
    const a1 = await tag(ana, doc, 'the sixth conversation', 'claim', text);
    const a2 = await tag(ana, doc, 'At least five calls', 'claim', text);
    const flag = (await ana.call('createFlag', { documentId: doc, memberIds: [a1, a2], explanation: 'count' })).flag;
    await ana.sync.syncNow();

    // An analyst proposes; confirming is an editor's: refused by the server, put back here, said so.
    await ana.call('updateFlag', { id: flag.id, status: 'confirmed' });
    expect(await ana.sync.syncNow()).toMatchObject({ refused: 1 });
    expect(ana.app.db.prepare('SELECT status FROM flags WHERE id = ?').pluck().get(flag.id)).toBe('open');
    expect((await ana.call('listConflicts', {})).conflicts[0].message).toMatch(/refused your change of this flag: only an editor may confirm/);

    const rita = await analyst('rita');
    expect(rita.sync.status()).toMatchObject({ role: 'reader', member: 'rita' });
    const ritaDoc = idOf(rita, 'documents', uidOf(ana, 'documents', doc));
    // The app says so at once...
    await expect(tag(rita, ritaDoc, 'an aide said', 'attribution', text)).rejects.toThrow(/you are a reader in this workspace/);
    // ...and a change made past it (a library that was not yet told its role) is refused by the server and taken back.
    rita.app.db.prepare("UPDATE sync_meta SET role = 'analyst'").run();
    await tag(rita, ritaDoc, 'an aide said', 'attribution', text);
    expect(await rita.sync.syncNow()).toMatchObject({ refused: 1, pushed: 0 });
    expect((await rita.call('getState', { documentId: ritaDoc })).annotations).toHaveLength(2);
    expect(rita.sync.status().role).toBe('reader');

    // Straight SQL, past the app: the database itself says no.
    const direct = async (login: string, sql: string, params: unknown[] = []) => {
      const c = new pg.Client({ connectionString: cluster.url(login, PASSWORD) });
      await c.connect();
      try {
        return await c.query(sql, params);
      } finally {
        await c.end();
      }
    };
    await expect(direct('rita', `INSERT INTO claimscope.ops (seq, uid, changes, applied) VALUES (999999, 'x', '[]', '[]')`)).rejects.toThrow(/permission denied/);
    await expect(direct('rita', `UPDATE claimscope.rows SET data = '{}'`)).rejects.toThrow(/permission denied/);
    await expect(direct('rita', `DELETE FROM claimscope.ops`)).rejects.toThrow(/permission denied/);
    await expect(direct('ana', `INSERT INTO claimscope.ops (seq, uid, author, changes, applied) VALUES (999998, 'y', 'bob', '[]', '[]')`)).rejects.toThrow(/row-level security/);
    await expect(direct('ana', `UPDATE claimscope.rows SET author = 'bob'`)).rejects.toThrow(/row-level security/);
    await expect(direct('ana', `DELETE FROM claimscope.rows`)).rejects.toThrow(/permission denied/);
    expect((await direct('rita', 'SELECT count(*)::int AS n FROM claimscope.ops')).rows[0].n).toBeGreaterThan(0);
  }, 60_000);

  it('cases and deletions travel: a case with its documents and claim group; a deleted document takes its tags everywhere, and a tag made on it meanwhile is refused and said so', async () => {
    const ana = await analyst('ana');
    const text = TEXT.replace('90', '93');
    const doc = await importText(ana, 'case-a.txt', text);
    const text2 = TEXT.replace('90', '94');
    const doc2 = await importText(ana, 'case-b.txt', text2);
    const c = (await ana.call('createCase', { name: `Call ${Date.now()}` })).case;
    await ana.call('addToCase', { caseId: c.id, documentIds: [doc, doc2] });
    const x = await tag(ana, doc, 'lasted 93 minutes', 'claim', text);
    const y = await tag(ana, doc2, 'lasted 94 minutes', 'claim', text2);
    await ana.call('createClaimGroup', { caseId: c.id, members: [{ annotationId: x, stance: 'states' }, { annotationId: y, stance: 'contradicts' }], label: 'length' });
    await ana.sync.syncNow();

    const carl = await analyst('carl');
    const carlCase = (await carl.call('listCases', {})).cases.find((k: any) => k.name === c.name);
    expect(carlCase.documentIds).toHaveLength(2);
    const got = await carl.call('getCase', { id: carlCase.id });
    expect(got.claimGroups).toMatchObject([{ label: 'length', members: [{ stance: 'states' }, { stance: 'contradicts' }] }]);
    await converged(ana, carl);

    // Carl tags the second document while Ana deletes it.
    const carlDoc2 = idOf(carl, 'documents', uidOf(ana, 'documents', doc2));
    await tag(carl, carlDoc2, 'At least five calls', 'claim', text2);
    await ana.call('deleteDocument', { id: doc2 });
    await ana.sync.syncNow();
    await carl.sync.syncNow();
    expect(carl.app.db.prepare('SELECT count(*) FROM documents WHERE id = ?').pluck().get(carlDoc2)).toBe(0);
    expect(carl.app.db.prepare('SELECT count(*) FROM annotations WHERE document_id = ?').pluck().get(carlDoc2)).toBe(0);
    const told = (await carl.call('listConflicts', {})).conflicts.find((k: any) => k.kind === 'missing_parent');
    expect(told.message).toMatch(/^Your new tag was not kept: what it belongs to was deleted by ana/);
    await converged(ana, carl);
    expect((await cluster.admin(`SELECT count(*)::int AS n FROM claimscope.rows WHERE tbl = 'annotations' AND NOT deleted AND data->>'document_id' = $1`, [uidOf(ana, 'documents', doc)])).rows[0].n).toBe(1);
  }, 60_000);

  it('two analysts tagging the same sentence at once get two tags, each with its author', async () => {
    const ana = await analyst('ana');
    const text = TEXT.replace('90', '97');
    const doc = await importText(ana, 'same.txt', text);
    await ana.sync.syncNow();
    const carl = await analyst('carl');
    const carlDoc = idOf(carl, 'documents', uidOf(ana, 'documents', doc));
    await tag(ana, doc, 'lasted 97 minutes', 'claim', text);
    await tag(carl, carlDoc, 'lasted 97 minutes', 'claim', text);
    await carl.sync.syncNow();
    await ana.sync.syncNow();
    await converged(ana, carl);
    const rows = ana.app.db.prepare("SELECT created_by FROM annotations WHERE document_id = ? AND exact = 'lasted 97 minutes' ORDER BY created_by").pluck().all(doc);
    expect(rows).toEqual(['ana', 'carl']);
    expect((await ana.call('listConflicts', {})).conflicts.filter((c: any) => c.recordId !== null && c.documentId === doc)).toEqual([]);
  }, 60_000);
});
