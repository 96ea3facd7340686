import { describe, expect, it } from 'vitest';
import { toMarkdown } from './index';
import { escapeMarkdown } from './escape';
import { showInvisibles } from './invisible';
import { FixtureBuilder, kremlinFixture, TITLE } from '../../../test/export/fixture';
import { HOSTILE_LINES, HOSTILE_PATH, HOSTILE_TITLE, hostileFixture } from '../../../test/export/hostile';
import { collapse, elementsOf, renderedText, renderMarkdown } from '../../../test/export/markdown-render';

describe('toMarkdown', () => {
  const { input } = kremlinFixture();
  const md = toMarkdown(input);

  it('has the summary, claims table, sources, inconsistencies and an excerpt per claim', () => {
    expect(md.startsWith(`# ${TITLE}\n`)).toBe(true);
    for (const h of ['## Summary', '## Claims', '## Sources', '## Inconsistencies', '## Claims in context']) expect(md).toContain(`\n${h}\n`);
    expect(md).toContain('- **Claims:** 10 (unverified 1, supported 3, disputed 2, refuted 3, retracted 1)');
    expect(md).toContain('- **Unsourced claims:** 3 (C1, C9, C10)');
    expect(md).toContain('| # | Claim | Status | Credibility | Source | Flags | Note |');
    expect(md).toMatch(/\| C5 \| This marks the sixth conversation between the two leaders this year \| Refuted \| 4 Doubtful \| Kremlin \(C\) \| F2 \|/);
    expect(md).toContain('### F2 · Open');
    expect(md).toContain('- **C5** (refuted): “This marks the sixth conversation between the two leaders this year”');
    expect(md).toMatch(/### C8 · Unverified\n\n> …?.*\*\*the latest call lasted nearly an hour\*\* and was described/);
  });

  it('keeps every table row to its columns and escapes markup', () => {
    const tableRows = md.split('\n').filter((l) => l.startsWith('| C'));
    for (const row of tableRows) expect(row.replace(/\\\|/g, '').split('|').length, row).toBe(9);
    expect(md).toContain('\\<script\\>alert(1)\\</script\\>');
    expect(md).toContain('Hostile \\| text, "quoted" second line');
    expect(md).not.toMatch(/[^\\]<script>/);
    expect(md).not.toMatch(/[^\\]<img/);
  });

  it('escapes Markdown specials, including those that only count at the start of a line', () => {
    expect(escapeMarkdown('a *b* _c_ [d](e) `f` | g ~h~ <i> & #1 @me')).toBe('a \\*b\\* \\_c\\_ \\[d\\](e) \\`f\\` \\| g \\~h\\~ \\<i\\> \\& \\#1 \\@me');
    expect(escapeMarkdown('- item')).toBe('\\- item');
    expect(escapeMarkdown('12. item')).toBe('12\\. item');
    expect(escapeMarkdown('> quote')).toBe('\\> quote');
    expect(escapeMarkdown('one\n\n# two')).toBe('one \\# two');
  });
});

describe('toMarkdown on hostile input, rendered by a CommonMark + GFM renderer (marked)', () => {
  const { input } = hostileFixture();
  const md = toMarkdown(input);
  const html = renderMarkdown(md);
  const elements = elementsOf(html);
  const text = renderedText(html);
  const shown = (s: string) => collapse(showInvisibles(s));

  it('renders no HTML, link, image or heading from text, notes, titles or source names', () => {
    // Only what the report's own template makes; never an attribute (marked adds none to these).
    const TEMPLATE = new Set(['h1', 'h2', 'h3', 'p', 'strong', 'em', 'code', 'br', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'ul', 'li', 'blockquote']);
    for (const e of elements) {
      expect(TEMPLATE.has(e.tag), `<${e.tag}> from ${JSON.stringify(e.text.slice(0, 80))}`).toBe(true);
      expect(e.attrs, `<${e.tag}> ${JSON.stringify(e.text.slice(0, 80))}`).toEqual({});
    }
    for (const tag of ['a', 'img', 'script', 'iframe', 'svg', 'div', 'del', 'hr', 'pre', 'ol', 'h4']) expect(elements.filter((e) => e.tag === tag), tag).toEqual([]);
    expect(html).not.toMatch(/<(?:img|script|iframe|svg|a|div)\b/i);

    const headings = elements.filter((e) => /^h\d$/.test(e.tag));
    expect(headings.filter((e) => e.tag === 'h1').map((e) => e.text)).toEqual([shown(HOSTILE_TITLE)]);
    expect(headings.filter((e) => e.tag === 'h2').map((e) => e.text)).toEqual(['Assessment', 'Summary', 'Claims', 'Sources', 'Inconsistencies', 'Claims in context']);
    const h3 = headings.filter((e) => e.tag === 'h3').map((e) => e.text);
    expect(h3).toHaveLength(input.state.flags.length + input.state.annotations.filter((a) => a.kind === 'claim').length);
    for (const t of h3) expect(t).toMatch(/^[CF]\d+ · [A-Z][a-z]+$/);
    // The quotes that open each excerpt are the only block quotes; the two tables the only tables.
    expect(elements.filter((e) => e.tag === 'blockquote')).toHaveLength(HOSTILE_LINES.length);
    expect(elements.filter((e) => e.tag === 'table')).toHaveLength(2);
    expect(elements.filter((e) => e.tag === 'ul')).toHaveLength(1 + input.state.flags.length);
  });

  it('keeps every hostile line visible, character for character, in the rendered text', () => {
    for (const line of HOSTILE_LINES) expect(text, line).toContain(shown(line));
    for (const s of input.state.sources) expect(text, s.name).toContain(shown(s.name));
    for (const f of input.state.flags) expect(text, f.explanation).toContain(shown(f.explanation));
    expect(text).toContain(shown(input.document.metadata.author!));
    // Each table row keeps its seven cells whatever the text holds.
    for (const row of elements.filter((e) => e.tag === 'tr')) expect(row.text.length).toBeGreaterThan(0);
    const cellsPerRow = html.match(/<tr>[\s\S]*?<\/tr>/g)!.map((r) => (r.match(/<t[dh][ >]/g) ?? []).length);
    expect(new Set(cellsPerRow)).toEqual(new Set([7]));
  });

  it('shows invisible characters as tokens and never writes them raw', () => {
    expect(md).not.toMatch(/[\p{Cf}]/u);
    expect(text).not.toMatch(/[\p{Cf}]/u);
    expect(text).toContain('Pay ⟨U+202E⟩txt.exe⟨U+202C⟩ now, ⟨U+2066⟩isolated⟨U+2069⟩, pass⟨U+200B⟩word');
    expect(text).toContain('⟨U+FEFF⟩bom, tag⟨U+E0041⟩');
  });

  it('keeps an address from the document as code, never a link', () => {
    expect(md).toContain('**URL:** `javascript:window.__pwned="url";alert(document.domain)`');
    expect(elements.find((e) => e.tag === 'code' && e.text.startsWith('javascript:'))).toBeDefined();
  });

  it('shows the file name only, or the whole path when asked', () => {
    expect(md).toContain('**File:** leak.txt');
    expect(md).not.toContain('/home/analyst');
    expect(md).not.toContain('Secret Project');
    const withPath = renderedText(renderMarkdown(toMarkdown({ ...input, includePath: true })));
    expect(withPath).toContain(`File: ${HOSTILE_PATH}`);
  });

  it('cannot start a GFM autolink, which would swallow the escape of the "<" after a URL', () => {
    for (const url of ['https://a.example/<img src=x onerror=alert(1)>', 'HTTP://A.EXAMPLE/<b>', 'ftp://a.example/<b>', 'www.a.example/<b>', 'wWw.a.example/<b>']) {
      const out = renderMarkdown(escapeMarkdown(url));
      expect(elementsOf(out).map((e) => e.tag), out).toEqual(['p']);
      expect(renderedText(out)).toBe(url);
    }
    expect(escapeMarkdown('https://a.example/<b>')).toBe('https&#58;//a.example/\\<b\\>');
    expect(escapeMarkdown('go to www.a.example')).toBe('go to www&#46;a.example');
    // A colon elsewhere, and text that looks like a reference, stay as they were typed.
    expect(escapeMarkdown('Note: 10:30')).toBe('Note: 10:30');
    expect(renderedText(renderMarkdown(escapeMarkdown('&#58; \\://')))).toBe('&#58; \\://');
  });

  it('writes a claim inside a document table with its cells as "a | b" and rows as "… / …"', () => {
    const text = 'Year\tRevenue\n2023\t$5 million\n2024\t$9 million';
    const b = new FixtureBuilder(text);
    b.annotate('claim', '$5 million');
    const out = toMarkdown(b.input({ blocks: [{ type: 'table', header: true, start: 0, end: text.length }] }));
    expect(out).toContain('> Year \\| Revenue / 2023 \\| **\\$5 million** / 2024 \\| \\$9 million');
    expect(collapse(renderedText(renderMarkdown(out)))).toContain('Year | Revenue / 2023 | $5 million / 2024 | $9 million');
  });
});
