import os from 'node:os';
import path from 'node:path';

export const DB_FILE_NAME = 'claimscope.db';

/** The platform's user data folder for Claimscope outside Electron (Electron uses app.getPath('userData')). */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  const home = os.homedir();
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'Claimscope');
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'Claimscope');
  return path.join(env.XDG_DATA_HOME || path.join(home, '.local', 'share'), 'claimscope');
}

/** --db PATH wins, then CLAIMSCOPE_DB, then the user data folder. */
export function resolveDbPath(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  if (flag) return path.resolve(flag);
  if (env.CLAIMSCOPE_DB) return path.resolve(env.CLAIMSCOPE_DB);
  return path.join(defaultDataDir(env), DB_FILE_NAME);
}
