import { Editor } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';

// The floor: a bare TipTap editor with StarterKit, in a page of its own, given the same paragraphs.
// Timed from setting the content to the first frame painted after it, as Claimscope's open is.
// (This file runs in the browser; the Node tsconfig has no DOM types, hence the few declarations.)

interface Block {
  start: number;
  end: number;
}
interface PageElement {
  innerHTML: string;
}
declare const document: { getElementById(id: string): PageElement | null };
declare function requestAnimationFrame(cb: (t: number) => void): number;
declare const MessageChannel: new () => { port1: { onmessage: (() => void) | null; close(): void }; port2: { postMessage(v: unknown): void } };
declare const window: { __bare?: { run(text: string, blocks: readonly Block[]): Promise<number> } };

function docJson(text: string, blocks: readonly Block[]) {
  return {
    type: 'doc',
    content: blocks.map((b) => ({ type: 'paragraph', content: [{ type: 'text', text: text.slice(b.start, b.end) }] })),
  };
}

function afterNextPaint(): Promise<number> {
  return new Promise((resolve) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        channel.port1.close();
        resolve(performance.now());
      };
      channel.port2.postMessage(null);
    }),
  );
}

window.__bare = {
  async run(text, blocks) {
    const element = document.getElementById('editor');
    if (!element) throw new Error('no #editor');
    const content = docJson(text, blocks);
    await afterNextPaint();
    const t0 = performance.now();
    const editor = new Editor({ element: element as never, extensions: [StarterKit], content });
    const t1 = await afterNextPaint();
    void editor;
    return t1 - t0;
  },
};
