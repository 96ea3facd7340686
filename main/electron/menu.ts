import { Menu, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';
import type { AppEvent } from '../../common/methods';

type Send = (event: AppEvent) => void;

/**
 * The application menu. Keys the renderer handles itself (undo, redo, ?) are shown here but not
 * registered, so one key press never runs twice.
 */
export function buildMenu(win: BrowserWindow, send: Send, openFile: () => void): Menu {
  const command = (c: Extract<AppEvent, { type: 'command' }>['command']) => () => send({ type: 'command', command: c });
  const template: MenuItemConstructorOptions[] = [
    {
      label: 'File',
      submenu: [
        { label: 'Open…', accelerator: 'CmdOrCtrl+O', click: openFile },
        { label: 'Export…', accelerator: 'CmdOrCtrl+E', registerAccelerator: false, click: command('export') },
        { label: 'Library', accelerator: 'CmdOrCtrl+L', registerAccelerator: false, click: command('library') },
        { type: 'separator' },
        { role: 'quit' },
      ],
    },
    {
      label: 'Edit',
      submenu: [
        { label: 'Undo', accelerator: 'CmdOrCtrl+Z', registerAccelerator: false, click: command('undo') },
        { label: 'Redo', accelerator: 'CmdOrCtrl+Shift+Z', registerAccelerator: false, click: command('redo') },
        { type: 'separator' },
        { role: 'copy' },
        { role: 'selectAll' },
      ],
    },
    {
      label: 'View',
      submenu: [{ role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, { type: 'separator' }, { role: 'togglefullscreen' }],
    },
    {
      label: 'Help',
      submenu: [{ label: 'Keyboard Shortcuts', accelerator: '?', registerAccelerator: false, click: command('shortcuts') }],
    },
  ];
  void win;
  return Menu.buildFromTemplate(template);
}
