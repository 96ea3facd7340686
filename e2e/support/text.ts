import type { Page } from '@playwright/test';

/** Screen coordinates of characters of `phrase` in the document: its first, middle and last. */
export async function phraseBox(page: Page, phrase: string) {
  const box = await page.evaluate((needle) => {
    const root = document.querySelector('.cs-document');
    if (!root) return null;
    // Text is split across decoration spans: search the concatenated text of all text nodes.
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
    (document.querySelector('.cs-main') as HTMLElement | null)?.scrollTo(0, 0);
    const first = locate(at)!;
    first.node.parentElement!.scrollIntoView({ block: 'center' });
    return { first: rectOf(at), middle: rectOf(at + Math.floor(needle.length / 2)), last: rectOf(at + needle.length - 1) };
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
