import type { Locator, Page } from '@playwright/test';

/** Screen coordinates of characters of `phrase` in the document: its first, middle and last. */
export async function phraseBox(page: Page, phrase: string) {
  const box = await page.evaluate(async (needle) => {
    const root = document.querySelector('.cs-document');
    if (!root) return null;
    const frame = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    // Text is split across decoration spans: search the concatenated text of all text nodes
    // (again on each try: redrawn decorations replace the nodes).
    const find = () => {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      const nodes: Text[] = [];
      let all = '';
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        nodes.push(n as Text);
        all += (n as Text).data;
      }
      const at = all.indexOf(needle);
      if (at < 0) return null;
      const locate = (offset: number) => {
        let acc = 0;
        for (const node of nodes) {
          if (offset < acc + node.data.length) return { node, offset: offset - acc };
          acc += node.data.length;
        }
        return null;
      };
      const rectOf = (offset: number) => {
        const p = locate(offset)!;
        const r = document.createRange();
        r.setStart(p.node, p.offset);
        r.setEnd(p.node, p.offset + 1);
        const b = r.getBoundingClientRect();
        return { x: b.left + b.width / 2, y: b.top + b.height / 2, left: b.left + 1, right: b.right - 1 };
      };
      return { at, locate, rectOf };
    };
    (document.querySelector('.cs-main') as HTMLElement | null)?.scrollTo(0, 0);
    // Blocks drawn as they come into view (content-visibility) replace their estimated heights:
    // scroll, let the page settle, and measure until the phrase stays put.
    type Rect = { x: number; y: number; left: number; right: number };
    let last: { first: Rect; middle: Rect; last: Rect } | null = null;
    for (let i = 0; i < 8; i++) {
      const f = find();
      if (!f) return null;
      f.locate(f.at)!.node.parentElement!.scrollIntoView({ block: 'center' });
      await frame();
      const g = find()!;
      const now = { first: g.rectOf(g.at), middle: g.rectOf(g.at + Math.floor(needle.length / 2)), last: g.rectOf(g.at + needle.length - 1) };
      if (last && Math.abs(last.middle.y - now.middle.y) < 0.5 && Math.abs(last.middle.x - now.middle.x) < 0.5) return now;
      last = now;
    }
    return last;
  }, phrase);
  if (!box) throw new Error(`"${phrase}" is not in the document`);
  return box;
}

/** Clicks in the middle of a phrase, as an analyst placing the caret in a sentence. */
export async function clickInPhrase(page: Page, phrase: string): Promise<void> {
  const { middle } = await phraseBox(page, phrase);
  await page.mouse.click(middle.x, middle.y);
}

/** Selects exactly a phrase by dragging the mouse from its first to its last character. */
export async function selectPhrase(page: Page, phrase: string): Promise<void> {
  const { first, last } = await phraseBox(page, phrase);
  await page.mouse.move(first.left, first.y);
  await page.mouse.down();
  await page.mouse.move(last.right, last.y, { steps: 8 });
  await page.mouse.up();
}

/**
 * The text of a tag as the reader sees it: a tag is drawn as one or more pieces (its start, its
 * end, and wherever another tag or a suggestion overlaps it), joined in document order.
 */
export async function tagText(locator: Locator): Promise<string> {
  return locator.evaluateAll((els) => els.map((e) => e.textContent ?? '').join(''));
}
