import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '../db/migrations';
import { openApp } from '../main/app';
import { buildWriter, finished, startWriter, type Writer } from './crash/harness';

// One database, several processes at once, as when an analyst runs a batch from the CLI while the
// app is open: WAL, a busy timeout, short IMMEDIATE write transactions, migrations under an
// exclusive lock. Real child processes through the real app code; nothing may be lost and no
// "busy" may reach the caller.

async function release(writers: Writer[]): Promise<void> {
  await Promise.all(writers.map((w) => w.waitFor('waiting')));
  for (const w of writers) w.child.stdin!.write('go\n');
}

describe('several processes on one database', () => {
  let writer: string;
  beforeAll(async () => {
    writer = await buildWriter();
  });

  it('four processes opening a new database at the same moment migrate it once, without error', async () => {
    const db = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cs-conc-')), 'claimscope.db');
    const writers = Array.from({ length: 4 }, () => startWriter(writer, [db, '--barrier']));
    await release(writers);
    const results = await Promise.all(writers.map(finished));
    for (const [i, w] of writers.entries()) {
      expect(w.lines.filter((l) => l.startsWith('err') || l.startsWith('damaged')), w.stderr).toEqual([]);
      expect(w.lines.some((l) => l.startsWith('ready')), w.stderr).toBe(true);
      expect(results[i]!.code, w.stderr).toBe(0);
    }
    const check = new Database(db, { readonly: true });
    expect(check.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(check.pragma('integrity_check', { simple: true })).toBe('ok');
    check.close();
  });

  it('two writers at once, while the app reads and writes too, lose nothing and never see "busy"', async () => {
    const db = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cs-conc-')), 'claimscope.db');
    const app = openApp(db); // the app, open throughout
    const imported = await app.dispatch('importBytes', {
      name: 'shared.txt',
      dataBase64: Buffer.from('One sentence here. Another one there. '.repeat(10)).toString('base64'),
    });
    if (!imported.ok) throw new Error(imported.error.message);
    const documentId = (imported.value as { document: { id: number } }).document.id;

    const PER_WRITER = 150;
    const writers = [0, 1].map(() => startWriter(writer, [db, '--barrier', '--document', String(documentId), '--count', String(PER_WRITER)]));
    await release(writers);
    // Meanwhile the app keeps reading the document's state and tagging too.
    const mine: number[] = [];
    const appErrors: string[] = [];
    const running = () => writers.some((w) => w.child.exitCode === null && w.child.signalCode === null);
    while (running()) {
      const r = await app.dispatch('createAnnotation', { documentId, kind: 'claim', start: 0, end: 12 });
      if (r.ok) mine.push((r.value as { annotation: { id: number } }).annotation.id);
      else appErrors.push(`${r.error.code}: ${r.error.message}`);
      const s = await app.dispatch('getState', { documentId });
      if (!s.ok) appErrors.push(`${s.error.code}: ${s.error.message}`);
      await new Promise((r) => setTimeout(r, 2));
    }
    const results = await Promise.all(writers.map(finished));
    for (const [i, w] of writers.entries()) {
      expect(w.lines.filter((l) => l.startsWith('err')), w.stderr).toEqual([]);
      expect(results[i]!.code, w.stderr).toBe(0);
      expect(w.acked).toHaveLength(PER_WRITER);
    }
    expect(appErrors).toEqual([]);

    const all = [...writers[0]!.acked, ...writers[1]!.acked, ...mine];
    const stored = app.db.prepare('SELECT id FROM annotations WHERE document_id = ? ORDER BY id').pluck().all(documentId) as number[];
    expect(stored).toHaveLength(all.length); // the count is the sum
    expect(new Set(stored)).toEqual(new Set(all)); // and every acknowledged id is there
    expect(app.db.pragma('integrity_check', { simple: true })).toBe('ok');

    // They really wrote at the same time: each was in its write loop before the other finished
    // (by their own clocks). How finely their commits interleaved is up to SQLite's busy handler,
    // which is not fair (a writer in a tight loop can hold others off for a while): logged only.
    const at = (w: Writer, what: string) => Number(w.lines.find((l) => l.startsWith(what + ' '))!.split(' ')[1]);
    const [a, b] = writers as [Writer, Writer];
    expect(Math.max(at(a, 'loop'), at(b, 'loop'))).toBeLessThan(Math.min(at(a, 'done'), at(b, 'done')));
    const owner = new Map<number, number>();
    writers.forEach((w, i) => w.acked.forEach((id) => owner.set(id, i)));
    const sequence = stored.filter((id) => owner.has(id)).map((id) => owner.get(id));
    const switches = sequence.filter((o, i) => i > 0 && o !== sequence[i - 1]).length;
    console.log(`concurrency: 2 x ${PER_WRITER} writes from child processes + ${mine.length} from the app, all stored; writers alternated ${switches} times`);
    app.close();
  }, 60_000);
  it('a damaged database another process has open is not moved aside under it; once that process is gone, it is', async () => {
    const db = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cs-damaged-')), 'claimscope.db');
    const app = openApp(db, { backups: false });
    await app.client.importBytes({ name: 'a.txt', dataBase64: Buffer.from('Some text. More text.').toString('base64') });
    app.close();
    const holder = startWriter(writer, [db, '--hold']);
    await holder.waitFor('ready');
    // Damage the file under the holder: its header is gone.
    const fd = fs.openSync(db, 'r+');
    fs.writeSync(fd, Buffer.alloc(100, 0x41), 0, 100, 0);
    fs.closeSync(fd);
    expect(() => openApp(db, { backups: false })).toThrow(/claimscope\.db is damaged \(.*\), but another program \(process \d+\) has it open; close .* Nothing was moved/);
    expect(fs.readdirSync(path.dirname(db)).filter((f) => f.includes('damaged'))).toEqual([]);
    holder.child.stdin!.write('go\n');
    await finished(holder);
    const reports: string[] = [];
    const fresh = openApp(db, { backups: false, onDamaged: (r) => reports.push(r.movedTo) });
    fresh.close();
    expect(reports).toHaveLength(1);
    expect(fs.existsSync(reports[0]!)).toBe(true);
  });
});
