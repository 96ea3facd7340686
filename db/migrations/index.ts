import type { Database } from 'better-sqlite3';
import { updateToSchemaVersion1 } from './0001-initial';
import { updateToSchemaVersion2 } from './0002-unique-links';
import { updateToSchemaVersion3 } from './0003-text-fingerprint';
import { updateToSchemaVersion4 } from './0004-settings-assessments';
import { updateToSchemaVersion5 } from './0005-cases';
import { updateToSchemaVersion6 } from './0006-changed-wording';
import { updateToSchemaVersion7 } from './0007-case-evidence';
import { updateToSchemaVersion8 } from './0008-workspace';

export interface Migration {
  version: number;
  name: string;
  up: (db: Database) => void;
}

/** Every migration, in order. Append only: a released migration never changes. */
export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'initial', up: updateToSchemaVersion1 },
  { version: 2, name: 'unique-links', up: updateToSchemaVersion2 },
  { version: 3, name: 'text-fingerprint', up: updateToSchemaVersion3 },
  { version: 4, name: 'settings-assessments', up: updateToSchemaVersion4 },
  { version: 5, name: 'cases', up: updateToSchemaVersion5 },
  { version: 6, name: 'changed-wording', up: updateToSchemaVersion6 },
  { version: 7, name: 'case-evidence', up: updateToSchemaVersion7 },
  { version: 8, name: 'workspace', up: updateToSchemaVersion8 },
];

export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;

export class DatabaseTooNewError extends Error {
  constructor(file: string, found: number) {
    super(
      `${file}: this database was written by a newer Claimscope (schema ${found}, this app knows ${SCHEMA_VERSION}); update Claimscope to open it`,
    );
    this.name = 'DatabaseTooNewError';
  }
}

export function checkRegistry(migrations: readonly Migration[]): void {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`migration ${m.name} has version ${m.version}, expected ${i + 1}`);
  });
}

/**
 * Runs the pending migrations, each in its own transaction with its user_version, under an
 * exclusive lock so two processes opening one database never migrate it twice.
 * `beforeMigrating` runs once (a backup, say) when there is something to do.
 */
export function migrate(
  db: Database,
  file: string,
  options: { migrations?: readonly Migration[]; beforeMigrating?: (from: number) => void } = {},
): { from: number; to: number } {
  const migrations = options.migrations ?? MIGRATIONS;
  checkRegistry(migrations);
  const latest = migrations.length;
  const from = db.pragma('user_version', { simple: true }) as number;
  if (from > latest) throw new DatabaseTooNewError(file, from);
  if (from === latest) return { from, to: from };
  options.beforeMigrating?.(from);
  for (const m of migrations) {
    // Re-read inside the write lock: another process may have migrated meanwhile.
    const step = db.transaction(() => {
      const current = db.pragma('user_version', { simple: true }) as number;
      if (current >= m.version) return;
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
    });
    step.exclusive();
  }
  return { from, to: latest };
}
