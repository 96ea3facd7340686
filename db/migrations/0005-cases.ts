import type { Database } from 'better-sqlite3';

// Cases (issue 14): a named set of documents about one event, a document sitting in any number of
// cases; claim groups, the passages of several documents the analyst matched as stating (or
// contradicting) one claim; and the hypotheses of an ACH matrix with the analyst's mark for each
// claim group. Claim groups, their members, hypotheses and marks change through the operation log
// (undoable per case: operations.case_id); a case and its documents are the analyst's filing and
// are not undoable.
export function updateToSchemaVersion5(db: Database): void {
  db.exec(`
    CREATE TABLE cases (
      id INTEGER PRIMARY KEY,
      name TEXT NOT NULL CHECK (length(trim(name)) > 0),
      created_at TEXT NOT NULL
    ) STRICT;
    CREATE UNIQUE INDEX cases_name ON cases(name COLLATE NOCASE);

    CREATE TABLE case_documents (
      case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
      document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
      position INTEGER NOT NULL,
      PRIMARY KEY (case_id, document_id)
    ) STRICT;
    CREATE INDEX case_documents_document ON case_documents(document_id);

    CREATE TABLE claim_groups (
      id INTEGER PRIMARY KEY,
      case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
      label TEXT NOT NULL DEFAULT '',
      created_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX claim_groups_case ON claim_groups(case_id);

    CREATE TABLE claim_group_members (
      id INTEGER PRIMARY KEY,
      group_id INTEGER NOT NULL REFERENCES claim_groups(id) ON DELETE CASCADE,
      annotation_id INTEGER NOT NULL REFERENCES annotations(id) ON DELETE CASCADE,
      stance TEXT NOT NULL DEFAULT 'states' CHECK (stance IN ('states', 'contradicts')),
      UNIQUE (group_id, annotation_id)
    ) STRICT;
    CREATE INDEX claim_group_members_annotation ON claim_group_members(annotation_id);

    CREATE TABLE hypotheses (
      id INTEGER PRIMARY KEY,
      case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
      label TEXT NOT NULL CHECK (length(trim(label)) > 0),
      position INTEGER NOT NULL,
      created_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX hypotheses_case ON hypotheses(case_id);

    CREATE TABLE ach_marks (
      id INTEGER PRIMARY KEY,
      hypothesis_id INTEGER NOT NULL REFERENCES hypotheses(id) ON DELETE CASCADE,
      group_id INTEGER NOT NULL REFERENCES claim_groups(id) ON DELETE CASCADE,
      mark TEXT NOT NULL CHECK (mark IN ('consistent', 'inconsistent', 'not_applicable')),
      UNIQUE (hypothesis_id, group_id)
    ) STRICT;
    CREATE INDEX ach_marks_group ON ach_marks(group_id);

    ALTER TABLE operations ADD COLUMN case_id INTEGER REFERENCES cases(id) ON DELETE CASCADE;
    CREATE INDEX operations_case_state ON operations(case_id, state, id);
  `);
}
