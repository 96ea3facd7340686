import { buildSync } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

// Parts of the app that other work adds (the assistant, the exporters) are timed when they exist:
// bundled from source at run time, so the benchmark builds whether or not they are there yet.

export const REPO = path.resolve(__dirname, '..', '..');

/** The module at `rel` (a .ts file in the repository), or null when it does not exist. */
export function loadOptional<T>(rel: string): T | null {
  const entry = path.join(REPO, rel);
  if (!fs.existsSync(entry)) return null;
  // Inside the repository, so that its dependencies resolve from node_modules at run time.
  const outfile = path.join(REPO, 'dist', 'bench', 'optional', rel.replace(/[\\/]/g, '_').replace(/\.tsx?$/, '.cjs'));
  buildSync({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    packages: 'external',
    logLevel: 'error',
    absWorkingDir: REPO,
  });
  return createRequire(__filename)(outfile) as T;
}

/** A browser bundle (IIFE) of a .ts entry, as a string to put in a page. */
export function browserBundle(rel: string): string {
  const result = buildSync({
    entryPoints: [path.join(REPO, rel)],
    bundle: true,
    platform: 'browser',
    target: 'chrome120',
    format: 'iife',
    write: false,
    minify: true,
    logLevel: 'error',
    absWorkingDir: REPO,
  });
  return result.outputFiles[0]!.text;
}
