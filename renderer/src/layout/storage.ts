import type { LayoutStorage } from 'react-resizable-panels';

/**
 * Where the splitters remember their sizes: the window's localStorage, or nothing where it is
 * unavailable (a sandboxed page, storage full): the layout then starts from its defaults.
 */
export const layoutStorage: LayoutStorage = {
  getItem(key) {
    try {
      return window.localStorage.getItem(`claimscope.layout.${key}`);
    } catch {
      return null;
    }
  },
  setItem(key, value) {
    try {
      window.localStorage.setItem(`claimscope.layout.${key}`, value);
    } catch {
      // Not remembered this time; nothing else depends on it.
    }
  },
};
