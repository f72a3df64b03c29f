import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'migrations/**/*.test.ts'],
    // Each file opens real SQLite files; forks keep the native module per process.
    pool: 'forks',
    testTimeout: 30_000
  }
})
