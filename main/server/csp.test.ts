import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from '../../test/built';
import { CONTENT_SECURITY_POLICY } from './security';

// The renderer's Content-Security-Policy, as the web host sends it and as the page carries it
// (Electron reads the meta tag): our own scripts only, nothing inline, no remote origin.

function directives(policy: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const part of policy.split(';').map((p) => p.trim()).filter(Boolean)) {
    const [name, ...values] = part.split(/\s+/);
    out.set(name!.toLowerCase(), values);
  }
  return out;
}

function metaPolicy(html: string): string {
  const m = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/i.exec(html);
  if (!m) throw new Error('no CSP meta tag');
  return m[1]!;
}

function checkPolicy(policy: string, where: string): void {
  const d = directives(policy);
  expect(d.get('default-src'), where).toEqual(["'none'"]);
  expect(d.get('script-src'), where).toEqual(["'self'"]);
  expect(d.get('object-src'), where).toEqual(["'none'"]);
  expect(d.get('base-uri'), where).toEqual(["'none'"]);
  expect(d.get('form-action'), where).toEqual(["'none'"]);
  for (const [name, values] of d) {
    for (const v of values) {
      // Sources are keywords or data: for images; never a host, a scheme of the network, or eval.
      expect(/^'(self|none|unsafe-inline)'$|^data:$/.test(v), `${where}: ${name} ${v}`).toBe(true);
      if (v === "'unsafe-inline'") expect(name, `${where}: only styles may be inline`).toBe('style-src');
      if (v === 'data:') expect(name, `${where}: data: only for images`).toBe('img-src');
    }
  }
}

describe('Content-Security-Policy', () => {
  it('the web host header: own scripts only, no inline script, no remote origin, no framing', () => {
    checkPolicy(CONTENT_SECURITY_POLICY, 'header');
    expect(directives(CONTENT_SECURITY_POLICY).get('frame-ancestors')).toEqual(["'none'"]);
  });

  it('the page meta tag (what Electron enforces) says the same', () => {
    const html = fs.readFileSync(path.join(REPO, 'renderer', 'index.html'), 'utf8');
    const meta = metaPolicy(html);
    checkPolicy(meta, 'renderer/index.html');
    // Same directives as the header, bar frame-ancestors which a meta tag cannot carry.
    const header = directives(CONTENT_SECURITY_POLICY);
    header.delete('frame-ancestors');
    expect(directives(meta)).toEqual(header);
  });

  it('the page has no inline script and no inline event handler', () => {
    for (const file of ['renderer/index.html', 'dist/renderer/index.html']) {
      const full = path.join(REPO, file);
      if (!fs.existsSync(full)) continue;
      const html = fs.readFileSync(full, 'utf8');
      for (const tag of html.match(/<script\b[^>]*>[\s\S]*?<\/script>/gi) ?? []) {
        expect(/\bsrc="(\.\/|\/)[^"]+"/.test(tag), `${file}: ${tag}`).toBe(true);
        expect(/>\s*<\/script>$/.test(tag), `${file}: inline code in ${tag}`).toBe(true);
      }
      expect(/\son[a-z]+\s*=/i.test(html), `${file}: inline event handler`).toBe(false);
      expect(/(src|href)="(https?:)?\/\//i.test(html), `${file}: remote resource`).toBe(false);
    }
  });
});
