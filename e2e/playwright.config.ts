import { resolve } from 'node:path';
import { defineConfig } from '@playwright/test';
import { CHROMIUM_FLAGS } from './chromium-flags';

const PORT = Number(process.env.E2E_PORT ?? 4173);
// Overridable so a second run (another engineer's, a benchmark) never shares the data or the build.
const DATA_DIR = process.env.E2E_DATA_DIR ?? resolve(import.meta.dirname, '.data/e2e');
const STATIC_DIR = process.env.E2E_STATIC_DIR ?? resolve(import.meta.dirname, '../client/dist');

export default defineConfig({
  testDir: './specs',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    browserName: 'chromium',
    headless: true,
    viewport: { width: 800, height: 1280 },
    locale: 'vi-VN',
    serviceWorkers: 'allow',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
      args: CHROMIUM_FLAGS,
    },
  },
  webServer: {
    // The real relay serves the built PWA and syncs, with a fresh SQLite store per run.
    command: `rm -rf "${DATA_DIR}" && PORT=${PORT} HOST=127.0.0.1 DATA_DIR="${DATA_DIR}" STATIC_DIR="${STATIC_DIR}" LOG_LEVEL=warn pnpm --dir ../relay start`,
    url: `http://127.0.0.1:${PORT}/healthz`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
