import { defineConfig } from 'vitest/config';

// One run over every package so CI reads a single JSON report.
export default defineConfig({
  test: {
    projects: ['packages/model', 'packages/protocol', 'packages/sync-frames', 'relay', 'client', 'tools'],
  },
});
