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
  'src/main/families/families.test.ts',
  // The areas that pass on PostgreSQL as they are (issue 13): accounts, consent, sessions and
  // permissions, the directory, drafts, early help, referrals and step-ups, hub settings.
  'src/main/accounts/accounts.test.ts',
  'src/main/consent/consent.test.ts',
  'src/main/consent/severalConsents.test.ts',
  'src/main/consent/withdrawnDay.test.ts',
  'src/main/core/permissions.test.ts',
  'src/main/core/sessions.test.ts',
  'src/main/directory/directory.test.ts',
  'src/main/directory/import/import.test.ts',
  'src/main/directory/import/importRefusals.test.ts',
  'src/main/drafts/drafts.test.ts',
  'src/main/drafts/registration.test.ts',
  'src/main/earlyHelp/chronology.test.ts',
  'src/main/earlyHelp/earlyHelp.test.ts',
  'src/main/earlyHelp/history.test.ts',
  'src/main/earlyHelp/lists.test.ts',
  'src/main/earlyHelp/plans.test.ts',
  'src/main/earlyHelp/readyToTravel.test.ts',
  'src/main/export/history.test.ts',
  'src/main/families/familyNames.test.ts',
  'src/main/families/familySize.test.ts',
  'src/main/families/restriction.test.ts',
  'src/main/hub/settings.test.ts',
  'src/main/log/logContents.test.ts',
  'src/main/referrals/londonDays.test.ts',
  'src/main/referrals/outboundGate.test.ts',
  'src/main/referrals/readers.test.ts',
  'src/main/referrals/screening.test.ts',
  'src/main/referrals/screeningHostile.test.ts',
  'src/main/referrals/stepUp.test.ts',
  'src/main/referrals/stepUpFiles.test.ts',
  'src/main/referrals/timing.test.ts',
  // The export (issue 13 item 2): the package, its change feed and snapshot, the validation rules,
  // the command line, and the directory import that feeds it, the same on both engines.
  'src/main/export/busy.test.ts',
  'src/main/export/changeFeed.test.ts',
  'src/main/export/export.test.ts',
  'src/main/export/exportCli.test.ts',
  'src/main/export/formatDocument.test.ts',
  'src/main/export/validation/earlyHelpRules.test.ts',
  'src/main/export/validation/peopleRules.test.ts',
  'src/main/export/validation/referralRules.test.ts',
  'src/main/export/validation/rules.test.ts',
  'src/main/export/validation/run.test.ts',
  'src/main/directory/import/hostileFeeds.test.ts',
  'src/main/directory/importCli.test.ts',
  // Outbound referrals (sending, hostile input, two saves racing, who may see them), the referrals
  // overview and the requests-for-help list, with its full order on both engines.
  'src/main/referrals/outbound.test.ts',
  'src/main/referrals/outboundHostile.test.ts',
  'src/main/referrals/outboundRaces.test.ts',
  'src/main/referrals/outboundVisibility.test.ts',
  'src/main/referrals/overview.test.ts',
  'src/main/referrals/requests.test.ts',
  // A unique rule's refusal answered CONFLICT on both engines (the second of two desks' saves at once).
  'src/main/core/uniqueRefusal.test.ts',
  // The core and the audit trail (issue 13 item 2): opening, bad input and a server that takes no
  // changes, the audit trail and its order, the change listener, drafts after a crash, families ready
  // to travel, and the hot queries' plans (EXPLAIN (FORMAT JSON) on a hub-sized database).
  'src/main/audit/audit.test.ts',
  'src/main/audit/listOrder.test.ts',
  'src/main/changes/changes.test.ts',
  'src/main/core/badInput.test.ts',
  'src/main/core/core.test.ts',
  'src/main/core/opening.test.ts',
  'src/main/core/queryPlans.test.ts',
  'src/main/drafts/crash.test.ts',
  'src/main/families/readyToTravel.test.ts',
  // Hostile payloads on every channel (fewer runs than on SQLite: see CASEBOOK_FUZZ_RUNS there).
  'src/main/core/fuzz.test.ts',
  // The audit trail's anchors of exports (the runs' rows and the packages), and every channel's audit
  // entries, with the backup channels refused on PostgreSQL (backups' anchors: anchors.test.ts, SQLite only).
  'src/main/audit/exportAnchors.test.ts',
  'src/main/audit/completeness.test.ts'
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
