import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';

// Wiring only: Electron's safeStorage is stubbed (a reversible scramble standing in for the OS keychain).
let available = true;
vi.mock('electron', () => ({
  safeStorage: {
    isEncryptionAvailable: () => available,
    encryptString: (s: string) => Buffer.from([...s].reverse().join(''), 'utf8'),
    decryptString: (b: Buffer) => [...b.toString('utf8')].reverse().join(''),
  },
}));

describe('the workspace password in the keychain', () => {
  it('keeps it encrypted in a file only its owner reads, and reads it back', async () => {
    const { workspaceKeychain } = await import('./keychain');
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cs-keychain-')), 'workspace-password.bin');
    const k = workspaceKeychain(file);
    expect(k.get()).toBeUndefined();
    k.set('s3cret pass');
    expect(fs.readFileSync(file, 'utf8')).not.toContain('s3cret pass');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(k.get()).toBe('s3cret pass');
    k.set(undefined);
    expect(k.get()).toBe('s3cret pass');
  });

  it('keeps nothing where the system has no keychain', async () => {
    const { workspaceKeychain } = await import('./keychain');
    available = false;
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cs-keychain-')), 'workspace-password.bin');
    workspaceKeychain(file).set('pw');
    expect(fs.existsSync(file)).toBe(false);
    available = true;
  });
});
