import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { startWebHost } from '../e2e/support/server';
import { openApp, type App } from '../main/app';
import { addWorkspaceMember, initWorkspace, WorkspaceSync } from '../main/sync/client';
import { pgAvailable, startPostgres } from '../test/pg';
import { percentile } from './stats';

// The team workspace (issue 15), figures for `npm run bench`: a throwaway PostgreSQL on loopback
// (test/pg.ts, with fsync on, as a real server), push and pull throughput in operations per
// second, and the time from one analyst's tag to its arrival in another analyst's library while
// both are live (LISTEN/NOTIFY), and to its row in the other analyst's window (the web host in
// Chromium, which shows an arrival at its next status read, every 400 ms while connected).

export interface WorkspaceFigures {
  operations: number;
  pushMs: number;
  pullMs: number;
  pushPerSecond: number;
  pullPerSecond: number;
  /** Library to library, live, per tag. */
  arrivalMs: number[];
  /** From one analyst's tag to its row in another analyst's window (browser mode), per tag. */
  windowMs: number[];
}

const PASSWORD = 'bench';

async function arrived(app: App, uid: string, limitMs = 10_000): Promise<number> {
  const t0 = performance.now();
  const probe = app.db.prepare('SELECT 1 FROM annotations WHERE uid = ?');
  while (performance.now() - t0 < limitMs) {
    if (probe.get(uid)) return performance.now() - t0;
    await new Promise((r) => setTimeout(r, 2));
  }
  throw new Error(`bench: a tag did not reach the other library within ${limitMs} ms`);
}

/** null (with the reason in `notes`) when PostgreSQL is not on this machine. */
export async function workspaceFigures(small: boolean, notes: string[], browser?: Browser): Promise<WorkspaceFigures | null> {
  const available = pgAvailable();
  if (!available.ok) {
    notes.push(`workspace: not measured: ${available.reason}`);
    return null;
  }
  const cluster = await startPostgres({ fsync: true });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cs-bench-ws-'));
  const apps: App[] = [];
  try {
    await initWorkspace(cluster.url());
    for (const login of ['ana', 'bob', 'cleo', 'dan']) await addWorkspaceMember(cluster.url(), login, 'analyst', PASSWORD);
    const text = Array.from({ length: 400 }, (_, i) => `Sentence ${i + 1} says ${i * 7} people met on day ${i % 28 + 1}.`).join(' ') + '\n';
    const file = path.join(dir, 'bench.txt');
    fs.writeFileSync(file, text);
    const starts = [...text.matchAll(/Sentence \d+/g)].map((m) => ({ start: m.index!, end: m.index! + m[0].length }));

    // Throughput: one analyst's operations pushed in one sync, pulled by another in one sync.
    const ana = openApp(path.join(dir, 'ana.db'), { backups: false });
    const bob = openApp(path.join(dir, 'bob.db'), { backups: false });
    apps.push(ana, bob);
    const anaSync = new WorkspaceSync(ana.db);
    const bobSync = new WorkspaceSync(bob.db);
    await anaSync.connect(cluster.url('ana', PASSWORD));
    await bobSync.connect(cluster.url('bob', PASSWORD));
    const { document } = await ana.client.importFile({ path: file });
    await anaSync.syncNow();
    await bobSync.syncNow();
    const operations = small ? 300 : 3000;
    for (let i = 0; i < operations; i++) {
      const s = starts[i % starts.length]!;
      if (i < starts.length) await ana.client.createAnnotation({ documentId: document.id, kind: 'claim', ...s });
      else await ana.client.updateAnnotation({ id: (i % starts.length) + 1, note: `note ${i}` });
    }
    let t0 = performance.now();
    const pushed = (await anaSync.syncNow()).pushed;
    const pushMs = performance.now() - t0;
    t0 = performance.now();
    const pulled = (await bobSync.syncNow()).pulled;
    const pullMs = performance.now() - t0;
    await anaSync.stop();
    await bobSync.stop();

    // Arrival: two live libraries; each tag of one timed until it is in the other.
    const cleo = openApp(path.join(dir, 'cleo.db'), { backups: false, liveWorkspace: true });
    const dan = openApp(path.join(dir, 'dan.db'), { backups: false, liveWorkspace: true });
    apps.push(cleo, dan);
    await cleo.client.connectWorkspace({ url: cluster.url('cleo', PASSWORD) });
    await dan.client.connectWorkspace({ url: cluster.url('dan', PASSWORD) });
    const cleoDoc = cleo.db.prepare('SELECT id FROM documents LIMIT 1').pluck().get() as number;
    const arrivalMs: number[] = [];
    for (let i = 0; i < (small ? 5 : 30); i++) {
      const s = starts[(i * 13) % starts.length]!;
      const sent = performance.now();
      const { annotation } = await cleo.client.createAnnotation({ documentId: cleoDoc, kind: 'attribution', start: s.start, end: s.end - 1 - (i % 3) });
      const uid = cleo.db.prepare('SELECT uid FROM annotations WHERE id = ?').pluck().get(annotation.id) as string;
      await arrived(dan, uid);
      arrivalMs.push(performance.now() - sent);
      await new Promise((r) => setTimeout(r, 20));
    }

    // Window: dan's library in the web host (its own process, live), his window open on the
    // document; each of cleo's tags timed until its row is in his panel.
    const windowMs: number[] = [];
    if (browser) {
      await dan.workspace.stop();
      dan.close();
      apps.splice(apps.indexOf(dan), 1);
      const before = process.env.PGPASSWORD;
      process.env.PGPASSWORD = PASSWORD;
      const host = await startWebHost(path.join(dir, 'dan.db'));
      if (before === undefined) delete process.env.PGPASSWORD;
      else process.env.PGPASSWORD = before;
      const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
      try {
        const page = await context.newPage();
        await page.goto(host.url);
        await page.locator('.cs-doc-item').first().click();
        // The panel's list is windowed: the Annotations tab's count says how many tags the window holds.
        const tagsShown = () =>
          page.evaluate(() => {
            const doc = (globalThis as unknown as { document: { querySelectorAll(s: string): ArrayLike<{ textContent: string | null }> } }).document;
            const tab = Array.from(doc.querySelectorAll('[role=tab]')).find((t) => (t.textContent ?? '').startsWith('Annotations'));
            return Number(/\d+/.exec(tab?.textContent ?? '')?.[0] ?? -1);
          });
        await page.locator('[role=option].cs-item-claim').first().waitFor({ timeout: 20_000 });
        for (let i = 0; i < (small ? 3 : 20); i++) {
          const count = await tagsShown();
          const s = starts[(i * 17 + 5) % starts.length]!;
          const sent = performance.now();
          await cleo.client.createAnnotation({ documentId: cleoDoc, kind: 'attribution', start: s.start + 1, end: s.end - (i % 4) });
          while ((await tagsShown()) <= count) {
            if (performance.now() - sent > 10_000) throw new Error('bench: a teammate\'s tag did not reach the other window within 10 s');
          }
          windowMs.push(performance.now() - sent);
        }
      } finally {
        await context.close();
        await host.stop();
      }
    }
    return {
      operations: pushed,
      pushMs,
      pullMs,
      pushPerSecond: pushed / (pushMs / 1000),
      pullPerSecond: pulled / (pullMs / 1000),
      arrivalMs,
      windowMs,
    };
  } finally {
    for (const a of apps) {
      await a.workspace.stop();
      a.close();
    }
    await cluster.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export function arrivalPercentiles(ms: readonly number[]): { p50: number | null; p95: number | null } {
  return ms.length ? { p50: percentile([...ms], 50), p95: percentile([...ms], 95) } : { p50: null, p95: null };
}
