import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ldJsonScript, toClaimReview, toHtml, toJsonLd } from './index';
import { hasChromium, launchChromium, loadWithScripts, skippedWithoutChromium } from '../../../test/export/browser';
import { HOSTILE_TITLE, hostileFixture, SCRIPT_PAYLOADS } from '../../../test/export/hostile';

// The reports in a real Chromium page with JavaScript ON (a viewer may have it on; the PDF printer
// does not), to show that no hostile text, note, source or title runs, whatever the escaping misses.
describe.skipIf(!hasChromium)(`hostile reports in Chromium${skippedWithoutChromium}`, () => {
  let browser: Browser;
  const { input } = hostileFixture();
  beforeAll(async () => {
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  it('detects a payload that runs (the check itself works)', async () => {
    for (const payload of SCRIPT_PAYLOADS.filter((p) => /__pwned/.test(p) && !p.startsWith('<a '))) {
      const loaded = await loadWithScripts(browser, `<!DOCTYPE html><title>x</title><style></style><p>${payload}</p>`);
      expect(loaded.pwned, payload).toBeDefined();
      await loaded.close();
    }
  });

  it('runs no script from a hostile title, text, quote, note or source, even without its CSP', async () => {
    const html = toHtml(input);
    const withoutCsp = html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, '');
    expect(withoutCsp).not.toContain('Content-Security-Policy');
    for (const page of [html, withoutCsp]) {
      const loaded = await loadWithScripts(browser, page);
      expect(loaded.pwned).toBeUndefined();
      expect(loaded.dialogs).toEqual([]);
      const found = await loaded.page.evaluate(() => {
        const d = (globalThis as unknown as { document: any }).document;
        return {
          scripts: d.querySelectorAll('script, img, svg, iframe, object, embed').length,
          handlers: [...d.querySelectorAll('*')].flatMap((e: any) => [...e.attributes].map((a: any) => a.name)).filter((n: string) => n.startsWith('on')),
          externalLinks: [...d.querySelectorAll('a[href]')].map((a: any) => a.getAttribute('href')).filter((h: string) => !h.startsWith('#')),
          title: d.title,
          h1: d.querySelector('h1').textContent,
          text: d.body.innerText,
        };
      });
      expect(found.scripts).toBe(0);
      expect(found.handlers).toEqual([]);
      expect(found.externalLinks).toEqual([]);
      // The hostile text is shown, as text, with its invisible characters as tokens.
      expect(found.h1).toBe(HOSTILE_TITLE.replace('\u202E', '⟨U+202E⟩'));
      expect(found.title).toBe(`${HOSTILE_TITLE.replace('\u202E', '⟨U+202E⟩')} — annotated report`);
      for (const payload of SCRIPT_PAYLOADS) expect(found.text).toContain(payload);
      expect(found.text).toContain('Pay ⟨U+202E⟩txt.exe⟨U+202C⟩ now');
      expect(found.text).not.toMatch(/[\p{Cf}]/u);
      await loaded.close();
    }
  });

  it('embeds JSON-LD and ClaimReview in ld+json scripts that nothing leaves and that parse back to the same value', async () => {
    const claimReview = toClaimReview(input, { url: 'javascript:alert(1)' });
    const jsonLd = toJsonLd(input);
    const page = (embed: (value: unknown) => string) =>
      `<!DOCTYPE html><html><head><meta charset="utf-8"><title>t</title>${embed(claimReview)}${embed(jsonLd)}</head><body><p id="after">after</p></body></html>`;

    // As it is commonly done, JSON.stringify breaks out: the check can see it.
    const naive = await loadWithScripts(browser, page((v) => `<script type="application/ld+json">${JSON.stringify(v)}</script>`));
    expect(naive.pwned).toBeDefined();
    await naive.close();

    const loaded = await loadWithScripts(browser, page(ldJsonScript));
    expect(loaded.pwned).toBeUndefined();
    expect(loaded.dialogs).toEqual([]);
    const found = await loaded.page.evaluate(() => {
      const d = (globalThis as unknown as { document: any }).document;
      return {
        scripts: [...d.scripts].map((s: any) => ({ type: s.type, value: JSON.parse(s.textContent) })),
        elements: d.querySelectorAll('*').length,
        after: d.getElementById('after')?.textContent,
      };
    });
    expect(found.scripts).toEqual([
      { type: 'application/ld+json', value: JSON.parse(JSON.stringify(claimReview)) },
      { type: 'application/ld+json', value: JSON.parse(JSON.stringify(jsonLd)) },
    ]);
    // html, head, meta, title, two scripts, body, p: nothing was swallowed or added.
    expect(found.elements).toBe(8);
    expect(found.after).toBe('after');
    await loaded.close();
  });
});
