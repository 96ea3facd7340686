// Every keyboard shortcut, in one table: the help dialog (?) is generated from it.
export const SHORTCUTS: ReadonlyArray<{ keys: string; action: string }> = [
  { keys: 'C', action: 'Tag the sentence at the caret (or the selection) as a claim' },
  { keys: 'A', action: 'Tag the sentence at the caret (or the selection) as an attribution' },
  { keys: 'Delete', action: 'Remove the selected tag' },
  { keys: 'Click a tag', action: 'Select it (click again to cycle through overlapping tags)' },
  { keys: 'Escape', action: 'Clear the selection' },
  { keys: 'Ctrl+Z', action: 'Undo' },
  { keys: 'Ctrl+Shift+Z / Ctrl+Y', action: 'Redo' },
  { keys: 'Ctrl+O', action: 'Open a document' },
  { keys: 'Ctrl+L', action: 'Show or hide the library' },
  { keys: '?', action: 'Show these shortcuts' },
];

/** True when a key press belongs to a text field rather than to the app. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  // The document is focusable for its caret, but read-only: its keys belong to the app.
  if (target.isContentEditable) return !target.closest('.cs-document');
  const tag = target.tagName;
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT';
}
