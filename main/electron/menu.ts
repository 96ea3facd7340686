import { Menu, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';
import { accelerator, keyRow, type KeyId } from '../../common/keymap';
import type { AppEvent } from '../../common/methods';

type Send = (event: AppEvent) => void;

/**
 * The application menu. Labels and accelerators come from the keymap (common/keymap.ts). Keys the
 * renderer handles itself (undo, redo, ?) are shown here but not registered, so one key press
 * never runs twice.
 */
export function buildMenu(win: BrowserWindow, send: Send, openFile: () => void): Menu {
  const command = (c: Extract<AppEvent, { type: 'command' }>['command']) => () => send({ type: 'command', command: c });
  const item = (id: KeyId, click: () => void): MenuItemConstructorOptions => {
    const row = keyRow(id);
    return { label: row.menu?.label ?? row.help, accelerator: accelerator(row), registerAccelerator: row.menu?.registered ?? false, click };
  };
  const template: MenuItemConstructorOptions[] = [
    {
      label: 'File',
      submenu: [item('open', openFile), item('export', command('export')), item('library', command('library')), { type: 'separator' }, { role: 'quit' }],
    },
    {
      label: 'Edit',
      submenu: [item('undo', command('undo')), item('redo', command('redo')), { type: 'separator' }, { role: 'cut' }, { role: 'copy' }, { role: 'paste' }, { role: 'selectAll' }],
    },
    {
      label: 'View',
      submenu: [{ role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, { type: 'separator' }, { role: 'togglefullscreen' }],
    },
    {
      label: 'Help',
      submenu: [item('shortcuts', command('shortcuts'))],
    },
  ];
  void win;
  return Menu.buildFromTemplate(template);
}
