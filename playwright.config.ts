import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './e2e/support/chromium';

// Two suites: the browser-mode suite always runs against Debian's Chromium through the local web
// host; the Electron suite runs where the Electron binary is installed and skips itself elsewhere.
export default defineConfig({
  testDir: './e2e',
  outputDir: './test-results',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 2,
  // One retry: a 2-core CI box shared by two workers now and then runs a long journey out of time.
  // A test that needs its retry is still printed, with its first error, by the digest (last).
  retries: 1,
  reporter: [
    ['list'],
    ...(process.env.CI ? [['html', { open: 'never', outputFolder: 'playwright-report' }] as const] : []),
    ['./e2e/support/digest.ts'],
  ],
  use: {
    launchOptions: chromiumLaunchOptions(),
    viewport: { width: 1400, height: 900 },
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
  },
  projects: [
    { name: 'browser', testMatch: 'browser/**/*.spec.ts' },
    { name: 'electron', testMatch: 'electron/**/*.spec.ts' },
  ],
});
