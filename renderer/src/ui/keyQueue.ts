// Keys typed while a prompt is on its way. The source prompt opens a frame after the A key (so
// the new highlight paints first); what the analyst types in between (a name, Enter, a grade) is
// held here and replayed into the prompt once it has focus, in order, a frame apart so each key
// meets the state the one before it left.

interface HeldKey {
  key: string;
  shiftKey: boolean;
  ctrlKey: boolean;
  altKey: boolean;
  metaKey: boolean;
}

const MODIFIERS = new Set(['Shift', 'Control', 'Alt', 'Meta', 'CapsLock']);

export class KeyQueue {
  private held: HeldKey[] | null = null;
  private readonly onKey = (e: KeyboardEvent) => {
    if (!this.held || MODIFIERS.has(e.key) || e.isComposing) return;
    e.preventDefault();
    e.stopImmediatePropagation();
    this.held.push({ key: e.key, shiftKey: e.shiftKey, ctrlKey: e.ctrlKey, altKey: e.altKey, metaKey: e.metaKey });
  };

  get holding(): boolean {
    return this.held !== null;
  }

  /** Starts holding every key press (capture phase, before any other handler). */
  hold(): void {
    if (this.held) return;
    this.held = [];
    window.addEventListener('keydown', this.onKey, true);
  }

  /** Stops holding; returns what was held. */
  private release(): HeldKey[] {
    window.removeEventListener('keydown', this.onKey, true);
    const keys = this.held ?? [];
    this.held = null;
    return keys;
  }

  /** Stops holding and drops what was typed (the prompt never opened). */
  drop(): void {
    this.release();
  }

  /**
   * Waits until focus is inside `container()` (at most `timeoutMs`), then replays the held keys
   * to the focused element: text into fields as typed, other keys as key presses.
   */
  async replayInto(container: () => Element | null, timeoutMs = 1000): Promise<void> {
    const deadline = performance.now() + timeoutMs;
    while (!container()?.contains(document.activeElement) && performance.now() < deadline) await nextFrame();
    const keys = this.release();
    if (!container()?.contains(document.activeElement)) return;
    for (const k of keys) {
      const target = document.activeElement as HTMLElement | null;
      if (!target) break;
      const printable = k.key.length === 1 && !k.ctrlKey && !k.metaKey && !k.altKey;
      const init = { key: k.key, shiftKey: k.shiftKey, ctrlKey: k.ctrlKey, altKey: k.altKey, metaKey: k.metaKey, bubbles: true, cancelable: true };
      const handled = !target.dispatchEvent(new KeyboardEvent('keydown', init));
      if (printable && !handled && (target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement)) {
        // A dispatched key press inserts no text; insertText does, as typing would (React sees it).
        document.execCommand('insertText', false, k.key);
      }
      target.dispatchEvent(new KeyboardEvent('keyup', init));
      await nextFrame();
    }
  }
}

function nextFrame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => resolve()));
}
