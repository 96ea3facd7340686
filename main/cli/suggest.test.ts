import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CORPUS, ensureBuilt, REPO } from '../../test/built';

const cli = (args: string[]) => spawnSync(process.execPath, [path.join(REPO, 'dist/main/cli.cjs'), ...args], { encoding: 'utf8' });

describe('claimscope suggest and annotate', () => {
  beforeAll(() => ensureBuilt());

  it('suggest <file> --json: offsets index the file text exactly, for every article of the corpus', () => {
    for (const name of fs.readdirSync(CORPUS).filter((f) => f.endsWith('.txt'))) {
      const file = path.join(CORPUS, name);
      const text = fs.readFileSync(file, 'utf8');
      const r = cli(['suggest', file, '--json']);
      expect(r.status, r.stderr).toBe(0);
      const { suggestions } = JSON.parse(r.stdout);
      expect(suggestions.length, name).toBeGreaterThan(0);
      for (const s of suggestions) {
        for (const span of s.type === 'inconsistency' ? s.spans : [s.span]) expect(text.slice(span.start, span.end)).toBe(span.text);
      }
    }
  });

  it('suggest --db --doc and annotate --accept-suggestions work on a stored document (through the worker)', () => {
    const db = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cs-cli-sug-')), 'c.db');
    expect(cli(['import', path.join(CORPUS, 'port-strike.txt'), '--db', db]).status).toBe(0);
    const listed = cli(['suggest', '--db', db, '--doc', '1', '--json']);
    expect(listed.status, listed.stderr).toBe(0);
    const { suggestions } = JSON.parse(listed.stdout);
    expect(suggestions.some((s: any) => s.type === 'inconsistency' && s.kind === 'weekday')).toBe(true);
    const r = cli(['annotate', '--db', db, '--doc', '1', '--accept-suggestions']);
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.accepted).toBe(suggestions.length);
    expect(out.created.flags).toBeGreaterThanOrEqual(2);
    expect(JSON.parse(cli(['list', '--db', db]).stdout).documents[0].annotationCount).toBe(out.created.claims + out.created.attributions);
  });

  it('refuses bad usage and a bad file', () => {
    expect(cli(['suggest']).status).toBe(2);
    expect(cli(['annotate', '--doc', '1']).status).toBe(2);
    const bad = cli(['suggest', '/no/such.txt', '--json']);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toBe('claimscope: /no/such.txt: no such file; check the path\n');
  });
});
