// Every keyboard shortcut, once. Process-neutral (no DOM, no Node): the renderer's key dispatcher
// and its help dialog (?) read these rows and add what each key does (renderer/src/keymap.ts); the
// Electron menu takes its labels and accelerators from them (main/electron/menu.ts).
//
// A row's `keys` are chords: modifiers, then one key, joined by '+'. `Mod` is Ctrl (Cmd on a Mac).
// A letter is matched in either case, with Shift exactly as written ('s' is S without Shift,
// 'Shift+S' with it). Any other key is matched as the character or key name the keyboard gives
// ('?', '/', ']', 'Delete', 'Enter'), whatever Shift it took to type it. Rows without keys are
// shown in the help only: what they describe is handled where it happens (a click, a prompt, the
// note editor).

export const KEY_GROUPS = [
  { id: 'tagging', title: 'Tagging' },
  { id: 'navigation', title: 'Navigation' },
  { id: 'panel', title: 'Panel' },
  { id: 'assistant', title: 'Assistant' },
  { id: 'files', title: 'Export and files' },
  { id: 'history', title: 'History' },
] as const;
export type KeyGroup = (typeof KEY_GROUPS)[number]['id'];

export interface KeyRow {
  readonly id: string;
  readonly keys: readonly string[];
  /** How the help writes the keys, where listing the chords would not say it well. */
  readonly shown?: string;
  /**
   * The application menu's item for this key. `registered`: the menu owns the key (Electron
   * registers its accelerator, so the renderer leaves the key alone); otherwise the menu only shows
   * it and the renderer handles it, so one press never runs twice.
   */
  readonly menu?: { readonly label: string; readonly registered?: boolean };
  readonly help: string;
  readonly group: KeyGroup;
}

/**
 * The rows in dispatch order: the first row whose chord matches and whose condition holds takes
 * the key. The assistant's keys come first: with a suggestion selected, Enter, Delete and Escape
 * are about it.
 */
export const KEY_ROWS = [
  { id: 'suggest', group: 'assistant', keys: ['Mod+Shift+S'], help: 'Run the assistant: suggest inconsistencies, attributions and claims' },
  { id: 'decideSuggestion', group: 'assistant', keys: ['Enter', 'Delete', 'Backspace'], shown: 'Enter / Delete', help: 'Accept / reject the selected suggestion' },
  { id: 'dropSuggestion', group: 'assistant', keys: ['Escape'], help: 'Let go of the selected suggestion' },

  { id: 'tagClaim', group: 'tagging', keys: ['c'], help: 'Tag the sentence at the caret (or the selection) as a claim' },
  { id: 'tagAttribution', group: 'tagging', keys: ['a'], help: 'Tag the sentence at the caret (or the selection) as an attribution' },
  { id: 'removeTag', group: 'tagging', keys: ['Delete', 'Backspace'], shown: 'Delete', help: 'Remove the selected tag' },
  {
    id: 'attributionSource',
    group: 'tagging',
    keys: [],
    shown: 'A, then Enter',
    help: 'Tag an attribution and pick or create its source (type-ahead over names and aliases; Escape skips)',
  },
  {
    id: 'newSourceGrade',
    group: 'tagging',
    keys: [],
    shown: 'A–F, Enter',
    help: 'In a new source: grade its reliability (Admiralty A completely reliable … F cannot be judged), create it',
  },
  { id: 'chooseSource', group: 'tagging', keys: ['r', 'Shift+R'], shown: 'R', help: 'Choose (or change) the source of the selected attribution' },
  { id: 'link', group: 'tagging', keys: ['l', 'Shift+L'], shown: 'L', help: 'Link the selected attribution to the selected claims' },
  { id: 'unlink', group: 'tagging', keys: ['u', 'Shift+U'], shown: 'U', help: 'Unlink the selected attribution from the selected claims' },
  {
    id: 'status',
    group: 'tagging',
    keys: ['s', 'Shift+S'],
    help: 'Next / previous status of the selected claims (or of the flag open in the Flags tab)',
  },
  {
    id: 'credibility',
    group: 'tagging',
    keys: ['1', '2', '3', '4', '5', '6', '0'],
    shown: '1 … 6, 0',
    help: 'Credibility of the selected claims (1 confirmed … 6 cannot be judged); 0 clears it',
  },
  { id: 'flag', group: 'tagging', keys: ['i', 'Shift+I'], shown: 'I', help: 'Flag the selected claims (two or more) as inconsistent' },

  { id: 'clickTag', group: 'navigation', keys: [], shown: 'Click a tag', help: 'Select it (click again to cycle through overlapping tags)' },
  {
    id: 'addToSelection',
    group: 'navigation',
    keys: [],
    shown: 'Ctrl+click / Shift+click',
    help: 'Add a tag to the selection (in the text or the panel); Space in the panel list does the same',
  },
  { id: 'clearSelection', group: 'navigation', keys: ['Escape'], help: 'Clear the selection' },
  {
    id: 'flagPeers',
    group: 'navigation',
    keys: ['f', ']', 'Shift+F', '['],
    shown: 'F / ] and [',
    help: 'Jump to the next / previous claim in the flags of the selected claim',
  },
  { id: 'shortcuts', group: 'navigation', keys: ['?'], menu: { label: 'Keyboard Shortcuts' }, help: 'Show these shortcuts' },

  {
    id: 'note',
    group: 'panel',
    keys: ['n', 'Shift+N'],
    shown: 'N',
    help: 'Write the note of what the details pane shows (saved as you type; Escape goes back to the text)',
  },
  {
    id: 'noteFormatting',
    group: 'panel',
    keys: [],
    shown: 'Ctrl+B / Ctrl+I / Ctrl+K',
    help: 'In a note: bold, italic, link (Ctrl+click opens a link outside the app)',
  },
  { id: 'noteLists', group: 'panel', keys: [], shown: 'Ctrl+Shift+8 / Ctrl+Shift+7', help: 'In a note: bulleted / numbered list' },
  { id: 'panelTab', group: 'panel', keys: ['t', 'Shift+T'], help: 'Next / previous panel tab (annotations, flags, sources)' },
  { id: 'search', group: 'panel', keys: ['/'], help: 'Search the panel' },
  { id: 'panelList', group: 'panel', keys: ['p', 'Shift+P'], shown: 'P', help: 'Move to the panel list (arrows move and show in the text)' },
  { id: 'renameSource', group: 'panel', keys: ['e', 'Shift+E'], shown: 'E', help: 'Rename the source open in the Sources tab' },
  { id: 'mergeSource', group: 'panel', keys: ['m', 'Shift+M'], shown: 'M', help: 'Merge another source into the one open in the Sources tab' },

  { id: 'open', group: 'files', keys: ['Mod+O'], menu: { label: 'Open…', registered: true }, help: 'Open a document' },
  {
    id: 'export',
    group: 'files',
    keys: ['Mod+E'],
    menu: { label: 'Export…' },
    help: 'Export a report (HTML, PDF, Markdown, CSV, JSON-LD, ClaimReview)',
  },
  { id: 'library', group: 'files', keys: ['Mod+L'], menu: { label: 'Library' }, help: 'Show or hide the library' },
  { id: 'settings', group: 'files', keys: ['Mod+,'], menu: { label: 'Settings…' }, help: 'Settings: the analyst name reports carry' },
  { id: 'syncWorkspace', group: 'files', keys: ['Mod+Shift+Y'], help: 'Sync now with the team workspace (send what waits, receive what others changed)' },

  { id: 'undo', group: 'history', keys: ['Mod+Z'], menu: { label: 'Undo' }, help: 'Undo' },
  { id: 'redo', group: 'history', keys: ['Mod+Shift+Z', 'Mod+Y'], menu: { label: 'Redo' }, help: 'Redo' },
] as const satisfies readonly KeyRow[];

export type KeyId = (typeof KEY_ROWS)[number]['id'];

/** What a key press says about itself (a DOM KeyboardEvent has these). */
export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}

interface Chord {
  mod: boolean;
  shift: boolean;
  key: string;
}

function parse(chord: string): Chord {
  const parts = chord.split('+');
  const key = parts.pop()!;
  return { mod: parts.includes('Mod'), shift: parts.includes('Shift'), key };
}

const isLetter = (key: string) => /^[a-z]$/i.test(key);

/** Whether a key press is this chord (see the rules at the top of this file). Alt never matches. */
export function matchesChord(press: KeyPress, chord: string): boolean {
  const c = parse(chord);
  if (press.altKey || (press.ctrlKey || press.metaKey) !== c.mod) return false;
  if (isLetter(c.key)) return press.key.toLowerCase() === c.key.toLowerCase() && press.shiftKey === c.shift;
  return press.key === c.key && (!c.shift || press.shiftKey);
}

/** A chord as people read it: 'Mod+Shift+Z' is Ctrl+Shift+Z, 's' is S. */
export function chordLabel(chord: string): string {
  const c = parse(chord);
  return [...(c.mod ? ['Ctrl'] : []), ...(c.shift ? ['Shift'] : []), isLetter(c.key) ? c.key.toUpperCase() : c.key].join('+');
}

/** The keys of a row as the help shows them. */
export function keysLabel(row: KeyRow): string {
  return row.shown ?? row.keys.map(chordLabel).join(' / ');
}

/** The row's first chord as an Electron accelerator ('Mod+Shift+Z' is CmdOrCtrl+Shift+Z). */
export function accelerator(row: KeyRow): string | undefined {
  const first = row.keys[0];
  if (first === undefined) return undefined;
  const c = parse(first);
  return [...(c.mod ? ['CmdOrCtrl'] : []), ...(c.shift ? ['Shift'] : []), isLetter(c.key) ? c.key.toUpperCase() : c.key].join('+');
}

export function keyRow(id: KeyId): KeyRow {
  return KEY_ROWS.find((r) => r.id === id)!;
}

/** How a button's tooltip names its key: the row's first chord ('Undo (Ctrl+Z)'). */
export function keyHint(id: KeyId): string {
  const first = keyRow(id).keys[0];
  return first === undefined ? '' : chordLabel(first);
}
