import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CaseSuggestion } from '../../common/domain';
import { ensureBuilt, REPO } from '../../test/built';
import { openApp } from '../app';

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

  it('case export writes the case report in each format, with the contradiction the analyst accepted', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cs-cli-case-'));
    const db = path.join(dir, 'c.db');
    expect(cli(['case', 'create', 'Leaders call', '--db', db]).status).toBe(0);
    const files = fs.readdirSync(CASE).filter((f) => f.endsWith('.txt')).sort().map((f) => path.join(CASE, f));
    expect(cli(['case', 'add', '1', ...files, '--db', db]).status).toBe(0);
    const { suggestions } = JSON.parse(cli(['case', 'suggest', '1', '--json', '--db', db]).stdout);
    const contradiction = suggestions.find((s: CaseSuggestion) => s.type === 'inconsistency');
    // The analyst accepts one (in the app; the CLI has no command for it).
    const app = openApp(db);
    try {
      const r = await app.dispatch('acceptCaseSuggestion', { caseId: 1, suggestion: contradiction });
      expect(r.ok, JSON.stringify(r)).toBe(true);
    } finally {
      app.close();
    }
    for (const [format, name] of [['html', 'report.html'], ['md', 'report.md'], ['json', 'report.jsonld'], ['csv', 'report.csv']] as const) {
      const out = path.join(dir, name);
      const r = cli(['case', 'export', 'leaders call', '--format', format, '--out', out, '--analyst', 'Ana', '--db', db]);
      expect(r.status, r.stderr).toBe(0);
      expect(JSON.parse(r.stdout)).toEqual({ out, format, bytes: fs.statSync(out).size });
    }
    const html = fs.readFileSync(path.join(dir, 'report.html'), 'utf8');
    expect(html).toContain('<h1>Leaders call</h1>');
    expect(html).toContain('data-cell="contradicted"');
    for (const span of contradiction.spans) expect(html).toContain(span.text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;'));
    expect(fs.readFileSync(path.join(dir, 'report.md'), 'utf8')).toContain('## Contested claims');
    const ld = JSON.parse(fs.readFileSync(path.join(dir, 'report.jsonld'), 'utf8'));
    expect(ld.items[0].type).toBe('AnnotationCollection');
    expect(new Set(ld.items[0].first.items.map((a: any) => a.target.source)).size).toBe(contradiction.spans.length);
  });

  it('case export says what is wrong in one line', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cs-cli-case-'));
    const db = path.join(dir, 'c.db');
    expect(cli(['case', 'create', 'A', '--db', db]).status).toBe(0);
    const out = path.join(dir, 'r.html');
    const missing = cli(['case', 'export', 'Nothing', '--format', 'html', '--out', out, '--db', db]);
    expect([missing.status, missing.stderr]).toEqual([1, 'claimscope: no case "Nothing"; create it with `case create NAME` or see `case list`\n']);
    const format = cli(['case', 'export', 'A', '--format', 'docx', '--out', out, '--db', db]);
    expect([format.status, format.stderr]).toEqual([1, 'claimscope: unknown format "docx"; use one of html, pdf, md, csv, json\n']);
    const review = cli(['case', 'export', 'A', '--format', 'claimreview', '--out', out, '--db', db]);
    expect(review.status).toBe(1);
    expect(review.stderr).toMatch(/^claimscope: a case has no ClaimReview form .*export the case as json.*\n$/);
    expect(review.stderr.trim().split('\n')).toHaveLength(1);
    expect(fs.existsSync(out)).toBe(false);
    expect(cli(['case', 'export', 'A', '--format', 'html', '--db', db]).status).toBe(2);
    expect(cli(['case', 'export', '--format', 'html', '--out', out, '--db', db]).status).toBe(2);
    const help = cli(['--help']);
    expect(help.stdout).toContain('case export CASE --format html|pdf|md|csv|json --out FILE');
  });
});
