import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import { API_CHANNEL, EVENT_CHANNEL, GRANT_CHANNEL, METHOD_NAMES, type AppEvent, type Bridge } from '../common/methods';

// The whole bridge: one function per API method (from the method list), the app's events, and
// the path of a dropped file. Nothing else of Electron or Node reaches the page.
const api = Object.fromEntries(
  METHOD_NAMES.map((method) => [method, (input: unknown) => ipcRenderer.invoke(API_CHANNEL, method, input)]),
) as Bridge['api'];

const bridge: Bridge = {
  api,
  onEvent(listener) {
    const wrapped = (_event: IpcRendererEvent, payload: AppEvent) => listener(payload);
    ipcRenderer.on(EVENT_CHANNEL, wrapped);
    return () => ipcRenderer.removeListener(EVENT_CHANNEL, wrapped);
  },
  pathForFile(file) {
    // Only a File the browser made from a real drop has a path; main may then import it.
    const path = webUtils.getPathForFile(file as File);
    if (path) ipcRenderer.sendSync(GRANT_CHANNEL, path);
    return path;
  },
};

contextBridge.exposeInMainWorld('claimscope', bridge);
