import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from './built';

// Folders are layers (STYLE.md): one table says which rooms each room may import, and no file
// reaches itself through its imports. Checked on every import statement of production code.

/** Room -> the rooms it may import (besides itself). A room is a top-level folder, or main/<folder>. */
const ALLOWED: Record<string, readonly string[]> = {
  common: [],
  db: ['common'],
  assist: ['common'],
  'main/core': ['common'],
  'main/service': ['common', 'db', 'assist', 'main/core'],
  // The team workspace's link to PostgreSQL: nothing but the wiring and the CLI know it exists.
  'main/sync': ['common', 'db'],
  // main/app.ts, router.ts, paths.ts: the wiring every transport starts from.
  main: ['common', 'db', 'main/service', 'main/sync'],
  'main/server': ['common', 'main'],
  'main/cli': ['common', 'db', 'assist', 'main', 'main/core', 'main/sync'],
  'main/electron': ['common', 'db', 'main', 'main/server'],
  preload: ['common'],
  renderer: ['common'],
};

/** Packages only some rooms may import. */
const RESTRICTED: Record<string, readonly string[]> = {
  electron: ['main/electron', 'preload'],
  'better-sqlite3': ['db'],
  pg: ['main/sync'],
};

const NODE_BUILTINS = new Set(['fs', 'path', 'os', 'crypto', 'child_process', 'http', 'url', 'util', 'worker_threads', 'stream', 'zlib', 'events', 'net']);

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  if (!fs.existsSync(path.join(REPO, dir))) return out;
  for (const entry of fs.readdirSync(path.join(REPO, dir), { withFileTypes: true })) {
    const rel = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules' && entry.name !== 'eval') out.push(...sourceFiles(rel));
    } else if (/\.(ts|tsx|mts)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) out.push(rel);
  }
  return out;
}

function importsOf(file: string): string[] {
  const src = fs.readFileSync(path.join(REPO, file), 'utf8');
  const specs: string[] = [];
  const re = /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|(?:^|\n)\s*import\s+['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)|\brequire\(\s*['"]([^'"]+)['"]\s*\)/g;
  for (let m = re.exec(src); m; m = re.exec(src)) specs.push((m[1] ?? m[2] ?? m[3] ?? m[4])!);
  return specs;
}

/** The file a relative import lands on (index.ts for a folder), relative to the repository. */
function resolve(file: string, spec: string): string {
  const base = path.relative(REPO, path.resolve(REPO, path.dirname(file), spec));
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts')]) {
    if (fs.existsSync(path.join(REPO, candidate)) && fs.statSync(path.join(REPO, candidate)).isFile()) return candidate;
  }
  return base;
}

function roomOf(file: string): string {
  const parts = file.split(path.sep);
  return parts[0] === 'main' && parts.length > 2 ? `main/${parts[1]}` : parts[0]!;
}

const all = Object.keys(ALLOWED).filter((r) => !r.includes('/')).flatMap(sourceFiles);

describe('layers', () => {
  it('every room imports only the rooms the table allows', () => {
    const broken: string[] = [];
    for (const f of all) {
      const from = roomOf(f);
      const allowed = ALLOWED[from];
      expect(allowed, `${f}: its room ${from} is not in the layer table`).toBeDefined();
      for (const spec of importsOf(f)) {
        if (!spec.startsWith('.')) continue;
        const to = roomOf(resolve(f, spec));
        if (to !== from && !allowed!.includes(to)) broken.push(`${f} imports ${spec} (${from} -> ${to})`);
      }
    }
    expect(broken).toEqual([]);
  });

  it('packages stay in their rooms: electron, better-sqlite3, pg; Node only on the Node side', () => {
    const broken: string[] = [];
    for (const f of all) {
      const room = roomOf(f);
      for (const spec of importsOf(f)) {
        if (spec.startsWith('.')) continue;
        const pkg = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!;
        const only = RESTRICTED[pkg];
        if (only && !only.includes(room)) broken.push(`${f} imports ${spec}`);
        const node = pkg === 'node:' || spec.startsWith('node:') || NODE_BUILTINS.has(pkg);
        if (node && ['common', 'renderer', 'preload'].includes(room)) broken.push(`${f} imports Node's ${spec}`);
      }
    }
    expect(broken).toEqual([]);
  });

  it('the preload imports only electron and the dependency-free method list', () => {
    for (const f of all.filter((f) => f.startsWith('preload/'))) {
      for (const spec of importsOf(f)) expect(['electron', '../common/methods'].includes(spec), `${f} imports ${spec}`).toBe(true);
    }
  });

  it('no file reaches itself through its imports', () => {
    const graph = new Map(all.map((f) => [f, importsOf(f).filter((s) => s.startsWith('.')).map((s) => resolve(f, s))]));
    const state = new Map<string, 'open' | 'done'>();
    const cycles: string[] = [];
    const visit = (f: string, trail: string[]) => {
      if (state.get(f) === 'done') return;
      if (state.get(f) === 'open') {
        cycles.push([...trail.slice(trail.indexOf(f)), f].join(' -> '));
        return;
      }
      state.set(f, 'open');
      for (const next of graph.get(f) ?? []) if (graph.has(next)) visit(next, [...trail, f]);
      state.set(f, 'done');
    };
    for (const f of graph.keys()) visit(f, []);
    expect(cycles).toEqual([]);
  });

  it('a broken rule is caught: the checks see a room importing what it may not', () => {
    expect(ALLOWED['main/core']).not.toContain('db');
    expect(ALLOWED['main/core']).not.toContain('main/service');
    expect(roomOf(resolve('main/core/anchor.ts', '../../db/store'))).toBe('db');
    expect(roomOf(resolve('main/app.ts', './service'))).toBe('main/service');
  });
});
