import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, REPO } from '../../test/built';

// `claimscope import` with --encoding and --whole-page, as a user runs it.
function cli(args: string[]) {
  const r = spawnSync(process.execPath, [path.join(REPO, 'dist/main/cli.cjs'), ...args], { encoding: 'utf8', env: { ...process.env, CLAIMSCOPE_DB: '' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('claimscope import options', () => {
  let dir: string;
  let db: string;
  beforeAll(() => {
    ensureBuilt();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cs-cli-imp-'));
    db = path.join(dir, 'c.db');
  });

  it('detects an encoding, takes --encoding NAME, says when the content was there already, and refuses an unknown name in one line', () => {
    const file = path.join(dir, 'notice.txt');
    fs.copyFileSync(path.resolve(REPO, 'test/import/encodings/shift_jis.txt'), file);
    const first = cli(['import', file, '--db', db]);
    expect(first.stderr).toBe('');
    expect(JSON.parse(first.stdout)).toMatchObject({ documentId: 1 });
    expect(JSON.parse(cli(['import', file, '--db', db]).stdout)).toMatchObject({ documentId: 1, existing: true });
    const picked = cli(['import', file, '--encoding', 'euc-jp', '--db', db]);
    expect(picked.stderr).toBe('');
    expect(JSON.parse(picked.stdout)).toEqual({ documentId: 2, title: expect.any(String), chars: expect.any(Number) });
    const bad = cli(['import', file, '--encoding', 'martian', '--db', db]);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toBe(`claimscope: ${file}: "martian" is not an encoding this app can read; choose another, such as utf-8, shift_jis, euc-jp, gb18030, big5, euc-kr, windows-1251, koi8-r or iso-8859-2\n`);
  });

  it('keeps the whole page with --whole-page', () => {
    const file = path.join(dir, 'page.html');
    const words = 'The committee published its findings on Tuesday after a year of hearings. '.repeat(10);
    fs.writeFileSync(file, `<html><body><article><p>${words}</p><p>${words}</p></article><div class="comments"><p>Reader comment kept on request.</p></div></body></html>`);
    const article = JSON.parse(cli(['import', file, '--db', db]).stdout);
    const whole = JSON.parse(cli(['import', file, '--whole-page', '--db', db]).stdout);
    expect(whole.documentId).not.toBe(article.documentId);
    expect(whole.chars).toBeGreaterThan(article.chars);
  });
});
