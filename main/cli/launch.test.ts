import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CORPUS, ensureBuilt, REPO } from '../../test/built';
import { snapshotBlob, usesSnapshot } from './launch';

const BIN = path.join(REPO, 'dist/main/cli.cjs');
const cli = (args: string[], env: NodeJS.ProcessEnv = {}) =>
  spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, CLAIMSCOPE_DEBUG_STARTUP: '1', ...env } });

describe('the claimscope bin: the start-up snapshot', () => {
  beforeAll(() => ensureBuilt());

  it('only `suggest FILE` restarts from the snapshot (with --doc the assistant runs in the worker)', () => {
    expect(usesSnapshot(['suggest', 'a.txt'])).toBe(true);
    expect(usesSnapshot(['suggest', 'a.txt', '--json'])).toBe(true);
    expect(usesSnapshot(['suggest', '--doc', '1', '--db', 'x.db'])).toBe(false);
    expect(usesSnapshot(['suggest', '--doc=1'])).toBe(false);
    expect(usesSnapshot(['list'])).toBe(false);
    expect(usesSnapshot(['case', 'suggest', '1'])).toBe(false);
  });

  it('uses a blob only when this very Node made it and it is whole; CLAIMSCOPE_SNAPSHOT=0 turns it off', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cs-launch-'));
    const blob = path.join(dir, 'cli.blob');
    const argv = ['suggest', 'a.txt'];
    expect(snapshotBlob(dir, argv, {})).toBeNull(); // no blob
    fs.writeFileSync(blob, Buffer.alloc(64));
    const info = { node: process.version, arch: process.arch, execPath: process.execPath, bytes: 64 };
    fs.writeFileSync(`${blob}.json`, JSON.stringify(info));
    expect(snapshotBlob(dir, argv, {})).toBe(blob);
    expect(snapshotBlob(dir, argv, { CLAIMSCOPE_SNAPSHOT: '0' })).toBeNull();
    expect(snapshotBlob(dir, ['list'], {})).toBeNull();
    fs.writeFileSync(`${blob}.json`, JSON.stringify({ ...info, node: 'v19.0.0' }));
    expect(snapshotBlob(dir, argv, {})).toBeNull(); // another Node made it
    fs.writeFileSync(`${blob}.json`, JSON.stringify({ ...info, bytes: 65 }));
    expect(snapshotBlob(dir, argv, {})).toBeNull(); // cut short
    fs.writeFileSync(`${blob}.json`, '{not json');
    expect(snapshotBlob(dir, argv, {})).toBeNull();
  });

  it('the build made it; suggest FILE starts from it and prints what it prints without it', () => {
    const file = path.join(CORPUS, 'kremlin-call.txt');
    const fast = cli(['suggest', file]);
    expect(fast.status, fast.stderr).toBe(0);
    expect(fast.stderr).toContain('started from the snapshot');
    const plain = cli(['suggest', file], { CLAIMSCOPE_SNAPSHOT: '0' });
    expect(plain.status, plain.stderr).toBe(0);
    expect(plain.stderr).toContain('starting without a snapshot');
    expect(fast.stdout).toBe(plain.stdout);
    expect(JSON.parse(fast.stdout).suggestions.some((s: { type: string }) => s.type === 'inconsistency')).toBe(true);
  });

  it('errors and bad usage keep their one line and exit codes through the snapshot', () => {
    const missing = cli(['suggest', path.join(os.tmpdir(), 'no-such-file.txt')], { CLAIMSCOPE_DEBUG_STARTUP: '' });
    expect(missing.status).toBe(1);
    expect(missing.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^claimscope: .*no-such-file\.txt: no such file/)]);
    const usage = cli(['suggest', 'a.txt', 'b.txt'], { CLAIMSCOPE_DEBUG_STARTUP: '' });
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain('usage: claimscope');
  });
});
