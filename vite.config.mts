import react from '@vitejs/plugin-react';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = path.dirname(fileURLToPath(import.meta.url));

// The renderer bundle, shared by Electron (loaded from file://, hence the relative base) and the
// local web host.
export default defineConfig({
  root: path.resolve(here, 'renderer'),
  base: './',
  plugins: [react()],
  build: {
    outDir: path.resolve(here, 'dist/renderer'),
    emptyOutDir: true,
    target: 'chrome120',
    sourcemap: true,
    chunkSizeWarningLimit: 2000,
  },
});
