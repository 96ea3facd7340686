import { execFileSync } from 'node:child_process';
import path from 'node:path';

export const REPO = path.resolve(__dirname, '..');
export const CORPUS = path.resolve(REPO, '..', 'shared', 'corpus');

/** Builds dist/ if a source is newer, so tests of the real CLI and web host run the current code. */
export function ensureBuilt(): void {
  execFileSync(process.execPath, [path.join(REPO, 'scripts', 'build.mjs'), '--if-needed', '--quiet'], { stdio: 'inherit' });
}
