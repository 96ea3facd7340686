import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['{common,db,assist,main,preload,renderer,scripts,bench}/**/*.test.ts', 'test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    pool: 'forks',
  },
});
