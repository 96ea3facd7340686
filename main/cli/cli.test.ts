import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CORPUS, ensureBuilt, REPO } from '../../test/built';

// The real CLI, as a user runs it: a child process over a real database file.
function cli(args: string[], env: NodeJS.ProcessEnv = {}) {
  const r = spawnSync(process.execPath, [path.join(REPO, 'dist/main/cli.cjs'), ...args], {
    encoding: 'utf8',
    env: { ...process.env, CLAIMSCOPE_DB: '', ...env },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('claimscope CLI', () => {
  let db: string;
  beforeAll(() => {
    ensureBuilt();
    db = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cs-cli-')), 'c.db');
  });

  it('imports a file and prints its id, title and size as JSON', () => {
    const r = cli(['import', path.join(CORPUS, 'kremlin-call.txt'), '--db', db]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toEqual({ documentId: 1, title: 'Kremlin aide unveils specifics of Putin-Trump phone call', chars: fs.readFileSync(path.join(CORPUS, 'kremlin-call.txt'), 'utf8').length });
  });

  it('lists documents, reading the database from CLAIMSCOPE_DB too', () => {
    const r = cli(['list'], { CLAIMSCOPE_DB: db });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).documents).toEqual([expect.objectContaining({ id: 1, title: expect.stringContaining('Kremlin'), annotationCount: 0 })]);
  });

  it('reports a bad file in one line on stderr with exit 1 and stores nothing', () => {
    const r = cli(['import', '/no/such/file.txt', '--db', db]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('claimscope: /no/such/file.txt: no such file; check the path\n');
    expect(JSON.parse(cli(['list', '--db', db]).stdout).documents).toHaveLength(1);
  });

  it('exits 2 on bad usage, with the usage text', () => {
    for (const args of [[], ['frobnicate'], ['import'], ['list', '--bogus']]) {
      const r = cli(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/usage: claimscope/);
    }
  });

  it('sets the analyst’s name, and exports with it in this environment’s language and time zone, or the ones given', () => {
    expect(JSON.parse(cli(['settings', '--db', db]).stdout)).toEqual({ settings: { analystName: '' } });
    const set = cli(['settings', '--analyst', 'Jana Müller', '--db', db]);
    expect(set.stderr).toBe('');
    expect(JSON.parse(set.stdout)).toEqual({ settings: { analystName: 'Jana Müller' } });
    const out = path.join(path.dirname(db), 'report.md');
    const r = cli(['export', '--doc', '1', '--format', 'md', '--out', out, '--db', db], { LANG: 'de_DE.UTF-8', LC_ALL: 'de_DE.UTF-8', TZ: 'Europe/Berlin' });
    expect(r.stderr).toBe('');
    const md = fs.readFileSync(out, 'utf8');
    expect(md).toContain('**Analyst:** Jana Müller');
    expect(md).toMatch(/\*\*Report generated:\*\* .* (MEZ|MESZ|CET|CEST|GMT\+\d)/);
    cli(['export', '--doc', '1', '--format', 'md', '--out', out, '--db', db, '--locale', 'en-GB', '--time-zone', 'UTC', '--analyst', 'Desk 4']);
    const again = fs.readFileSync(out, 'utf8');
    expect(again).toContain('**Analyst:** Desk 4');
    expect(again).toMatch(/\*\*Report generated:\*\* \d{1,2} [A-Z][a-z]+ \d{4} at \d{2}:\d{2} UTC/);
    const bad = cli(['export', '--doc', '1', '--format', 'md', '--out', out, '--db', db, '--time-zone', 'Mars/Olympus']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/^claimscope: exportReport: timeZone: not a time zone/);
  });

  it('says plainly when the database is newer than the app', () => {
    const newer = path.join(path.dirname(db), 'newer.db');
    const d = new Database(newer);
    d.pragma('user_version = 999');
    d.close();
    const r = cli(['list', '--db', newer]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^claimscope: .*newer\.db: this database was written by a newer Claimscope.*update Claimscope/);
  });
});
