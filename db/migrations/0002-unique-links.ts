import type { Database } from 'better-sqlite3';

// A link exists once: an annotation covers a claim once and cites a source once. Earlier versions
// could write the same link twice (accepting a suggestion that repeated an attribution); the
// duplicates are removed, keeping the first, and the schema refuses them from now on.
export function updateToSchemaVersion2(db: Database): void {
  db.exec(`
    DELETE FROM links WHERE id NOT IN (
      SELECT min(id) FROM links GROUP BY from_id, coalesce(to_annotation_id, -1), coalesce(to_source_id, -1)
    );
    CREATE UNIQUE INDEX links_once_to_annotation ON links(from_id, to_annotation_id) WHERE to_annotation_id IS NOT NULL;
    CREATE UNIQUE INDEX links_once_to_source ON links(from_id, to_source_id) WHERE to_source_id IS NOT NULL;
  `);
}
