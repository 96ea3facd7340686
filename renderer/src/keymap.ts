import { CLAIM_STATUSES, FLAG_STATUSES, type AnnotationKind } from '../../common/domain';
import { KEY_ROWS, matchesChord, type KeyId, type KeyRow } from '../../common/keymap';
import { isElectron } from './api/client';
import type { PanelHandle } from './panel/AnnotationPanel';
import { flagPeers } from './panel/model';
import { timedTagKey } from './perf';
import type { DocState } from './store/documentStore';
import { selectedAnnotations } from './store/selection';
import type { WorkflowActions } from './workflow/actions';

// The keymap: common/keymap.ts's rows (keys, help, group, menu) with what each key does here
// (`when` it applies, `run`). One table drives the window's key handler, the help dialog (?) and
// the Electron menu's commands. A key reads the store's state as it is when the key runs.

/** What keys can do in the app. */
export interface AppCommands {
  tag(kind: AnnotationKind): Promise<void>;
  step(direction: 'undo' | 'redo'): Promise<void>;
  chooseFile(): void;
  toggleLibrary(): void;
  openSettings(): void;
  openExport(): void;
  openShortcuts(): void;
  /** Push, then pull, with the team workspace now (says so when the library is in none). */
  syncWorkspace(): void;
  /** A case is on the desk instead of a document (its report exports; C tags the words selected in a column). */
  caseOpen(): boolean;
  select(id: number | null): void;
  actions: WorkflowActions;
  panel(): PanelHandle | null;
  toast(message: string, tone?: 'info' | 'error'): void;
  assistant: { run(): void; accept(ids: number[]): void; reject(ids: number[]): void; deselect(): void };
}

export interface KeyContext {
  /** The store's state when the key runs. */
  state: DocState;
  app: AppCommands;
  /** The chord that matched; null for a menu command. */
  press: string | null;
  event: KeyboardEvent | null;
}

interface Behaviour {
  /** Whether the key applies now; when not, the next row with the same key may take it. */
  when?(c: KeyContext): boolean;
  run(c: KeyContext): void;
  /** The key's default action still happens (Escape). */
  passive?: boolean;
}

export type KeyBinding = KeyRow & { id: KeyId } & Partial<Behaviour>;

const documentOpen = (c: KeyContext) => c.state.document !== null;
/** A key pressed on a focused button, tab, link or choice: it belongs to that control. */
const onControl = (e: KeyboardEvent | null) =>
  typeof Element !== 'undefined' && e?.target instanceof Element && e.target.closest('button, a, [role="button"], [role="tab"], [role="radio"], select') !== null;
const suggestionSelected = (c: KeyContext) => c.state.suggestionId !== null;
const selection = (c: KeyContext) => selectedAnnotations(c.state.selection, c.state.ix);

function tagKey(c: KeyContext, kind: AnnotationKind): void {
  if (c.event) void timedTagKey(c.event, () => c.app.tag(kind));
  else void c.app.tag(kind);
}

function linkKey(c: KeyContext, linking: boolean): void {
  const { claims, attributions } = selection(c);
  if (attributions.length === 0 || claims.length === 0) {
    c.app.toast(
      linking
        ? 'To link: select an attribution, Ctrl+click the claims it covers, then press L'
        : 'To unlink: select an attribution and Ctrl+click its claim, then press U',
      'info',
    );
    return;
  }
  for (const t of attributions) (linking ? c.app.actions.link : c.app.actions.unlink)(t.id, claims.map((a) => a.id));
}

function cycle<T>(list: readonly T[], current: T, step: number): T {
  const i = list.indexOf(current);
  return list[(i + step + list.length) % list.length]!;
}

function statusKey(c: KeyContext): void {
  const step = c.press === 'Shift+S' ? -1 : 1;
  const flag = c.app.panel()?.selectedFlag();
  if (flag) {
    c.app.actions.updateFlag(flag.id, { status: cycle(FLAG_STATUSES, flag.status, step) });
    return;
  }
  const { primary, claims } = selection(c);
  const base = primary?.kind === 'claim' ? primary : claims[0];
  if (!base) {
    c.app.toast('Select a claim to set its status', 'info');
    return;
  }
  c.app.actions.setStatus(
    claims.map((a) => a.id),
    cycle(CLAIM_STATUSES, base.status, step),
  );
}

function credibilityKey(c: KeyContext): void {
  const { claims } = selection(c);
  if (claims.length === 0) {
    c.app.toast('Select a claim to grade its credibility (1 confirmed … 6 cannot be judged; 0 clears)', 'info');
    return;
  }
  c.app.actions.setCredibility(
    claims.map((a) => a.id),
    c.press === '0' ? null : Number(c.press),
  );
}

function flagPeerKey(c: KeyContext): void {
  const { primary } = selection(c);
  if (!primary) return;
  const peers = flagPeers(c.state.ix, primary.id);
  if (peers.length < 2) {
    c.app.toast('This tag is not part of a flag', 'info');
    return;
  }
  const backwards = c.press === '[' || c.press === 'Shift+F';
  c.app.actions.reveal(cycle(peers, primary.id, backwards ? -1 : 1));
}

function panelKey(c: KeyContext, focus: (panel: PanelHandle) => boolean, hint: string): void {
  const panel = c.app.panel();
  if (!panel || !focus(panel)) c.app.toast(hint, 'info');
}

const BEHAVIOUR: Record<KeyId, Behaviour | null> = {
  suggest: { run: (c) => c.app.assistant.run() },
  decideSuggestion: {
    when: suggestionSelected,
    run: (c) => (c.press === 'Enter' ? c.app.assistant.accept : c.app.assistant.reject)([c.state.suggestionId!]),
  },
  dropSuggestion: { when: suggestionSelected, run: (c) => c.app.assistant.deselect(), passive: true },

  tagClaim: { run: (c) => tagKey(c, 'claim') },
  tagAttribution: { run: (c) => tagKey(c, 'attribution') },
  removeTag: {
    // Not from a focused button, tab or link (Backspace there is not a request to delete).
    when: (c) => c.state.selection.primary !== null && !onControl(c.event),
    run: (c) => {
      const id = c.state.selection.primary!;
      // A tag still on its way to the database (id < 0) cannot be removed yet.
      if (id > 0) c.app.actions.deleteAnnotation(id);
    },
  },
  attributionSource: null,
  newSourceGrade: null,
  chooseSource: {
    when: documentOpen,
    run: (c) => {
      const { primary } = selection(c);
      if (primary) c.app.actions.chooseSource(primary.id);
      else c.app.toast('Select an attribution to choose its source', 'info');
    },
  },
  link: { when: documentOpen, run: (c) => linkKey(c, true) },
  unlink: { when: documentOpen, run: (c) => linkKey(c, false) },
  status: { when: documentOpen, run: statusKey },
  credibility: { when: documentOpen, run: credibilityKey },
  flag: { when: documentOpen, run: (c) => c.app.actions.flagSelection() },

  clickTag: null,
  addToSelection: null,
  clearSelection: { run: (c) => c.app.select(null), passive: true },
  flagPeers: { when: documentOpen, run: flagPeerKey },
  shortcuts: { run: (c) => c.app.openShortcuts() },

  note: { when: documentOpen, run: (c) => panelKey(c, (p) => p.focusNote(), 'Select a tag, flag or source to write its note') },
  noteFormatting: null,
  noteLists: null,
  panelTab: { when: documentOpen, run: (c) => c.app.panel()?.cycleTab(c.press === 'Shift+T' ? -1 : 1) },
  search: { when: documentOpen, run: (c) => c.app.panel()?.focusSearch() },
  panelList: { when: documentOpen, run: (c) => c.app.panel()?.focusList() },
  renameSource: { when: documentOpen, run: (c) => panelKey(c, (p) => p.focusSourceName(), 'Open a source in the Sources tab (T) to rename it') },
  mergeSource: { when: documentOpen, run: (c) => panelKey(c, (p) => p.focusMerge(), 'Open a source in the Sources tab (T) to merge another into it') },

  open: { run: (c) => c.app.chooseFile() },
  export: { when: (c) => documentOpen(c) || c.app.caseOpen(), run: (c) => c.app.openExport() },
  library: { run: (c) => c.app.toggleLibrary() },
  settings: { run: (c) => c.app.openSettings() },
  syncWorkspace: { run: (c) => c.app.syncWorkspace() },

  undo: { run: (c) => void c.app.step('undo') },
  redo: { run: (c) => void c.app.step('redo') },
};

export const KEYMAP: readonly KeyBinding[] = KEY_ROWS.map((row) => ({ ...row, ...BEHAVIOUR[row.id] }));

/** True when a key press belongs to a text field rather than to the app. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (typeof HTMLElement === 'undefined' || !(target instanceof HTMLElement)) return false;
  // The document is focusable for its caret, but read-only: its keys belong to the app.
  if (target.isContentEditable) return !target.closest('.cs-document');
  const tag = target.tagName;
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT';
}

/** The first row that takes this key press in this state, with its context; null when none does. */
export function bindingFor(event: KeyboardEvent, state: DocState, app: AppCommands): { row: KeyBinding & Behaviour; c: KeyContext } | null {
  if (isTypingTarget(event.target)) return null;
  for (const row of KEYMAP) {
    if (!row.run) continue;
    // In Electron the menu owns the keys it registers.
    if (isElectron && row.menu?.registered) continue;
    const press = row.keys.find((chord) => matchesChord(event, chord));
    if (press === undefined) continue;
    const c: KeyContext = { state, app, press, event };
    if (row.when && !row.when(c)) continue;
    return { row: row as KeyBinding & Behaviour, c };
  }
  return null;
}

/** Runs the first row that takes this key press; false when none does. */
export function dispatchKey(event: KeyboardEvent, state: DocState, app: AppCommands): boolean {
  const found = bindingFor(event, state, app);
  if (!found) return false;
  if (!found.row.passive) event.preventDefault();
  found.row.run(found.c);
  return true;
}

/** Runs a row for a menu command. The menu's items are always enabled: no `when`. */
export function runCommand(id: KeyId, state: DocState, app: AppCommands): void {
  KEYMAP.find((row) => row.id === id)?.run?.({ state, app, press: null, event: null });
}
