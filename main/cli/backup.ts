import fs from 'node:fs';
import path from 'node:path';
import { backupAsync, manualBackupPath } from '../../db/backup';
import { inspectBackup, restoreDatabase } from '../../db/restore';
import { UsageError, type Command } from './command';

export const backupCommand: Command = {
  usage: 'backup [--out FILE] [--db PATH]   copy the database (safe while the app runs); prints {"backup", "bytes", ...}',
  options: { out: { type: 'string' } },
  async run(app, positionals, values) {
    if (positionals.length) throw new UsageError('backup takes no arguments (use --out FILE to choose where)');
    const db = app().db;
    const out = typeof values.out === 'string' ? path.resolve(values.out) : manualBackupPath(db.name);
    if (fs.existsSync(out)) throw new Error(`${out}: a file of that name exists already; choose another name`);
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
