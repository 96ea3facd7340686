import fs from 'node:fs';
import path from 'node:path';

// The restore lock: a file beside the database that every opener honours. Restore holds it from
// before it checks that it has the database to itself until the restored file is in place, so no
// program can open the database (and write into a journal about to be thrown away) meanwhile.

export function restoreLockPath(dbFile: string): string {
  return `${path.resolve(dbFile)}.restore-lock`;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The process holding the restore lock, or null (a lock left by a process that died is removed). */
export function restoreInProgress(dbFile: string): number | null {
  const lock = restoreLockPath(dbFile);
  let pid: number;
  try {
    pid = Number.parseInt(fs.readFileSync(lock, 'utf8'), 10);
  } catch {
    return null;
  }
  if (Number.isInteger(pid) && pid > 0 && alive(pid)) return pid;
  fs.rmSync(lock, { force: true });
  return null;
}

export class RestoreInProgressError extends Error {
  constructor(dbFile: string, pid: number) {
    super(`${path.resolve(dbFile)}: a restore is replacing this database (process ${pid}); wait for it to finish, then open it again`);
    this.name = 'RestoreInProgressError';
  }
}

/** Refuses to open a database a restore is replacing. */
export function checkNotRestoring(dbFile: string): void {
  const pid = restoreInProgress(dbFile);
  if (pid !== null && pid !== process.pid) throw new RestoreInProgressError(dbFile, pid);
}

/** Takes the restore lock (exclusive create); returns its release. Throws when another restore holds it. */
export function acquireRestoreLock(dbFile: string): () => void {
  const lock = restoreLockPath(dbFile);
  const holder = restoreInProgress(dbFile);
  if (holder !== null) throw new RestoreInProgressError(dbFile, holder);
  const fd = fs.openSync(lock, 'wx');
  try {
    fs.writeSync(fd, String(process.pid));
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  return () => fs.rmSync(lock, { force: true });
}

// Who has the database open: one file per process in `<db>.openers/`, named by its pid, made on
// open and removed on close (a process that died is seen dead and its file removed). Opening a
// damaged database moves it aside only when no other process is on this list.

function openersDir(dbFile: string): string {
  return `${path.resolve(dbFile)}.openers`;
}

/** Notes this process as having the database open; returns the note's removal. */
export function registerOpener(dbFile: string): () => void {
  const dir = openersDir(dbFile);
  const mine = path.join(dir, String(process.pid));
  try {
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(mine, '');
  } catch {
    // A read-only folder: nobody else can write there either.
    return () => {};
  }
  return () => {
    fs.rmSync(mine, { force: true });
    try {
      fs.rmdirSync(dir);
    } catch {
      // others still have it open
    }
  };
}

/** Live processes other than this one that have the database open. */
export function otherOpeners(dbFile: string): number[] {
  const dir = openersDir(dbFile);
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return [];
  }
  const out: number[] = [];
  for (const name of names) {
    const pid = Number(name);
    if (!Number.isInteger(pid) || pid <= 0) continue;
    if (!alive(pid)) fs.rmSync(path.join(dir, name), { force: true });
    else if (pid !== process.pid) out.push(pid);
  }
  return out;
}
