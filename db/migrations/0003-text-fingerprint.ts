import { createHash } from 'node:crypto';
import type { Database } from 'better-sqlite3';

// Each document's text gets its own fingerprint (sha256 of its UTF-8 text) and length, stored at
// import: reports check the text against it (bytes flipped inside stored text pass SQLite's own
// checks), and the library no longer measures every text to list them. `origin` says whether the
// text came from the document's file or from an annotation file that carried it.
export function updateToSchemaVersion3(db: Database): void {
  db.exec(`
    ALTER TABLE documents ADD COLUMN text_sha256 TEXT;
    ALTER TABLE documents ADD COLUMN chars INTEGER;
    ALTER TABLE documents ADD COLUMN origin TEXT NOT NULL DEFAULT 'file' CHECK (origin IN ('file', 'annotations'));
  `);
  const rows = db.prepare('SELECT id, text FROM documents').iterate() as Iterable<{ id: number; text: string }>;
  const update = db.prepare('UPDATE documents SET text_sha256 = ?, chars = ? WHERE id = ?');
  const all = [...rows];
  for (const r of all) update.run(createHash('sha256').update(r.text, 'utf8').digest('hex'), r.text.length, r.id);
  db.exec('CREATE INDEX documents_text_sha256 ON documents(text_sha256)');
}
