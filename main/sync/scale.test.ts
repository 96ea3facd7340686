import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syncSnapshot } from '../../db/sync';
import { pgAvailable, startPostgres, type PgCluster } from '../../test/pg';
import { openApp, type App } from '../app';
import { addWorkspaceMember, initWorkspace, WorkspaceSync } from './client';

// Ten analysts, a thousand operations each, on one document: tags made, notes and statuses edited
// on the same shared tags (so the server decides many conflicts), tags deleted; all pushed at once.
// Every library must end with the same rows, and the server with every operation exactly once.

const available = pgAvailable();
if (!available.ok) console.warn(`workspace tests skipped: ${available.reason}`);
const PASSWORD = 'ten of us';
const CLIENTS = 10;
const OPS = 1000;
const TEXT = Array.from({ length: 40 }, (_, i) => `Paragraph ${i + 1}: the ministry said ${i + 3} officials met ${i + 1} times this year, an aide said.`).join('\n') + '\n';

let cluster: PgCluster;
const opened: Array<{ app: App; sync: WorkspaceSync }> = [];

/** A small seeded generator: each analyst's thousand steps are the same on every run. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

describe.skipIf(!available.ok)('team workspace at scale', () => {
  beforeAll(async () => {
    cluster = await startPostgres();
    await initWorkspace(cluster.url());
    for (let i = 0; i < CLIENTS; i++) await addWorkspaceMember(cluster.url(), `analyst${i}`, i < 2 ? 'editor' : 'analyst', PASSWORD);
  }, 60_000);

  afterAll(async () => {
    for (const o of opened.splice(0)) {
      await o.sync.stop();
      o.app.close();
    }
    await cluster?.stop();
  });

  it(`${CLIENTS} analysts x ${OPS} operations converge, each operation applied once`, async () => {
    const libs: Array<{ app: App; sync: WorkspaceSync; login: string }> = [];
    for (let i = 0; i < CLIENTS; i++) {
      const app = openApp(path.join(fs.mkdtempSync(path.join(os.tmpdir(), `cs-scale-${i}-`)), 'c.db'));
      const sync = new WorkspaceSync(app.db, { batch: 250 });
      opened.push({ app, sync });
      libs.push({ app, sync, login: `analyst${i}` });
    }
    const first = libs[0]!;
    const file = path.join(os.tmpdir(), `scale-${Date.now()}.txt`);
    fs.writeFileSync(file, TEXT);
    const { document } = await first.app.client.importFile({ path: file });
    const words = [...TEXT.matchAll(/[A-Za-z]+ \d+/g)].map((m) => ({ start: m.index!, end: m.index! + m[0].length }));
    for (const w of words.slice(0, 20)) await first.app.client.createAnnotation({ documentId: document.id, kind: 'claim', ...w });
    let pushed = 0;
    for (const l of libs) {
      const joined = await l.sync.connect(cluster.url(l.login, PASSWORD));
      pushed += joined.counts.pushed;
    }
    const docUid = first.app.db.prepare('SELECT uid FROM documents WHERE id = ?').pluck().get(document.id) as string;
    const sharedUids = first.app.db.prepare('SELECT uid FROM annotations ORDER BY id').pluck().all() as string[];

    const t0 = Date.now();
    await Promise.all(
      libs.map(async (l, i) => {
        const next = random(i + 1);
        const doc = l.app.db.prepare('SELECT id FROM documents WHERE uid = ?').pluck().get(docUid) as number;
        const shared = sharedUids.map((u) => l.app.db.prepare('SELECT id FROM annotations WHERE uid = ?').pluck().get(u) as number);
        const mine: number[] = [];
        for (let k = 0; k < OPS; k++) {
          const r = next();
          if (r < 0.45 || mine.length === 0) {
            const w = words[Math.floor(next() * words.length)]!;
            mine.push((await l.app.client.createAnnotation({ documentId: doc, kind: 'claim', start: w.start, end: w.end + Math.floor(next() * 4) })).annotation.id);
          } else if (r < 0.75) {
            await l.app.client.updateAnnotation({ id: shared[Math.floor(next() * shared.length)]!, note: `${l.login} note ${k}` });
          } else if (r < 0.9) {
            const own = mine[Math.floor(next() * mine.length)]!;
            await l.app.client.updateAnnotation({ id: own, status: (['supported', 'disputed', 'refuted'] as const)[k % 3] });
          } else {
            await l.app.client.deleteAnnotation({ id: mine.splice(Math.floor(next() * mine.length), 1)[0]! });
          }
          // Now and then a push in the middle of the work, as a live link would.
          if (k % 250 === 249) {
            const c = await l.sync.syncNow();
            pushed += c.pushed;
          }
        }
      }),
    );
    const made = Date.now() - t0;
    const t1 = Date.now();
    for (let round = 0; round < 2; round++) for (const c of await Promise.all(libs.map((l) => l.sync.syncNow()))) pushed += c.pushed;
    const synced = Date.now() - t1;

    const ops = await cluster.admin(`SELECT count(*)::int AS n, count(DISTINCT uid)::int AS u FROM claimscope.ops`);
    expect(ops.rows[0].n).toBe(ops.rows[0].u);
    // Every operation a library sent is on the server once (a write that changed nothing makes none).
    expect(ops.rows[0].n).toBe(pushed);
    expect(pushed).toBeGreaterThan(CLIENTS * OPS * 0.95);
    const conflicts = (await cluster.admin(`SELECT count(*)::int AS n FROM claimscope.conflicts WHERE kind = 'concurrent_edit'`)).rows[0].n as number;
    expect(conflicts).toBeGreaterThan(0);
    const reference = syncSnapshot(first.app.db);
    for (const l of libs.slice(1)) expect(syncSnapshot(l.app.db), `${l.login} differs from ${first.login}`).toEqual(reference);
    for (const l of libs) expect(l.sync.status()).toMatchObject({ waiting: 0 });
    console.log(
      `workspace: ${CLIENTS} x ${OPS} operations written in ${made} ms; final syncs ${synced} ms; ${ops.rows[0].n} operations on the server, ${conflicts} concurrent edits decided; ${Object.keys(reference.annotations!).length} tags in every library`,
    );
  }, 300_000);
});
