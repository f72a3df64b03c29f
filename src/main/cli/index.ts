// The command line, for IT (scheduled tasks, first set-up) and for tests: the same core as the app.
//   npm run casebook -- init [--hub-name N --hub-code C --la-code L]
//   npm run casebook -- seed --families N [--seed S]
//   npm run casebook -- search <text>
//   npm run casebook -- directory import [--file <path> | --url <url>]
//   npm run casebook -- export [--full] [--pseudonymised] [--out <folder>]
//   npm run casebook -- backup [--to <folder>] | backup list | backup new-key [--to <file>]
//   npm run casebook -- restore <backup> [--key-file <path>]
//   npm run casebook -- migrate --postgres --owner <role> [--owner-password-env <name> | --owner-password-file <path>]
//   npm run casebook -- move-to-postgres --from <file.sqlite> --to <config file | postgresql://owner@server/database> [--owner <role>] [...]
// Every command takes --db <path> (else CASEBOOK_DB, the machine-wide config, the user's folder).
// The machine-wide config may name the hub's shared PostgreSQL database instead: every command opens
// it, except those that work on a file (backup, restore), and init, whose work there is migrate's.
// Only init creates a database; search and audit verify open it read-only and change nothing.
import { parseArgs } from 'node:util'
import { resolve as resolvePath } from 'node:path'
import { desktopUserName, openCasebook, type Casebook } from '../core/casebook'
import type { OpenMode } from '../core/opening'
import { machineConfigPath, machineSettings, resolveDatabasePath } from '../core/config'
import { DEFAULT_HUB } from '../hub/service'
import { seedFamilies } from '../seed/seed'
import { formatDate, ageInYears, todayIso } from '../../shared/dates'
import type { SearchOutput } from '../../shared/search/schemas'
import type { AuditVerification } from '../../shared/audit/schemas'
import { progressBar } from './progress'
import type { DirectoryImportResult } from '../../shared/directory/schemas'
import { directoryImportReport } from '../directory/import/report'
import { exportCommand } from './exportCommand'
import { errorFields, silentLog, type Log } from '../log/log'
import { logStarted, openMachineLog } from '../log/machineLog'
import { restoreCommand } from '../recovery/restoreCommand'
import { backupCommand, backupListCommand, newKeyCommand } from './backupCommand'
import { backupFolderFor } from '../backup/folder'
import { CLI_OPTIONS } from './options'
import { migrateCommand } from './migrateCommand'
import { moveCommand } from './moveCommand'
import { postgresConnection } from '../core/postgresSettings'
import { MIGRATE_COMMAND } from '../core/postgresRoles'
import { notOnSharedDatabase } from '../backup/sharedDatabase'

const USAGE = `Usage: npm run casebook -- <command> [options]

Commands:
  init                      create the database (the only command that does), or bring it up to date
      --hub-name <name>     the hub's name (a new database only)
      --hub-code <code>     2-5 letters that start every family reference (a new database only)
      --la-code <code>      the local authority code (a new database only)
  seed --families <n>       add n synthetic families to a database that exists (deterministic; --seed <number> to vary)
  search <text>             search people as the app's search box does (reads only)
  audit verify              check the audit trail's hash chain, and that it still ends where the backups and
                            exports last saw it; exit code 1 if it is broken (reads only)
  directory import          import the agency directory from its Open Referral UK feed (the machine-wide
                            config's directoryFeed); exit code 1 if the feed was refused or could not be read
      --file <path>         from this JSON file, saved from the feed, instead
      --url <url>           from this address (https or http) instead
  export                    write a package for the local authority to the export folder (the machine-wide
                            config's exportFolder): what changed since the last package, or everything the
                            first time. Exit codes: 0 written; 3 refused, the validation report has errors
                            to fix; 4 another export is running; 1 failed (nothing is left that looks complete)
      --full                everything, not only what changed
      --pseudonymised       the package for performance reporting: no names, contact details, identifiers
                            or free text (a separate series of packages)
      --out <folder>        to this folder instead of the machine-wide config's
  backup                    back the database up now: an online copy, checked, encrypted with the backup key
                            into the backup folder (the machine-wide config's backupFolder, else Backups
                            beside the database). Exit codes: 0 written; 4 another backup is running;
                            1 failed (nothing is left that looks like a backup)
      --to <folder>         to this folder instead (it must be there already)
  backup list               the backups in the backup folder, newest first (reads only)
  backup new-key            print a new backup key (32 random bytes, base64) for the machine-wide config
      --to <file>           write it to this new file instead, for backupKeyFile
  restore <backup>          replace the database with a backup (a file, or the name of one in the backup
                            folder), decrypted with the machine's key and checked first; the database it
                            replaces is kept beside it. Casebook must be closed. Exit code 1 if it was not
                            restored (nothing is changed then)
      --key-file <path>     the key the backup was made with, if it is not this machine's
  migrate --postgres        create or upgrade the tables of the hub's shared PostgreSQL database (the
                            machine-wide config's postgres section), then grant the desks' role (its user)
                            what it needs. Run by IT at install and after every upgrade of Casebook
      --owner <role>        the role that owns the tables (not the desks' role)
      --owner-password-env <name>   the environment variable holding the owner's password
      --owner-password-file <path>  or a file holding it, readable only by the account running this
      --hub-name, --hub-code, --la-code   the hub's settings, as for init (a new database only)
  move-to-postgres          copy a single-desk hub's SQLite file into the hub's new shared PostgreSQL database,
                            which must hold no records: migrated first as the owner role, then every record
                            copied in one transaction, committed only once the row counts match the file's and
                            the audit trail verifies there. The file is read, never changed. Exit codes:
                            0 copied; 1 not copied (the database holds no records, as before); 2 asked wrongly
      --from <file>         the hub's SQLite file
      --to <config|address> a machine-wide config file, whose postgres section names the server (with --owner;
                            its user, the desks' role, is granted what a desk needs), or an address naming the
                            owner role: postgresql://<owner role>@<server>:5432/<database>
      --owner <role>        with a config file: the role that owns the tables (not the desks' role)
      --owner-password-env <name>, --owner-password-file <path>   the owner's password, as for migrate
      --ca-file <path>      with an address of a server on another computer: IT's CA certificate (PEM)

Options:
  --db <path>               the database file (else CASEBOOK_DB, the machine-wide config's databasePath or
                            postgres, the user's folder)
  --help                    this text`

/** The command line is run by IT on the machine itself: a trusted caller, audited by OS user. */
function cliConnection(casebook: Casebook) {
  return casebook.connect({ name: `cli:${desktopUserName()}` })
}

/** Second words the log may name: never a search's text or a file's name, which follow other commands. */
const LOGGED_SUBCOMMANDS = new Set(['verify', 'import', 'list', 'new-key'])

/**
 * `log`: where the command says what it did for IT (the machine-wide log folder when run as a command,
 * below and in electron/headless.ts); silent when a test calls it.
 */
export async function main(argv: string[], out: (line: string) => void = console.log, log: Log = silentLog): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: CLI_OPTIONS })
  const [command, ...rest] = positionals
  if (values.help || !command) {
    out(USAGE)
    return command || values.help ? 0 : 2
  }
  const { path, source, postgres: postgresSettings } = resolveDatabasePath({ argv })
  // The hub a new database is made for (init, or migrate on PostgreSQL).
  const hub = {
    name: values['hub-name'] ?? DEFAULT_HUB.name,
    code: values['hub-code'] ?? DEFAULT_HUB.code,
    localAuthorityCode: values['la-code'] ?? DEFAULT_HUB.localAuthorityCode
  }
  // IT may name the directory's feed for one import, in place of the machine-wide config's.
  const feedOverride = values.file ? { directoryFeed: resolvePath(values.file) } : values.url ? { directoryFeed: values.url } : {}
  // `backup --to <folder>`: this run's backup folder, in place of the machine-wide config's.
  const backupOverride =
    command === 'backup' && values.to && rest[0] !== 'new-key' ? { backup: { ...machineSettings().backup, folder: resolvePath(values.to) } } : {}
  const named = { command, ...(command !== 'search' && LOGGED_SUBCOMMANDS.has(rest[0] ?? '') ? { subcommand: rest[0]! } : {}) }
  // Every command in IT's log: started, then finished with its exit code or failed, and how long it took.
  const logged = async (work: () => Promise<number>) => {
    const started = performance.now()
    const ms = () => Math.round(performance.now() - started)
    log.info('command.started', named)
    try {
      const code = await work()
      log.info('command.finished', { ...named, exit: code, ms: ms() })
      return code
    } catch (error) {
      log.error('command.failed', { ...named, ...errorFields(error), ms: ms() })
      throw error
    }
  }
  const run = (mode: OpenMode, work: (casebook: Casebook) => Promise<number>) => logged(() => runOpen(mode, work))
  const runOpen = async (mode: OpenMode, work: (casebook: Casebook) => Promise<number>) => {
    const casebook = await openCasebook({
      log,
      databasePath: path,
      ...(postgresSettings ? { postgres: postgresConnection(postgresSettings) } : {}),
      mode,
      source,
      ...machineSettings(),
      ...feedOverride,
      ...(values.out ? { exportFolder: resolvePath(values.out) } : {}),
      ...backupOverride,
      hub
    })
    try {
      return await work(casebook)
    } finally {
      await casebook.close()
    }
  }

  // A PostgreSQL server is IT's to back up and restore, with pg_dump or its own tools: Casebook's backups are of a file.
  const notOnPostgres = (what: string) => {
    out(notOnSharedDatabase(path, what))
    return 2
  }
  if (postgresSettings && command === 'init') {
    out(`This hub's database is on a PostgreSQL server (${path}): IT creates and upgrades its tables, as the owner role, with: ${MIGRATE_COMMAND}`)
    return 2
  }
  if (postgresSettings && command === 'backup' && rest[0] !== 'new-key') return notOnPostgres('back it up')
  if (postgresSettings && command === 'restore') return notOnPostgres('restore it')

  switch (command) {
    case 'migrate': {
      if (!values.postgres) {
        out("migrate needs --postgres. A desk's own SQLite file is brought up to date when Casebook opens it, or by init.")
        return 2
      }
      if (!postgresSettings) {
        out(`migrate --postgres needs the machine-wide config's postgres section (in ${machineConfigPath()}), naming the hub's database and the desks' role.`)
        return 2
      }
      if (!values.owner) {
        out(`migrate --postgres needs --owner <role>: the role that owns the tables, not the desks' role (${postgresSettings.user}).`)
        return 2
      }
      const settings = postgresSettings
      const owner = values.owner
      return logged(() =>
        migrateCommand({
          settings,
          owner,
          ownerPasswordEnv: values['owner-password-env'],
          ownerPasswordFile: values['owner-password-file'],
          hub,
          log,
          out
        })
      )
    }
    case 'move-to-postgres':
      return logged(() =>
        moveCommand({
          from: values.from,
          to: values.to,
          owner: values.owner,
          ownerPasswordEnv: values['owner-password-env'],
          ownerPasswordFile: values['owner-password-file'],
          caFile: values['ca-file'],
          actor: `cli:${desktopUserName()}`,
          log,
          out,
          onProgress: progressBar('Copying')
        })
      )
    case 'init':
      return run('create', async (casebook) => {
        const hub = await cliConnection(casebook).invoke('hub.get', {})
        out(`Database ready: ${path} (from the ${source})`)
        if (casebook.backupPath) out(`Backed up before upgrading to: ${casebook.backupPath}`)
        if (hub.ok) out(`Hub: ${JSON.stringify(hub.value)}`)
        return 0
      })
    case 'seed': {
      const families = Number(values.families)
      if (!Number.isInteger(families) || families < 1) {
        out('seed needs --families <n>, a whole number of 1 or more')
        return 2
      }
      return run('existing', async (casebook) => {
        const started = performance.now()
        const result = await seedFamilies(casebook, { families, seed: values.seed ? Number(values.seed) : 1, onProgress: progressBar('Seeding') })
        out(`Added ${result.families} families (${result.people} people) to ${path} in ${((performance.now() - started) / 1000).toFixed(1)} s`)
        return 0
      })
    }
    case 'search':
      return run('readOnly', async (casebook) => {
        const result = await cliConnection(casebook).invoke('people.search', { text: rest.join(' ') })
        if (!result.ok) {
          out(result.error.message)
          return 1
        }
        const { understoodAs, hits } = result.value as SearchOutput
        out(understoodAs.length ? `Searched for: ${understoodAs.join(', ')}` : 'Nothing to search for')
        const today = todayIso()
        for (const h of hits) {
          const born = h.dateOfBirth ? `born ${formatDate(h.dateOfBirth)} (${ageInYears(h.dateOfBirth, today)})` : `due ${formatDate(h.expectedDate ?? '')}`
          out(`${h.familyReference}  ${h.givenName ?? 'Unborn baby'} ${h.familyName}, ${born}, ${h.addressLine1}, ${h.postcode}`)
        }
        out(`${hits.length} found`)
        return 0
      })
    case 'audit':
      if (rest[0] !== 'verify') {
        out(`Unknown audit command: ${rest[0] ?? '(none)'}. Try: audit verify`)
        return 2
      }
      return run('readOnly', async (casebook) => {
        const result = await cliConnection(casebook).invoke('audit.verify', {})
        if (!result.ok) {
          out(result.error.message)
          return 1
        }
        const v = result.value as AuditVerification
        // The anchor named, when there was one: the backup or export the trail's end was checked against.
        const end = v.anchor ? ` Its end was checked against ${v.anchor.description}, which had seen entry ${v.anchor.seq}.` : ''
        out(v.intact ? `The audit trail is intact: ${v.entries} entries checked.${end}` : `The audit trail is broken. ${v.problem?.message}`)
        const n = v.anchorsSetAside ?? 0
        const setAside = n === 1 ? 'One backup or export was' : `${n} backups or exports were`
        const unauthenticated = v.anchorsUnauthenticated ?? 0
        const why = unauthenticated > 0 ? ` (${unauthenticated} of them could not be authenticated with this computer's keys)` : ''
        if (n > 0) out(`${setAside} not checked: of another database, of the one a restore replaced, or not authenticated${why}.`)
        return v.intact ? 0 : 1
      })
    case 'directory':
      if (rest[0] !== 'import') {
        out(`Unknown directory command: ${rest[0] ?? '(none)'}. Try: directory import`)
        return 2
      }
      if (values.file && values.url) {
        out('Give --file or --url, not both')
        return 2
      }
      if (values.url && !/^https?:\/\//i.test(values.url)) {
        out(`--url needs an https or http address, not ${values.url}`)
        return 2
      }
      return run('existing', async (casebook) => {
        const result = await cliConnection(casebook).invoke('directory.import', {})
        if (!result.ok) {
          out(result.error.message)
          return 1
        }
        directoryImportReport(result.value as DirectoryImportResult).forEach((line) => out(line))
        return 0
      })
    case 'export':
      return run('existing', (casebook) =>
        exportCommand(cliConnection(casebook), { kind: values.full ? 'full' : 'incremental', pseudonymised: values.pseudonymised ?? false }, out)
      )
    case 'backup': {
      if (rest[0] === 'new-key') return logged(() => newKeyCommand(values.to ? resolvePath(values.to) : null, out))
      const folderOf = (casebook: Casebook) => backupFolderFor(casebook.core.backupSettings, casebook.core.databasePath)
      if (rest[0] === 'list') return run('readOnly', (casebook) => backupListCommand(cliConnection(casebook), folderOf(casebook), out))
      if (rest.length > 0) {
        out(`Unknown backup command: ${rest[0]}. Try: backup, backup list, backup new-key`)
        return 2
      }
      return run('existing', (casebook) => backupCommand(cliConnection(casebook), folderOf(casebook), out))
    }
    case 'restore': {
      // The database is not opened first: it may be the damaged one this restore replaces.
      if (rest.length !== 1) {
        out('restore needs the backup: npm run casebook -- restore <backup file>')
        return 2
      }
      return logged(() =>
        restoreCommand({
          file: rest[0]!,
          databasePath: path,
          source,
          settings: machineSettings().backup,
          keyFile: values['key-file'],
          actor: `cli:${desktopUserName()}`,
          log,
          out
        })
      )
    }
    default:
      out(`Unknown command: ${command}\n\n${USAGE}`)
      return 2
  }
}

// Run when invoked directly (npm run casebook), not when imported by a test or by the Electron entry
// (which runs commands itself: electron/headless.ts).
if (!process.versions.electron && process.argv[1] && /cli[\\/]index\.[cm]?[jt]s$/.test(process.argv[1])) {
  const log = openMachineLog('command')
  logStarted(log, { node: process.version })
  main(process.argv.slice(2), console.log, log).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error)
      process.exit(1)
    }
  )
}
