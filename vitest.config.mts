import { defineConfig } from 'vitest/config'

/**
 * The integration tests run on PostgreSQL too (issue 13), against a real server the project's global
 * set-up starts: the tests about PostgreSQL itself (*.pg.test.ts, never on SQLite), and the others as
 * each area is made to work on it. The aim is every test that opens a database through tempCasebook.
 */
const POSTGRES_ONLY = ['src/**/*.pg.test.ts', 'migrations/**/*.pg.test.ts']
const ON_POSTGRES = [
  ...POSTGRES_ONLY,
  // People search and the duplicate check (src/main/search/postgresSearch.ts), and the families they find.
  'src/main/search/search.test.ts',
  'src/main/search/sharedDetails.test.ts',
  'src/main/families/families.test.ts'
]

export default defineConfig({
  test: {
    // Each file opens real databases; forks keep the native module per process.
    pool: 'forks',
    testTimeout: 30_000,
    projects: [
      { extends: true, test: { name: 'sqlite', include: ['src/**/*.test.ts', 'migrations/**/*.test.ts'], exclude: POSTGRES_ONLY } },
      {
        extends: true,
        test: {
          name: 'postgres',
          include: ON_POSTGRES,
          globalSetup: ['src/main/testing/postgresGlobalSetup.ts'],
          setupFiles: ['src/main/testing/postgresSetup.ts']
        }
      }
    ]
  }
})
