import { describe, expect, it, vi } from 'vitest';
import type { Annotation, DocumentRecord, Flag } from '../../common/domain';
import { accelerator, chordLabel, KEY_GROUPS, KEY_ROWS, keyHint, keysLabel, keyRow, matchesChord, type KeyPress } from '../../common/keymap';
import { dispatchKey, KEYMAP, runCommand, type AppCommands } from './keymap';
import { EMPTY_STATE, opened, reduce, select, type DocState } from './store/documentStore';
import { annotation } from '../../test/fixtures/annotation';

// The table (common/keymap.ts): its rows, how chords match, how keys are written. The renderer's keymap: every row with keys does something, every row that does something has
// keys or a menu item; a key acts on the state it is given (the store's, when it runs).

const ann = (id: number, kind: Annotation['kind'], start: number): Annotation => annotation(id, kind, start, start + 5, { exact: '' });
const flag: Flag = { id: 9, documentId: 1, explanation: '', status: 'open', note: '', memberIds: [1, 3] };

function seeded(): DocState {
  const doc = { id: 1, text: '', blocks: [] } as unknown as DocumentRecord;
  return reduce(EMPTY_STATE, opened(doc, { annotations: [ann(1, 'claim', 0), ann(2, 'attribution', 10), ann(3, 'claim', 20)], links: [], flags: [flag], sources: [], canUndo: false, canRedo: false }));
}

function fakeApp() {
  const actions = new Proxy({} as Record<string, ReturnType<typeof vi.fn>>, { get: (t, k: string) => (t[k] ??= vi.fn()) });
  const app = {
    tag: vi.fn(async () => {}),
    step: vi.fn(async () => {}),
    chooseFile: vi.fn(),
    toggleLibrary: vi.fn(),
    openExport: vi.fn(),
    openShortcuts: vi.fn(),
    syncWorkspace: vi.fn(),
    caseOpen: vi.fn(() => false),
    select: vi.fn(),
    actions,
    panel: () => null,
    toast: vi.fn(),
    assistant: { run: vi.fn(), accept: vi.fn(), reject: vi.fn(), deselect: vi.fn() },
  };
  return { app, actions, commands: app as unknown as AppCommands };
}

function key(k: string, mods: Partial<Pick<KeyboardEvent, 'ctrlKey' | 'shiftKey' | 'metaKey' | 'altKey'>> = {}) {
  const event = { key: k, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, target: null, timeStamp: 0, preventDefault: vi.fn(), ...mods };
  return event as unknown as KeyboardEvent & { preventDefault: ReturnType<typeof vi.fn> };
}

describe('the renderer keymap', () => {
  it('runs every row that has keys; rows without keys are help only', () => {
    for (const row of KEYMAP) expect(row.keys.length > 0, row.id).toBe(row.run !== undefined);
  });

  it('Delete rejects the selected suggestion first, else removes the selected tag, else does nothing', () => {
    const { app, actions, commands } = fakeApp();
    let state = reduce(seeded(), select(3));
    state = reduce(state, { type: 'selectSuggestion', id: 40 });
    expect(dispatchKey(key('Delete'), state, commands)).toBe(true);
    expect(app.assistant.reject).toHaveBeenCalledWith([40]);
    state = reduce(state, { type: 'selectSuggestion', id: null });
    dispatchKey(key('Backspace'), state, commands);
    expect(actions.deleteAnnotation).toHaveBeenCalledWith(3);
    const none = key('Delete');
    expect(dispatchKey(none, reduce(state, select(null)), commands)).toBe(false);
    expect(none.preventDefault).not.toHaveBeenCalled();
  });

  it('acts on the state it is given: S cycles the status of the claims selected then', () => {
    const { actions, commands } = fakeApp();
    let state = reduce(seeded(), select(1));
    dispatchKey(key('s'), state, commands);
    expect(actions.setStatus).toHaveBeenLastCalledWith([1], 'supported');
    state = reduce(state, select(3, true));
    dispatchKey(key('S', { shiftKey: true }), state, commands);
    expect(actions.setStatus).toHaveBeenLastCalledWith([1, 3], 'retracted');
  });

  it('] jumps to the next claim of the flag; Escape clears the selection and keeps its default', () => {
    const { app, actions, commands } = fakeApp();
    const state = reduce(seeded(), select(1));
    dispatchKey(key(']'), state, commands);
    expect(actions.reveal).toHaveBeenCalledWith(3);
    const escape = key('Escape');
    dispatchKey(escape, state, commands);
    expect(app.select).toHaveBeenCalledWith(null);
    expect(escape.preventDefault).not.toHaveBeenCalled();
  });

  it('Ctrl+E exports only with a document or a case open; the menu command always opens the dialog', () => {
    const { app, commands } = fakeApp();
    expect(dispatchKey(key('e', { ctrlKey: true }), EMPTY_STATE, commands)).toBe(false);
    runCommand('export', EMPTY_STATE, commands);
    expect(app.openExport).toHaveBeenCalledTimes(1);
    app.caseOpen.mockReturnValue(true);
    expect(dispatchKey(key('e', { ctrlKey: true }), EMPTY_STATE, commands)).toBe(true);
    expect(app.openExport).toHaveBeenCalledTimes(2);
    dispatchKey(key('Z', { ctrlKey: true, shiftKey: true }), EMPTY_STATE, commands);
    expect(app.step).toHaveBeenCalledWith('redo');
  });
});

const press = (key: string, mods: Partial<Omit<KeyPress, 'key'>> = {}): KeyPress => ({ key, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...mods });

describe('the keymap table', () => {
  it('has one row per id, in known groups, each with help', () => {
    expect(new Set(KEY_ROWS.map((r) => r.id)).size).toBe(KEY_ROWS.length);
    const groups: readonly string[] = KEY_GROUPS.map((g) => g.id);
    for (const row of KEY_ROWS) {
      expect(groups).toContain(row.group);
      expect(row.help.length).toBeGreaterThan(0);
      expect(keysLabel(row).length).toBeGreaterThan(0);
    }
  });

  it('Ctrl+Shift+Y syncs with the workspace, from anywhere but a text field', () => {
    const { app, commands } = fakeApp();
    expect(dispatchKey(key('Y', { ctrlKey: true, shiftKey: true }), EMPTY_STATE, commands)).toBe(true);
    expect(app.syncWorkspace).toHaveBeenCalledTimes(1);
    expect(keysLabel(keyRow('syncWorkspace'))).toBe('Ctrl+Shift+Y');
  });

  it('matches letters in either case with Shift as written, other keys as typed, Ctrl or Cmd for Mod, never Alt', () => {
    expect(matchesChord(press('c'), 'c')).toBe(true);
    expect(matchesChord(press('C'), 'c')).toBe(true); // Caps Lock
    expect(matchesChord(press('C', { shiftKey: true }), 'c')).toBe(false);
    expect(matchesChord(press('S', { shiftKey: true }), 'Shift+S')).toBe(true);
    expect(matchesChord(press('s'), 'Shift+S')).toBe(false);
    expect(matchesChord(press('c', { altKey: true }), 'c')).toBe(false);
    expect(matchesChord(press('c', { ctrlKey: true }), 'c')).toBe(false);
    expect(matchesChord(press('z', { ctrlKey: true }), 'Mod+Z')).toBe(true);
    expect(matchesChord(press('z', { metaKey: true }), 'Mod+Z')).toBe(true);
    expect(matchesChord(press('Z', { ctrlKey: true, shiftKey: true }), 'Mod+Z')).toBe(false);
    expect(matchesChord(press('Z', { ctrlKey: true, shiftKey: true }), 'Mod+Shift+Z')).toBe(true);
    expect(matchesChord(press('?', { shiftKey: true }), '?')).toBe(true);
    expect(matchesChord(press('!', { shiftKey: true }), '1')).toBe(false);
    expect(matchesChord(press('Delete', { shiftKey: true }), 'Delete')).toBe(true);
  });

  it('writes keys for people and accelerators for the Electron menu', () => {
    expect(chordLabel('Mod+Shift+Z')).toBe('Ctrl+Shift+Z');
    expect(keysLabel(keyRow('status'))).toBe('S / Shift+S');
    expect(keysLabel(keyRow('redo'))).toBe('Ctrl+Shift+Z / Ctrl+Y');
    expect(keysLabel(keyRow('flagPeers'))).toBe('F / ] and [');
    expect(keyHint('removeTag')).toBe('Delete');
    expect(accelerator(keyRow('redo'))).toBe('CmdOrCtrl+Shift+Z');
    expect(accelerator(keyRow('shortcuts'))).toBe('?');
    expect(accelerator(keyRow('clickTag'))).toBeUndefined();
  });
});
