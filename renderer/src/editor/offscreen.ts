import { Extension, Node, mergeAttributes } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import type { EditorView } from '@tiptap/pm/view';
import './offscreen.css';

// Blocks far from the viewport are neither styled, laid out nor painted (content-visibility: auto,
// in offscreen.css): opening a 1 MB text lays out a few screens, not 2,000 paragraphs, and so does
// every forced layout afterwards. A long document is grouped into sections (see buildDoc) that are
// skipped whole, and paragraphs inside a drawn section are skipped one by one. Until a block is
// drawn its height is estimated from its length, so the scrollbar stays close to the truth: each
// paragraph and section carries its character count (--cs-chars, from buildDoc) and the editor how
// many characters a line holds (--cs-cpl, measured here on drawn paragraphs, again whenever the
// editor's width changes).

export const offscreenKey = new PluginKey('claimscopeOffscreen');

/** Characters per line, from drawn paragraphs of two lines or more near the top of the screen. */
function measureCharsPerLine(view: EditorView): number | null {
  const root = view.dom;
  const box = root.getBoundingClientRect();
  const y = Math.min(Math.max(box.top, 0) + 40, box.bottom - 1);
  const hit = document.elementFromPoint(box.left + box.width / 2, y);
  let p = hit instanceof Element ? hit.closest('.cs-document p') : null;
  if (!p) p = root.querySelector('p');
  let chars = 0;
  let lines = 0;
  for (let i = 0; p && i < 24; i++, p = p.nextElementSibling) {
    if (p.tagName !== 'P' || !p.checkVisibility({ contentVisibilityAuto: true })) continue;
    const lineHeight = parseFloat(getComputedStyle(p).lineHeight);
    const n = Math.round(p.clientHeight / lineHeight);
    if (!(n >= 2)) continue;
    // The last line is on average half full.
    chars += p.textContent?.length ?? 0;
    lines += n - 0.5;
  }
  return lines >= 4 ? chars / lines : null;
}

class LineLength {
  private frame = 0;
  private width = -1;
  private readonly resize = new ResizeObserver(() => {
    if (!this.frame) this.frame = requestAnimationFrame(this.measure);
  });

  constructor(private readonly view: EditorView) {
    this.resize.observe(view.dom);
  }

  destroy(): void {
    this.resize.disconnect();
    if (this.frame) cancelAnimationFrame(this.frame);
  }

  private measure = (): void => {
    this.frame = 0;
    const dom = this.view.dom as HTMLElement;
    if (this.view.isDestroyed || !dom.isConnected || dom.clientWidth === this.width) return;
    const cpl = measureCharsPerLine(this.view);
    if (cpl === null) return;
    this.width = dom.clientWidth;
    dom.style.setProperty('--cs-cpl', cpl.toFixed(1));
  };
}

/** A run of top-level blocks of a long document: no meaning of its own, a unit of drawing. */
export const Section = Node.create({
  name: 'csSection',
  group: 'block',
  content: 'block+',
  addAttributes() {
    const variable = (name: string) => ({
      default: null,
      parseHTML: () => null,
      renderHTML: (attrs: Record<string, unknown>) => (typeof attrs[name] === 'number' ? { style: `--cs-${name}: ${attrs[name]}` } : {}),
    });
    return { chars: variable('chars'), blocks: variable('blocks') };
  },
  parseHTML() {
    return [{ tag: 'div.cs-section' }];
  },
  renderHTML({ HTMLAttributes }) {
    return ['div', mergeAttributes(HTMLAttributes, { class: 'cs-section' }), 0];
  },
});

export const OffscreenBlocks = Extension.create({
  name: 'claimscopeOffscreen',
  addExtensions() {
    return [Section];
  },
  addGlobalAttributes() {
    return [
      {
        types: ['paragraph'],
        attributes: {
          chars: {
            default: null,
            keepOnSplit: false,
            parseHTML: () => null,
            renderHTML: (attrs) => (typeof attrs.chars === 'number' ? { style: `--cs-chars: ${attrs.chars}` } : {}),
          },
        },
      },
    ];
  },
  addProseMirrorPlugins() {
    return [new Plugin({ key: offscreenKey, view: (view) => new LineLength(view) })];
  },
});
