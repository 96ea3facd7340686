import type { Database } from 'better-sqlite3';

// Cases, second step (issue 14): the analyst's Admiralty credibility of a claim group (1 confirmed
// ... 6 cannot be judged; NULL until decided), and the cross-document suggestions the analyst
// dismissed in a case, so they are not proposed again. A dismissal is one undoable step of the
// case (a tracked table, hence its own id); the suggestion is kept as a signature, stable across
// runs of the assistant: its type, kind and each span as documentId:start:end, sorted
// (caseSuggestionSignature in main/service/cases.ts). It goes with its case.
export function updateToSchemaVersion7(db: Database): void {
  db.exec(`
    ALTER TABLE claim_groups ADD COLUMN credibility INTEGER CHECK (credibility IS NULL OR credibility BETWEEN 1 AND 6);

    CREATE TABLE case_dismissals (
      id INTEGER PRIMARY KEY,
      case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
      signature TEXT NOT NULL CHECK (length(signature) > 0),
      created_at TEXT NOT NULL,
      UNIQUE (case_id, signature)
    ) STRICT;
  `);
}
