import fs from 'node:fs';
import path from 'node:path';
import { backupAsync, copyDamaged, manualBackupPath } from '../../db/backup';
import { inspectBackup, restoreDatabase } from '../../db/restore';
import { damageOf } from '../../db/open';
import { resolveDbPath } from '../paths';
import { UsageError, type Command } from './command';

export const backupCommand: Command = {
  usage: 'backup [--out FILE] [--db PATH]   copy the database (safe while the app runs); prints {"backup", "bytes", ...}',
  options: { out: { type: 'string' } },
  async run(app, positionals, values) {
    if (positionals.length) throw new UsageError('backup takes no arguments (use --out FILE to choose where)');
    const file = resolveDbPath(typeof values.db === 'string' ? values.db : undefined);
    const out = typeof values.out === 'string' ? path.resolve(values.out) : manualBackupPath(file);
    if (fs.existsSync(out)) throw new Error(`${out}: a file of that name exists already; choose another name`);
    // A damaged database is copied as it is, never opened (which would move it aside) nor backed
    // up through SQLite (which would copy a new, empty one), and the command fails.
    const problems = damageOf(file);
    if (problems.length) {
      const copies = copyDamaged(file, out);
      throw new Error(`${file} is damaged (${problems[0]}); it was copied byte for byte to ${copies.join(' and ')} for salvage. Restore an automatic backup with claimscope restore`);
    }
    const db = app().db;
    const written = await backupAsync(db, out);
    const info = inspectBackup(written);
    return { backup: written, bytes: fs.statSync(written).size, ...info };
  },
};

export const restoreCommand: Command = {
  usage:
    'restore <backup-file> [--db PATH]   replace the database with a backup (close the app first); prints {"restored", "previous", ...}',
  async run(app, positionals) {
    const [file, ...rest] = positionals;
    if (!file || rest.length) throw new UsageError('restore takes one backup file');
    const source = path.resolve(file);
    // Check the backup before touching (or even opening) the database.
    inspectBackup(source);
    return restoreDatabase(app().db, source);
  },
};
