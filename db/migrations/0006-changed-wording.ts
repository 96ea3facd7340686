import type { Database } from 'better-sqlite3';

// A tag that a new version of its document re-anchored onto different words ("$8 million" became
// "$9 million") remembers the words it had and the version that changed them, until the analyst
// has looked at it. Both NULL: its words are the ones it was made on (or were reviewed).
export function updateToSchemaVersion6(db: Database): void {
  db.exec(`
    ALTER TABLE annotations ADD COLUMN changed_from TEXT;
    ALTER TABLE annotations ADD COLUMN changed_in_version INTEGER CHECK (changed_in_version IS NULL OR changed_in_version >= 2);
  `);
}
