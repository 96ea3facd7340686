import type { Database } from 'better-sqlite3';

// The analyst's settings (their name on every report), and each document's bottom-line
// assessment: a verdict and a summary. Settings are the analyst's, outside any document's undo
// history; an assessment is part of its document and changes through the operation log like a
// note does (one row per document, so undo can put back or remove it whole).
export function updateToSchemaVersion4(db: Database): void {
  db.exec(`
    CREATE TABLE settings (
      key TEXT PRIMARY KEY,
      value TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;

    CREATE TABLE assessments (
      id INTEGER PRIMARY KEY,
      document_id INTEGER NOT NULL UNIQUE REFERENCES documents(id) ON DELETE CASCADE,
      verdict TEXT NOT NULL DEFAULT 'unassessed'
        CHECK (verdict IN ('unassessed', 'reliable', 'mostly_reliable', 'mixed', 'misleading', 'false')),
      summary TEXT NOT NULL DEFAULT '',
      updated_at TEXT NOT NULL
    ) STRICT;
  `);
}
