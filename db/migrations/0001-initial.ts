import type { Database } from 'better-sqlite3';

// The first schema: every table the design names, even those later work fills in.
export function updateToSchemaVersion1(db: Database): void {
  db.exec(`
    CREATE TABLE documents (
      id INTEGER PRIMARY KEY,
      title TEXT NOT NULL,
      path TEXT,
      format TEXT NOT NULL,
      text TEXT NOT NULL,
      blocks TEXT NOT NULL DEFAULT '[]',
      sha256 TEXT NOT NULL,
      metadata TEXT NOT NULL DEFAULT '{}',
      imported_at TEXT NOT NULL,
      version INTEGER NOT NULL DEFAULT 1,
      previous_id INTEGER REFERENCES documents(id) ON DELETE SET NULL
    ) STRICT;
    CREATE INDEX documents_sha256 ON documents(sha256);
    CREATE INDEX documents_path ON documents(path);

    CREATE TABLE annotations (
      id INTEGER PRIMARY KEY,
      document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
      kind TEXT NOT NULL CHECK (kind IN ('claim', 'attribution')),
      start_offset INTEGER NOT NULL,
      end_offset INTEGER NOT NULL,
      exact TEXT NOT NULL,
      prefix TEXT NOT NULL,
      suffix TEXT NOT NULL,
      status TEXT NOT NULL DEFAULT 'unverified'
        CHECK (status IN ('unverified', 'supported', 'disputed', 'refuted', 'retracted')),
      credibility INTEGER CHECK (credibility BETWEEN 1 AND 6),
      note TEXT NOT NULL DEFAULT '',
      orphan INTEGER NOT NULL DEFAULT 0 CHECK (orphan IN (0, 1)),
      created_at TEXT NOT NULL,
      CHECK (end_offset > start_offset AND start_offset >= 0)
    ) STRICT;
    CREATE INDEX annotations_document ON annotations(document_id, start_offset);

    CREATE TABLE sources (
      id INTEGER PRIMARY KEY,
      name TEXT NOT NULL,
      type TEXT NOT NULL DEFAULT 'other'
        CHECK (type IN ('person', 'organisation', 'outlet', 'document', 'other')),
      aliases TEXT NOT NULL DEFAULT '[]',
      reliability TEXT NOT NULL DEFAULT 'F' CHECK (reliability IN ('A', 'B', 'C', 'D', 'E', 'F')),
      note TEXT NOT NULL DEFAULT '',
      created_at TEXT NOT NULL
    ) STRICT;

    CREATE TABLE links (
      id INTEGER PRIMARY KEY,
      from_id INTEGER NOT NULL REFERENCES annotations(id) ON DELETE CASCADE,
      to_annotation_id INTEGER REFERENCES annotations(id) ON DELETE CASCADE,
      to_source_id INTEGER REFERENCES sources(id) ON DELETE CASCADE,
      CHECK ((to_annotation_id IS NULL) <> (to_source_id IS NULL)),
      CHECK (to_annotation_id IS NULL OR to_annotation_id <> from_id)
    ) STRICT;
    CREATE INDEX links_from ON links(from_id);
    CREATE INDEX links_to_annotation ON links(to_annotation_id);
    CREATE INDEX links_to_source ON links(to_source_id);

    CREATE TABLE flags (
      id INTEGER PRIMARY KEY,
      document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
      explanation TEXT NOT NULL DEFAULT '',
      status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'confirmed', 'explained', 'dismissed')),
      note TEXT NOT NULL DEFAULT '',
      created_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX flags_document ON flags(document_id);

    CREATE TABLE flag_members (
      id INTEGER PRIMARY KEY,
      flag_id INTEGER NOT NULL REFERENCES flags(id) ON DELETE CASCADE,
      annotation_id INTEGER NOT NULL REFERENCES annotations(id) ON DELETE CASCADE,
      UNIQUE (flag_id, annotation_id)
    ) STRICT;
    CREATE INDEX flag_members_annotation ON flag_members(annotation_id);

    CREATE TABLE suggestions (
      id INTEGER PRIMARY KEY,
      document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
      type TEXT NOT NULL CHECK (type IN ('inconsistency', 'attribution', 'claim')),
      key TEXT NOT NULL,
      payload TEXT NOT NULL,
      state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'accepted', 'rejected')),
      created_at TEXT NOT NULL,
      UNIQUE (document_id, key)
    ) STRICT;

    CREATE TABLE operations (
      id INTEGER PRIMARY KEY,
      document_id INTEGER REFERENCES documents(id) ON DELETE CASCADE,
      label TEXT NOT NULL,
      changes TEXT NOT NULL,
      state TEXT NOT NULL DEFAULT 'done' CHECK (state IN ('done', 'undone', 'discarded')),
      created_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX operations_document_state ON operations(document_id, state, id);
  `);
}
