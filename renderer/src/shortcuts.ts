// Every keyboard shortcut, in one table: the help dialog (?) is generated from it.
export const SHORTCUTS: ReadonlyArray<{ keys: string; action: string }> = [
  { keys: 'C', action: 'Tag the sentence at the caret (or the selection) as a claim' },
  { keys: 'A', action: 'Tag the sentence at the caret (or the selection) as an attribution' },
  { keys: 'Delete', action: 'Remove the selected tag' },
  { keys: 'Click a tag', action: 'Select it (click again to cycle through overlapping tags)' },
  { keys: 'Escape', action: 'Clear the selection' },
  { keys: 'A, then Enter', action: 'Tag an attribution and pick or create its source (type-ahead over names and aliases; Escape skips)' },
  { keys: 'A–F, Enter', action: 'In a new source: grade its reliability (Admiralty A completely reliable … F cannot be judged), create it' },
  { keys: 'R', action: 'Choose (or change) the source of the selected attribution' },
  { keys: 'Ctrl+click / Shift+click', action: 'Add a tag to the selection (in the text or the panel); Space in the panel list does the same' },
  { keys: 'L', action: 'Link the selected attribution to the selected claims' },
  { keys: 'U', action: 'Unlink the selected attribution from the selected claims' },
  { keys: 'S / Shift+S', action: 'Next / previous status of the selected claims (or of the flag open in the Flags tab)' },
  { keys: '1 … 6, 0', action: 'Credibility of the selected claims (1 confirmed … 6 cannot be judged); 0 clears it' },
  { keys: 'I', action: 'Flag the selected claims (two or more) as inconsistent' },
  { keys: 'F / ] and [', action: 'Jump to the next / previous claim in the flags of the selected claim' },
  { keys: 'N', action: 'Write the note of what the details pane shows (saved as you type; Escape goes back to the text)' },
  { keys: 'Ctrl+B / Ctrl+I / Ctrl+K', action: 'In a note: bold, italic, link (Ctrl+click opens a link outside the app)' },
  { keys: 'Ctrl+Shift+8 / Ctrl+Shift+7', action: 'In a note: bulleted / numbered list' },
  { keys: 'T / Shift+T', action: 'Next / previous panel tab (annotations, flags, sources)' },
  { keys: '/', action: 'Search the panel' },
  { keys: 'P', action: 'Move to the panel list (arrows move and show in the text)' },
  { keys: 'E', action: 'Rename the source open in the Sources tab' },
  { keys: 'M', action: 'Merge another source into the one open in the Sources tab' },
  { keys: 'Ctrl+Z', action: 'Undo' },
  { keys: 'Ctrl+Shift+Z / Ctrl+Y', action: 'Redo' },
  { keys: 'Ctrl+O', action: 'Open a document' },
  { keys: 'Ctrl+E', action: 'Export a report (HTML, PDF, Markdown, CSV, JSON-LD, ClaimReview)' },
  { keys: 'Ctrl+Shift+S', action: 'Run the assistant: suggest inconsistencies, attributions and claims' },
  { keys: 'Enter / Delete', action: 'Accept / reject the selected suggestion' },
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
