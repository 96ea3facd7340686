import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CORPUS, ensureBuilt, REPO } from '../../test/built';

// `claimscope backup` and `claimscope restore`, through the real CLI over real files.
function cli(args: string[]) {
  const r = spawnSync(process.execPath, [path.join(REPO, 'dist/main/cli.cjs'), ...args], {
    encoding: 'utf8',
    env: { ...process.env, CLAIMSCOPE_DB: '' },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function titles(file: string): string[] {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare('SELECT title FROM documents ORDER BY id').pluck().all() as string[];
  } finally {
    db.close();
  }
}

describe('claimscope backup / restore', () => {
  let dir: string;
  let db: string;
  beforeAll(() => {
    ensureBuilt();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cs-cli-backup-'));
    db = path.join(dir, 'claimscope.db');
    expect(cli(['import', path.join(CORPUS, 'kremlin-call.txt'), '--db', db]).code).toBe(0);
  });

  it('backs up while another connection is writing, to --out or into backups/', () => {
    const holder = new Database(db); // the app, open at the same time
    holder.exec('BEGIN IMMEDIATE');
    try {
      const out = path.join(dir, 'mine.db');
      const r = cli(['backup', '--out', out, '--db', db]);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect(JSON.parse(r.stdout)).toMatchObject({ backup: out, bytes: fs.statSync(out).size, documents: 1 });
      expect(titles(out)).toEqual(['Kremlin aide unveils specifics of Putin-Trump phone call']);
      const auto = JSON.parse(cli(['backup', '--db', db]).stdout);
      expect(auto.backup).toMatch(/backups\/claimscope-.*-manual\.db$/);
      // Never overwrites.
      const again = cli(['backup', '--out', out, '--db', db]);
      expect(again.code).toBe(1);
      expect(again.stderr).toMatch(/mine\.db: a file of that name exists already; choose another name/);
    } finally {
      holder.exec('ROLLBACK');
      holder.close();
    }
  });

  it('restores a backup, saving the current database first; refuses while the database is open elsewhere', () => {
    const saved = path.join(dir, 'before-second.db');
    expect(cli(['backup', '--out', saved, '--db', db]).code).toBe(0);
    const second = path.join(dir, 'second.txt');
    fs.writeFileSync(second, 'A second document. It says other things.');
    expect(cli(['import', second, '--db', db]).code).toBe(0);
    expect(titles(db)).toHaveLength(2);

    const holder = new Database(db);
    holder.prepare('SELECT 1').get();
    const refused = cli(['restore', saved, '--db', db]);
    holder.close();
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^claimscope: .*claimscope\.db: another program has this database open .*; close it and run restore again/);
    expect(titles(db)).toHaveLength(2);

    const r = cli(['restore', saved, '--db', db]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ restored: saved, database: db, documents: 1 });
    expect(titles(db)).toHaveLength(1);
    expect(titles(out.previous)).toHaveLength(2);
    expect(JSON.parse(cli(['list', '--db', db]).stdout).documents).toHaveLength(1);
  });

  it('refuses a file that is not a Claimscope backup, and bad usage', () => {
    const junk = path.join(dir, 'junk.db');
    fs.writeFileSync(junk, 'junk'.repeat(1000));
    const r = cli(['restore', junk, '--db', db]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`claimscope: ${junk}: not a Claimscope database (file is not a database); give the path of a Claimscope backup\n`);
    expect(cli(['restore', '--db', db]).code).toBe(2);
    expect(cli(['backup', 'extra', '--db', db]).code).toBe(2);
  });

  it('says in one line where a damaged database went, and carries on with a fresh one', () => {
    const broken = path.join(dir, 'broken.db');
    fs.writeFileSync(broken, 'definitely not sqlite '.repeat(300));
    const r = cli(['list', '--db', broken]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ documents: [] });
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    const moved = /moved to (\S+) /.exec(lines[0]!)![1]!;
    expect(lines[0]).toMatch(/^claimscope: .*broken\.db was damaged/);
    expect(fs.readFileSync(moved, 'utf8')).toMatch(/^definitely not sqlite/);
  });
  it('backing up a damaged database copies it byte for byte, leaves it where it is, and fails', () => {
    const broken = path.join(dir, 'damaged.db');
    const bytes = 'definitely not sqlite either '.repeat(300);
    fs.writeFileSync(broken, bytes);
    const out = path.join(dir, 'salvage.db');
    const r = cli(['backup', '--out', out, '--db', broken]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`^claimscope: .*damaged\\.db is damaged \\(.*\\); it was copied byte for byte to .*salvage\\.db for salvage\\. Restore an automatic backup with claimscope restore\n$`));
    expect(fs.readFileSync(out, 'utf8')).toBe(bytes);
    expect(fs.readFileSync(broken, 'utf8')).toBe(bytes);
  });
});
