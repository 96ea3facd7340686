import { createRequire } from 'node:module';
import path from 'node:path';

// Packages only some commands need (an HTML or Word parser, the PostgreSQL client) load the first
// time they are used, so `claimscope list`, the app's start and a plain-text import do not pay for
// loading them (linkedom alone is a third of a second).

const load = createRequire(typeof __filename === 'string' ? __filename : path.join(process.cwd(), 'index.js'));

/** A package's exports, loaded at the first call; a CommonJS default export is the module itself. */
export function lazy<T>(name: string): () => T {
  let m: T | undefined;
  return () => (m ??= load(name) as T);
}
