import { describe, expect, it } from 'vitest';
import { toMarkdown } from './index';
import { escapeMarkdown } from './escape';
import { kremlinFixture, TITLE } from '../../../test/export/fixture';

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
