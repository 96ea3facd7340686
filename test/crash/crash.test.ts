import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openApp } from '../../main/app';
import { buildWriter, finished, startWriter } from './harness';

// Kill -9 at random moments. A child process writes annotations in a loop through the real app
// code and prints each id once the call has returned; it is killed with SIGKILL, 50 times, at a
// random moment (most while writing, some while it is still opening the database: checks,
// migrations, the daily backup). Afterwards SQLite's full integrity_check passes, no open ever
// found the file damaged, and every acknowledged annotation is in the database.

const KILLS = Number(process.env.CLAIMSCOPE_CRASH_KILLS ?? 50);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const between = (lo: number, hi: number) => lo + Math.floor(Math.random() * (hi - lo + 1));

describe('crash safety', () => {
  let writer: string;
  beforeAll(async () => {
    writer = await buildWriter();
  });

  it(`loses no acknowledged annotation and never damages the database across ${KILLS} SIGKILLs`, async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cs-crash-'));
    const db = path.join(dir, 'claimscope.db');
    const seed = openApp(db);
    const imported = await seed.dispatch('importBytes', {
      name: 'crash.txt',
      // Short: the service's per-write cost grows with the text, and this test wants many writes.
      dataBase64: Buffer.from('A sentence to tag. '.repeat(20)).toString('base64'),
    });
    seed.close();
    if (!imported.ok) throw new Error(imported.error.message);
    const documentId = (imported.value as { document: { id: number } }).document.id;

    const acked: number[] = [];
    const started = Date.now();
    let duringOpen = 0;
    let runsThatWrote = 0;
    const args = [db, '--barrier', '--document', String(documentId)];
    // The next writer loads its code while the current one runs, and waits before opening the
    // database: one writer on the file at a time, and the test is not spent starting Node.
    let next = startWriter(writer, args);
    for (let run = 0; run < KILLS; run++) {
      const w = next;
      await w.waitFor('waiting');
      if (run < KILLS - 1) next = startWriter(writer, args);
      w.child.stdin!.write('go\n');
      const early = run % 5 === 4;
      if (early) {
        // Now and then, kill it early: while it opens, checks, migrates or backs up.
        await sleep(between(0, 120));
        duringOpen++;
      } else {
        await w.waitFor('loop');
        await sleep(between(50, 300));
      }
      w.child.kill('SIGKILL');
      const { signal, code } = await finished(w);
      // It died of the signal (or, killed early, may have finished nothing): never of an error.
      expect(w.lines.filter((l) => l.startsWith('err') || l.startsWith('damaged')), w.stderr).toEqual([]);
      expect(signal === 'SIGKILL' || code === 0, `run ${run}: ${signal} ${code} ${w.stderr}`).toBe(true);
      acked.push(...w.acked);
      if (!early && w.acked.length > 0) runsThatWrote++;
    }
    const seconds = (Date.now() - started) / 1000;

    const check = new Database(db, { readonly: true });
    try {
      expect(check.pragma('integrity_check', { simple: true })).toBe('ok');
      const present = new Set(check.prepare('SELECT id FROM annotations').pluck().all() as number[]);
      const lost = acked.filter((id) => !present.has(id));
      expect(lost, `${lost.length} of ${acked.length} acknowledged annotations lost`).toEqual([]);
      // Each acknowledged write is one undoable operation too.
      const operations = check.prepare("SELECT count(*) FROM operations WHERE label LIKE 'Tag %'").pluck().get() as number;
      expect(operations).toBeGreaterThanOrEqual(acked.length);
    } finally {
      check.close();
    }
    expect(new Set(acked).size).toBe(acked.length);
    // Most kills landed in the middle of writing.
    expect(runsThatWrote, 'runs killed while writing').toBeGreaterThanOrEqual(Math.floor((KILLS - duringOpen) / 2));
    expect(acked.length).toBeGreaterThan(KILLS);
    expect(fs.readdirSync(dir).filter((n) => n.includes('.damaged-'))).toEqual([]);
    // The database still opens the normal way and takes writes.
    const after = openApp(db);
    const r = await after.dispatch('createAnnotation', { documentId, kind: 'claim', start: 0, end: 10 });
    after.close();
    expect(r.ok).toBe(true);
    console.log(`crash test: ${KILLS} SIGKILLs (${duringOpen} while opening), ${acked.length} acknowledged writes, none lost, ${seconds.toFixed(1)} s`);
  }, 120_000);
});
