import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Debian's Chromium (Playwright cannot download its own browsers here), or CLAIMSCOPE_CHROMIUM. */
export function chromiumPath(): string | undefined {
  const candidates = [process.env.CLAIMSCOPE_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  return candidates.find((p): p is string => !!p && fs.existsSync(p));
}

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export function chromiumLaunchOptions() {
  const home = path.join(os.tmpdir(), 'claimscope-chromium');
  return {
    executablePath: chromiumPath(),
    args: CHROMIUM_ARGS,
    env: {
      ...process.env,
      XDG_CONFIG_HOME: path.join(home, 'config'),
      XDG_CACHE_HOME: path.join(home, 'cache'),
    } as Record<string, string>,
  };
}
