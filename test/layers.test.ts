import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from './built';

// Folders are layers: which code may import what (STYLE.md). Checked on every import statement.
function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(path.join(REPO, dir), { withFileTypes: true })) {
    const rel = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules' && entry.name !== 'fixtures') out.push(...sourceFiles(rel));
    } else if (/\.(ts|tsx|mts)$/.test(entry.name)) out.push(rel);
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

/** The top-level folder an import lands in, or the package name. */
function target(file: string, spec: string): string {
  if (spec.startsWith('.')) return path.relative(REPO, path.resolve(REPO, path.dirname(file), spec)).split(path.sep)[0]!;
  return spec.startsWith('node:') ? 'node' : spec.split('/')[0]!;
}

const NODE_BUILTINS = new Set(['node', 'fs', 'path', 'os', 'crypto', 'child_process', 'http', 'url', 'util', 'worker_threads']);

describe('layers', () => {
  const all = ['common', 'db', 'main', 'preload', 'renderer'].flatMap(sourceFiles).filter((f) => !f.endsWith('.test.ts'));

  it('common imports nothing of the other layers and nothing of Node or the DOM', () => {
    for (const f of all.filter((f) => f.startsWith('common/'))) {
      for (const spec of importsOf(f)) {
        const t = target(f, spec);
        expect(['db', 'main', 'renderer', 'preload', 'electron'].includes(t) || NODE_BUILTINS.has(t), `${f} imports ${spec}`).toBe(false);
      }
    }
  });

  it('renderer sees only common and itself', () => {
    for (const f of all.filter((f) => f.startsWith('renderer/'))) {
      for (const spec of importsOf(f)) {
        const t = target(f, spec);
        expect(['db', 'main', 'preload', 'electron', 'better-sqlite3'].includes(t) || NODE_BUILTINS.has(t), `${f} imports ${spec}`).toBe(false);
      }
    }
  });

  it('db knows nothing of main, renderer or Electron', () => {
    for (const f of all.filter((f) => f.startsWith('db/'))) {
      for (const spec of importsOf(f)) expect(['main', 'renderer', 'preload', 'electron'].includes(target(f, spec)), `${f} imports ${spec}`).toBe(false);
    }
  });

  it('only main/electron and preload import electron', () => {
    const importers = all.filter((f) => importsOf(f).some((s) => s === 'electron' || s.startsWith('electron/')));
    expect(importers.every((f) => f.startsWith('main/electron/') || f.startsWith('preload/')), importers.join(', ')).toBe(true);
    expect(importers.length).toBeGreaterThan(0);
  });

  it('the preload imports only electron and the dependency-free method list', () => {
    for (const f of all.filter((f) => f.startsWith('preload/'))) {
      for (const spec of importsOf(f)) expect(['electron', '../common/methods'].includes(spec), `${f} imports ${spec}`).toBe(true);
    }
  });
});
