import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { backupAsync } from '../db/backup';
import { openDatabase } from '../db/open';
import { restoreDatabase } from '../db/restore';
import { openApp } from '../main/app';
import { buildWriter, finished, startWriter } from './crash/harness';

// Restore against real processes that open the database and write while it runs. Whatever the
// timing, every write a writer saw acknowledged must be somewhere the analyst can get it back: in
// the database after the restore (if the restore was refused, or the write came after it), or in
// the copy restore saves before replacing the file. Before the restore lock, 7 of 12 tries lost
// every acknowledged write.

const ROUNDS = 4;
const WRITERS = 10;
/** Rows of the backup start here, so ids written after the restore never meet ids written before. */
const AFTER_RESTORE = 1_000_000;

function ids(file: string): Set<number> {
  const db = new Database(file, { readonly: true });
  try {
    return new Set(db.prepare('SELECT id FROM annotations').pluck().all() as number[]);
  } finally {
    db.close();
  }
}

describe('restore while other processes write', () => {
  let writer: string;
  beforeAll(async () => {
    writer = await buildWriter();
  });

  it('loses no acknowledged write, in any of several races', async () => {
    let restored = 0;
    let refused = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cs-restore-race-'));
      const file = path.join(dir, 'claimscope.db');
      const app = openApp(file, { backups: false });
      const text = 'The council met on Monday. The vote was 31 to 14. '.repeat(40);
      const { document } = await app.client.importBytes({ name: 'a.txt', dataBase64: Buffer.from(text).toString('base64') });
      app.db.prepare(`INSERT INTO annotations (id, document_id, kind, start_offset, end_offset, exact, prefix, suffix, created_at) VALUES (?, ?, 'claim', 0, 3, 'The', '', ' co', 'now')`).run(AFTER_RESTORE, document.id);
      // A large backup, so copying it takes long enough for writers to arrive meanwhile.
      app.db.prepare(`INSERT INTO documents (title, format, text, blocks, sha256, metadata, imported_at) VALUES ('big', 'txt', ?, '[]', 'big', '{}', 'now')`).run('x'.repeat(20_000_000));
      const backup = await backupAsync(app.db, path.join(dir, 'backup.db'));
      app.db.prepare('DELETE FROM annotations WHERE id = ?').run(AFTER_RESTORE);
      app.db.prepare(`DELETE FROM documents WHERE title = 'big'`).run();
      app.close();

      const writers = Array.from({ length: WRITERS }, () => null as ReturnType<typeof startWriter> | null);
      const started = writers.map(
        (_, i) =>
          new Promise<void>((resolve) =>
            setTimeout(() => {
              writers[i] = startWriter(writer, [file, '--document', String(document.id), '--count', '30']);
              resolve();
            }, i * 30),
          ),
      );
      await new Promise((r) => setTimeout(r, 20 + round * 15));
      let previous: string | null = null;
      try {
        const result = await restoreDatabase(openDatabase(file, { backups: false }), backup, { backups: false });
        previous = result.previous;
        restored++;
      } catch (err) {
        expect(String(err)).toMatch(/another program has this database open|a restore is replacing/);
        refused++;
      }
      await Promise.all(started);
      for (const w of writers) await finished(w!);
      const after = ids(file);
      const before = previous ? ids(previous) : new Set<number>();
      const lost = writers.flatMap((w) => w!.acked).filter((id) => !after.has(id) && !before.has(id));
      expect(lost, `round ${round}: acknowledged writes lost`).toEqual([]);
      // A writer that could not open was told why, in one line.
      for (const w of writers) for (const l of w!.lines.filter((x) => x.startsWith('err'))) expect(l).toMatch(/restore is replacing|busy/);
      const check = new Database(file, { readonly: true });
      expect(check.pragma('integrity_check', { simple: true })).toBe('ok');
      check.close();
    }
    expect(restored + refused).toBe(ROUNDS);
  }, 180_000);
});
