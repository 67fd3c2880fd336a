// End-to-end tests: the real page in the Chromium host (tests/e2e) and, where an Electron binary
// is installed, the same journeys in Electron (tests/electron). Browsers are never downloaded:
// the hosts launch Debian's /usr/bin/chromium or the installed Electron themselves.
import { defineConfig } from '@playwright/test'

export default defineConfig({
  testDir: 'tests',
  testMatch: ['e2e/**/*.spec.ts', 'electron/**/*.spec.ts'],
  outputDir: 'test-results',
  timeout: 60_000,
  expect: { timeout: 5_000 },
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
})
