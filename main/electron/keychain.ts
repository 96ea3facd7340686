import { safeStorage } from 'electron';
import fs from 'node:fs';

// The workspace's password in the OS keychain: encrypted by Electron's safeStorage (Keychain on
// macOS, DPAPI on Windows, libsecret or kwallet on Linux) into one file beside the database. Where
// no keychain is available the password is not kept: the next launch asks for it again (or reads
// PGPASSWORD / ~/.pgpass).
export function workspaceKeychain(file: string): { get: () => string | undefined; set: (password: string | undefined) => void } {
  return {
    get() {
      try {
        if (!fs.existsSync(file) || !safeStorage.isEncryptionAvailable()) return undefined;
        return safeStorage.decryptString(fs.readFileSync(file));
      } catch {
        return undefined;
      }
    },
    set(password) {
      if (password === undefined) return;
      if (!safeStorage.isEncryptionAvailable()) return;
      fs.writeFileSync(file, safeStorage.encryptString(password), { mode: 0o600 });
    },
  };
}
