import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CaseSuggestion } from '../../common/domain';
import { ensureBuilt, REPO } from '../../test/built';

const cli = (args: string[]) => spawnSync(process.execPath, [path.join(REPO, 'dist/main/cli.cjs'), ...args], { encoding: 'utf8' });
const CASE = path.join(REPO, 'assist', 'eval', 'data', 'cases', '01-leaders-phone-call');

describe('claimscope case', () => {
  beforeAll(() => ensureBuilt());

  it('create, add files, list, suggest --json: spans index each document\'s text', () => {
    const db = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cs-cli-case-')), 'c.db');
    const created = cli(['case', 'create', 'Leaders call', '--db', db]);
    expect(created.status, created.stderr).toBe(0);
    expect(JSON.parse(created.stdout).case).toMatchObject({ id: 1, name: 'Leaders call', documentIds: [] });
    const files = fs.readdirSync(CASE).filter((f) => f.endsWith('.txt')).sort().map((f) => path.join(CASE, f));
    const added = cli(['case', 'add', 'leaders call', ...files, '--db', db]);
    expect(added.status, added.stderr).toBe(0);
    const { case: c, documents } = JSON.parse(added.stdout);
    expect(c.documentIds).toHaveLength(files.length);
    expect(JSON.parse(cli(['case', 'list', '--db', db]).stdout).cases).toEqual([c]);
    const r = cli(['case', 'suggest', '1', '--json', '--db', db]);
    expect(r.status, r.stderr).toBe(0);
    const { suggestions } = JSON.parse(r.stdout);
    expect(suggestions.some((s: CaseSuggestion) => s.type === 'inconsistency')).toBe(true);
    const textOf = new Map<number, string>(documents.map((d: { documentId: number }, i: number) => [d.documentId, fs.readFileSync(files[i]!, 'utf8')]));
    for (const s of suggestions) {
      expect(CaseSuggestion.safeParse(s).success).toBe(true);
      for (const span of s.spans) expect(textOf.get(span.documentId)!.slice(span.start, span.end)).toBe(span.text);
    }
  });

  it('says what is wrong in one line', () => {
    const db = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cs-cli-case-')), 'c.db');
    const missing = cli(['case', 'suggest', 'Nothing', '--db', db]);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toBe('claimscope: no case "Nothing"; create it with `case create NAME` or see `case list`\n');
    expect(cli(['case', 'create', 'A', '--db', db]).status).toBe(0);
    const twice = cli(['case', 'create', 'a', '--db', db]);
    expect(twice.status).toBe(1);
    expect(twice.stderr.trim().split('\n')).toHaveLength(1);
    expect(twice.stderr).toMatch(/already exists/);
    const noFile = cli(['case', 'add', 'A', '/no/such.txt', '--db', db]);
    expect(noFile.status).toBe(1);
    expect(noFile.stderr).toBe('claimscope: /no/such.txt: no such file; check the path\n');
    expect(cli(['case', 'add', 'A', '--db', db]).status).toBe(2);
    expect(cli(['case', 'frobnicate', '--db', db]).status).toBe(2);
  });
});
