import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syncSnapshot } from '../../db/sync';
import { ensureBuilt, REPO } from '../../test/built';
import { pgAvailable, startPostgres, type PgCluster } from '../../test/pg';
import { openApp, type App } from '../app';
import { addWorkspaceMember, initWorkspace, WorkspaceSync } from './client';
import { ServerStore } from './server';
import { openClient } from './connection';

// The workspace across processes and failures: the real CLI in two processes over two files, the
// server killed in the middle of a push, a live link that brings a teammate's tag within a second
// and survives the server going away.

const available = pgAvailable();
if (!available.ok) console.warn(`workspace tests skipped: ${available.reason}`);
const PASSWORD = 'tea for two';
const TEXT = 'GENEVA, 4 March 2026 - The talks lasted three hours, a spokesman said. Delegates met for the fourth time this year. At least three rounds came before, an aide said. The next round is set for April.\n';

let cluster: PgCluster;
const opened: App[] = [];

/** This machine's environment without a database or a workspace password of its own. */
const quiet = Object.fromEntries(Object.entries(process.env).filter(([k]) => !['CLAIMSCOPE_DB', 'PGPASSWORD', 'CLAIMSCOPE_PG_URL', 'PGPASSFILE'].includes(k)));

function cli(args: string[], env: NodeJS.ProcessEnv = {}) {
  const r = spawnSync(process.execPath, [path.join(REPO, 'dist/main/cli.cjs'), ...args], {
    encoding: 'utf8',
    env: { ...quiet, ...env },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, json: () => JSON.parse(r.stdout) };
}

function tempDb(name: string): string {
  return path.join(fs.mkdtempSync(path.join(os.tmpdir(), `cs-wsp-${name}-`)), 'c.db');
}

function library(db: string): App {
  const app = openApp(db);
  opened.push(app);
  return app;
}

async function tagMany(app: App, documentId: number, n: number): Promise<void> {
  const words = [...TEXT.matchAll(/\S+/g)];
  for (let i = 0; i < n; i++) {
    const w = words[i % words.length]!;
    const end = Math.min(TEXT.length - 1, w.index! + w[0].length + (Math.floor(i / words.length) % 5));
    await app.client.createAnnotation({ documentId, kind: 'claim', start: w.index!, end });
  }
}

describe.skipIf(!available.ok)('team workspace: processes and failures', () => {
  beforeAll(async () => {
    ensureBuilt();
    cluster = await startPostgres({ fsync: true });
  }, 120_000);

  afterAll(async () => {
    for (const a of opened.splice(0)) {
      await a.workspace.stop();
      a.close();
    }
    await cluster?.stop();
  });

  it('two CLI processes over two files: init, members, connect, sync, status; bad addresses in one line', () => {
    const owner = cluster.url();
    expect(cli(['workspace', 'init', owner]).json()).toMatchObject({ from: 0, to: 1, url: expect.not.stringContaining(':' + owner.split(':')[2]!.split('@')[0]) });
    expect(cli(['workspace', 'add-member', owner, 'ana', '--role', 'analyst', '--password', PASSWORD]).json()).toEqual({ member: 'ana', role: 'analyst' });
    expect(cli(['workspace', 'add-member', owner, 'bob', '--role', 'editor', '--password', PASSWORD]).code).toBe(0);
    const bad = cli(['workspace', 'add-member', owner, 'eve', '--role', 'boss']);
    expect(bad.code).toBe(2);

    const a = tempDb('a');
    const b = tempDb('b');
    const file = path.join(path.dirname(a), 'talks.txt');
    fs.writeFileSync(file, TEXT);
    expect(cli(['workspace', 'status', '--db', a]).json()).toMatchObject({ state: 'local', waiting: 0 });
    expect(cli(['import', file, '--db', a]).code).toBe(0);
    const joined = cli(['workspace', 'connect', cluster.url('ana', PASSWORD), '--db', a]);
    expect(joined.stderr).toBe('');
    expect(joined.json()).toMatchObject({ member: 'ana', role: 'analyst', waiting: 0, server: expect.not.stringContaining(PASSWORD) });
    // The password was not stored: a later sync needs it from the environment, and says so.
    const noPassword = cli(['sync', '--db', a]);
    expect(noPassword.code).toBe(1);
    expect(noPassword.stderr.trim().split('\n')).toHaveLength(1);
    expect(noPassword.stderr).toMatch(/password/);
    expect(cli(['annotate', '--doc', '1', '--accept-suggestions', '--db', a]).code).toBe(0);
    const pushed = cli(['sync', '--db', a], { PGPASSWORD: PASSWORD });
    expect(pushed.stderr).toBe('');
    expect(pushed.json()).toMatchObject({ pushed: expect.any(Number), conflicts: 0, refused: 0, waiting: 0 });
    expect(pushed.json().pushed).toBeGreaterThan(0);

    expect(cli(['workspace', 'connect', cluster.url('bob'), '--db', b], { CLAIMSCOPE_PG_URL: cluster.url('bob', PASSWORD) }).code).toBe(0);
    // ~/.pgpass, as PostgreSQL's own tools read it (only when private to its owner).
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'cs-home-'));
    fs.writeFileSync(path.join(home, '.pgpass'), `127.0.0.1:${cluster.port}:claimscope:bob:${PASSWORD}\n`, { mode: 0o600 });
    expect(cli(['sync', '--db', b], { HOME: home }).json()).toMatchObject({ refused: 0, waiting: 0 });
    const listA = cli(['list', '--db', a]).json().documents;
    const listB = cli(['list', '--db', b]).json().documents;
    expect(listB.map((d: any) => [d.title, d.annotationCount])).toEqual(listA.map((d: any) => [d.title, d.annotationCount]));
    expect(listB[0].annotationCount).toBeGreaterThan(0);
    expect(cli(['workspace', 'status', '--db', b]).json()).toMatchObject({ member: 'bob', role: 'editor', waiting: 0 });

    // One case, edited from both processes: A files it, B adds a second document; both end identical.
    expect(cli(['case', 'add', (cli(['case', 'create', 'Geneva talks', '--db', a]).json().case.id as number).toString(), file, '--db', a]).code).toBe(0);
    const second = path.join(path.dirname(b), 'aide.txt');
    fs.writeFileSync(second, TEXT.replace('three hours', 'two hours'));
    expect(cli(['sync', '--db', a], { PGPASSWORD: PASSWORD }).json()).toMatchObject({ refused: 0 });
    expect(cli(['sync', '--db', b], { PGPASSWORD: PASSWORD }).json().pulled).toBeGreaterThan(0);
    expect(cli(['case', 'add', 'Geneva talks', second, '--db', b]).code).toBe(0);
    expect(cli(['sync', '--db', b], { PGPASSWORD: PASSWORD }).json()).toMatchObject({ refused: 0, waiting: 0 });
    expect(cli(['sync', '--db', a], { PGPASSWORD: PASSWORD }).json()).toMatchObject({ refused: 0, waiting: 0 });
    const caseA = cli(['case', 'list', '--db', a]).json().cases;
    expect(caseA).toMatchObject([{ name: 'Geneva talks', documentIds: [expect.any(Number), expect.any(Number)] }]);
    const snapshot = (file: string) => {
      const db = new Database(file, { readonly: true });
      try {
        return syncSnapshot(db);
      } finally {
        db.close();
      }
    };
    expect(snapshot(b)).toEqual(snapshot(a));

    for (const [args, line] of [
      [['workspace', 'connect', 'http://example.org/x', '--db', b], /not a PostgreSQL connection string/],
      [['workspace', 'connect', 'postgres://ana@127.0.0.1:1/claimscope', '--db', tempDb('c')], /cannot reach the workspace at postgres:\/\/ana@127\.0\.0\.1:1\/claimscope: nothing answers there/],
      [['workspace', 'connect', cluster.url('ana', 'wrong'), '--db', tempDb('d')], /the password was refused/],
    ] as const) {
      const r = cli([...args]);
      expect(r.code, r.stderr).toBe(1);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(line);
      expect(r.stderr).not.toContain('wrong@');
    }
  }, 120_000);

  it('the server killed in the middle of a push: nothing acknowledged is lost, nothing is applied twice', async () => {
    await initWorkspace(cluster.url());
    await addWorkspaceMember(cluster.url(), 'carl', 'analyst', PASSWORD);
    const app = library(tempDb('carl'));
    const file = path.join(os.tmpdir(), `talks-${Date.now()}.txt`);
    fs.writeFileSync(file, TEXT.replace('three hours', 'four hours'));
    const { document } = await app.client.importFile({ path: file });
    const sync = new WorkspaceSync(app.db, { batch: 5 });
    await sync.connect(cluster.url('carl', PASSWORD));
    await tagMany(app, document.id, 300);
    const outbox = () => app.db.prepare('SELECT count(*) FROM sync_outbox').pluck().get() as number;
    const pushing = sync.syncNow().then(() => null, (err: unknown) => err);
    // Wait until some batches are acknowledged, then pull the plug.
    const started = Date.now();
    while (outbox() === 0 || outbox() > 250) {
      if (Date.now() - started > 20_000) throw new Error('the push never started');
      await new Promise((r) => setTimeout(r, 2));
    }
    await cluster.kill();
    expect(await pushing).toBeInstanceOf(Error);
    expect(sync.status()).toMatchObject({ state: 'offline' });
    const waiting = outbox();
    expect(waiting).toBeGreaterThan(0);
    expect(waiting).toBeLessThan(300);
    await cluster.restart();

    // A push the server committed but whose answer never came: sent again, acknowledged once.
    const pending = app.db.prepare('SELECT uid, label, changes, created_at FROM sync_outbox ORDER BY id LIMIT 3').all() as Array<{ uid: string; label: string; changes: string; created_at: string }>;
    const direct = await openClient(cluster.url('carl', PASSWORD), undefined);
    await new ServerStore(direct).push(pending.map((p) => ({ uid: p.uid, label: p.label, at: p.created_at, changes: JSON.parse(p.changes) })), 'carl');
    await direct.end();

    expect(await sync.syncNow()).toMatchObject({ refused: 0 });
    expect(outbox()).toBe(0);
    const counts = await cluster.admin(`SELECT count(*)::int AS ops, count(DISTINCT uid)::int AS uids FROM claimscope.ops WHERE author = 'carl'`);
    expect(counts.rows[0].ops).toBe(counts.rows[0].uids);
    const rows = await cluster.admin(`SELECT count(*)::int AS n FROM claimscope.rows WHERE tbl = 'annotations' AND NOT deleted AND data->>'document_id' = $1`, [
      app.db.prepare('SELECT uid FROM documents WHERE id = ?').pluck().get(document.id),
    ]);
    const local = app.db.prepare('SELECT count(*) FROM annotations WHERE document_id = ?').pluck().get(document.id);
    expect(rows.rows[0].n).toBe(local);
    expect(local).toBe(300);

    // And a fresh library of the same workspace ends exactly where this one is.
    const other = library(tempDb('carl2'));
    const s2 = new WorkspaceSync(other.db);
    await s2.connect(cluster.url('carl', PASSWORD));
    await sync.syncNow();
    expect(syncSnapshot(other.db)).toEqual(syncSnapshot(app.db));
    await sync.stop();
    await s2.stop();
  }, 120_000);

  it('live: a teammate\'s tag arrives without asking, offline work waits and goes when the server is back', async () => {
    await initWorkspace(cluster.url());
    await addWorkspaceMember(cluster.url(), 'dina', 'analyst', PASSWORD);
    await addWorkspaceMember(cluster.url(), 'emil', 'analyst', PASSWORD);
    const dina = openApp(tempDb('dina'), { liveWorkspace: true });
    const emil = openApp(tempDb('emil'), { liveWorkspace: true });
    opened.push(dina, emil);
    await dina.client.connectWorkspace({ url: cluster.url('dina', PASSWORD) });
    await emil.client.connectWorkspace({ url: cluster.url('emil', PASSWORD) });
    const file = path.join(os.tmpdir(), `live-${Date.now()}.txt`);
    const text = TEXT.replace('April', 'May');
    fs.writeFileSync(file, text);
    const { document } = await dina.client.importFile({ path: file });
    const docUid = dina.db.prepare('SELECT uid FROM documents WHERE id = ?').pluck().get(document.id) as string;
    const arrives = async (app: App, sql: string, params: unknown[], ms = 10_000) => {
      const t0 = Date.now();
      while (Date.now() - t0 < ms) {
        if (app.db.prepare(sql).pluck().get(...params)) return Date.now() - t0;
        await new Promise((r) => setTimeout(r, 10));
      }
      throw new Error(`did not arrive within ${ms} ms: ${sql}`);
    };
    await arrives(emil, 'SELECT 1 FROM documents WHERE uid = ?', [docUid]);
    const start = text.indexOf('the fourth time');
    const t0 = Date.now();
    const { annotation } = await dina.client.createAnnotation({ documentId: document.id, kind: 'claim', start, end: start + 'the fourth time'.length });
    const uid = dina.db.prepare('SELECT uid FROM annotations WHERE id = ?').pluck().get(annotation.id);
    await arrives(emil, 'SELECT 1 FROM annotations WHERE uid = ?', [uid]);
    console.log(`workspace: a tag reached the other library in ${Date.now() - t0} ms (live, loopback)`);

    // The server goes away: both keep working, their writes wait; it comes back: they converge.
    await cluster.kill();
    const emilDoc = emil.db.prepare('SELECT id FROM documents WHERE uid = ?').pluck().get(docUid) as number;
    const other = text.indexOf('At least three rounds');
    await emil.client.createAnnotation({ documentId: emilDoc, kind: 'claim', start: other, end: other + 'At least three rounds'.length });
    await dina.client.updateAnnotation({ id: annotation.id, note: 'written while the server was down' });
    const t1 = Date.now();
    while ((await emil.client.workspaceStatus({})).status.state !== 'offline' && Date.now() - t1 < 10_000) await new Promise((r) => setTimeout(r, 20));
    expect((await emil.client.workspaceStatus({})).status).toMatchObject({ state: 'offline', waiting: 1 });
    await cluster.restart();
    await arrives(dina, "SELECT 1 FROM annotations WHERE exact = 'At least three rounds'", [], 30_000);
    await arrives(emil, "SELECT 1 FROM annotations WHERE note = 'written while the server was down'", [], 30_000);
    await dina.workspace.syncNow();
    await emil.workspace.syncNow();
    expect(syncSnapshot(emil.db)).toEqual(syncSnapshot(dina.db));
  }, 120_000);
});
