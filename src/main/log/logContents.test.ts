// What the log holds after a working day: the app's core and its commands, on a real database, with
// families registered, saves refused and failing, an export and the command line. The events IT needs
// are there; no name, address, postcode, phone, email, NHS number, UPN or date of birth of anyone on
// record is, searched for in the log files' bytes.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openCasebook, type Casebook } from '../core/casebook'
import { TEST_HUB, TEST_SCRYPT, unwrap } from '../testing/tempCasebook'
import { cliDatabase, type CliDatabase } from '../testing/cliDatabase'
import { refuseInserts } from '../testing/refusedInserts'
import { okaforFamily, today } from '../testing/fixtures'
import { FamilyGenerator } from '../seed/generator'
import { seedFamilies } from '../seed/seed'
import { main as cli } from '../cli/index'
import { openFileLog, type FileLog } from './fileLog'
import { exportAs } from '../export/exportTestWorld'
import { migrations } from '../../../migrations'
import { testPostgresAdminUrl } from '../testing/postgresDatabase'

let dir: string
let logs: string
let exportFolder: string
let databasePath: string
let appLog: FileLog
let casebook: Casebook
let text: string
/** In the PostgreSQL project: the hub's database as IT sets one up, named in the machine-wide config. */
let shared: CliDatabase | null = null

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'log-contents-'))
  logs = join(dir, 'logs')
  exportFolder = join(dir, 'exports')
  mkdirSync(exportFolder)
  databasePath = join(dir, 'hub.sqlite')
  // The command line reads the machine-wide config: an empty one here, not the machine's.
  vi.stubEnv('CASEBOOK_CONFIG', join(dir, 'casebook.json'))
  appLog = openFileLog({ folders: [logs], process: 'app' })
  // On SQLite the app makes its file at first start; a shared database is IT's to make (migrate --postgres).
  shared = testPostgresAdminUrl() ? await cliDatabase(dir) : null
  const app = { passwordCost: TEST_SCRYPT, hub: TEST_HUB, exportFolder, log: appLog }
  casebook = shared ? await shared.open('existing', app) : await openCasebook({ ...app, databasePath, mode: 'create' })
  await work()
  text = readdirSync(logs)
    .map((file) => readFileSync(join(logs, file), 'utf8'))
    .join('')
}, 120_000)

afterAll(async () => {
  await casebook.close()
  await shared?.dispose()
  vi.unstubAllEnvs()
  rmSync(dir, { recursive: true, force: true })
})

/** A day at the hub, and IT's commands after it. */
async function work(): Promise<void> {
  await seedFamilies(casebook, { families: 40, seed: 11 })
  const desk = casebook.connect({ name: 'reception' })
  // Registrations through the router: saved, refused as possible duplicates, refused by validation.
  const generator = new FamilyGenerator(23, today)
  for (let i = 0; i < 15; i++) await desk.invoke('families.register', generator.family())
  const okafor = unwrap<{ id: string }>(await desk.invoke('families.register', okaforFamily()))
  expect(await desk.invoke('families.register', okaforFamily())).toMatchObject({ ok: false, error: { code: 'DUPLICATE_UNCONFIRMED' } })
  const badNhs = okaforFamily()
  badNhs.members[0]!.member = { ...badNhs.members[0]!.member, nhsNumber: '943 476 5918' } as never
  expect(await desk.invoke('families.register', badNhs)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
  // A save that fails in the database, with the record's postcode in the error's message. On
  // PostgreSQL the trigger is made as the server's superuser: the desks' role may not make one.
  const holder = shared?.superuser ? await openCasebook({ databasePath, postgres: shared.superuser }) : casebook
  const refusal = await refuseInserts(holder.core, {
    name: 'refuse_family',
    table: 'family',
    message: { sql: `'refused ' || NEW.postcode || ' ' || NEW.email` }
  })
  const refused = await desk.invoke('families.register', {
    family: { ...okaforFamily().family, postcode: 'M1 1AE', email: 'grace@example.com' },
    members: [
      {
        member: {
          kind: 'adult',
          givenName: 'Zebedee',
          familyName: 'Quartermaine',
          dateOfBirth: '1987-02-13',
          sex: 'M',
          ethnicity: 'WBRI',
          relationship: 'PARENT_CARER'
        }
      }
    ]
  })
  expect(refused).toMatchObject({ ok: false, error: { code: 'INTERNAL' } })
  await refusal.lift()
  if (holder !== casebook) await holder.close()
  // Refusals: no permission, and a window that is not signed in asking for a family by its id.
  expect(await casebook.connect({ name: 'limited', permissions: new Set(['people.search']) }).invoke('families.get', { id: okafor.id })).toMatchObject({
    ok: false,
    error: { code: 'FORBIDDEN' }
  })
  expect(await casebook.connect().invoke('families.get', { id: okafor.id })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } })
  // An export, and one refused because the folder has gone.
  const manager = casebook.connect({ name: 'manager' })
  const run = await exportAs(manager, { kind: 'full' })
  expect(run.status).toBe('succeeded')
  casebook.core.exportFolder = join(dir, 'unplugged share')
  expect(await manager.invoke('export.start', { kind: 'full', pseudonymised: false })).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } })
  casebook.core.exportFolder = exportFolder
  await casebook.close()

  // IT's commands, writing to the same folder as the app.
  const commandLog = openFileLog({ folders: [logs], process: 'command' })
  const out: string[] = []
  const say = (line: string) => out.push(line)
  // The file named with --db; the shared database by the machine-wide config, as on a desk.
  const where = shared ? shared.args : ['--db', databasePath]
  expect(await cli(['search', 'Grace', "O'Neill-Okafor", ...where], say, commandLog)).toBe(0)
  expect(await cli(['search', '943 476 5919', ...where], say, commandLog)).toBe(0)
  expect(await cli(['audit', 'verify', ...where], say, commandLog)).toBe(0)
  expect(await cli(['export', ...where, '--out', exportFolder], say, commandLog)).toBe(0)
  if (shared) {
    // IT mistypes the database's name in the config.
    shared.configure()
    const config = JSON.parse(readFileSync(join(dir, 'casebook.json'), 'utf8'))
    writeFileSync(join(dir, 'casebook.json'), JSON.stringify({ postgres: { ...config.postgres, database: 'mistyped' } }))
    await expect(cli(['search', 'Okafor'], say, commandLog)).rejects.toThrow(/There is no database mistyped/)
    shared.configure()
  } else await expect(cli(['search', 'Okafor', '--db', join(dir, 'mistyped.sqlite')], say, commandLog)).rejects.toThrow(/no Casebook database/)
  casebook = shared
    ? await shared.open('existing', { passwordCost: TEST_SCRYPT, log: appLog })
    : await openCasebook({ databasePath, passwordCost: TEST_SCRYPT, log: appLog })
}

/** Everything that identifies someone on record, as stored and as people write it. */
async function recordValues(): Promise<string[]> {
  const values = new Set<string>()
  const add = (value: unknown) => {
    if (typeof value !== 'string' || value.trim().length < 2) return
    values.add(value)
  }
  const people = (await casebook.core.db.query(
    'SELECT given_name, family_name, date_of_birth, expected_date, nhs_number, upn, school, gp_practice FROM person'
  )) as Record<string, string | null>[]
  for (const p of people) {
    for (const value of Object.values(p)) add(value)
    for (const day of [p.date_of_birth, p.expected_date]) {
      if (!day) continue
      const [y, m, d] = day.split('-')
      add(`${d}/${m}/${y}`)
      add(`${Number(d)}/${Number(m)}/${y}`)
    }
    if (p.nhs_number) add(p.nhs_number.replace(/\D/g, ''))
  }
  const families = (await casebook.core.db.query('SELECT address_line1, address_line2, town, postcode, phone, email FROM family')) as Record<
    string,
    string | null
  >[]
  for (const f of families) {
    for (const value of Object.values(f)) add(value)
    if (f.postcode) add(f.postcode.replace(/\s/g, ''))
    if (f.phone) add(f.phone.replace(/\D/g, ''))
  }
  // The saves that never reached the database.
  for (const value of ['M1 1AE', 'M11AE', 'grace@example.com', '943 476 5918', '9434765918', 'Zebedee', 'Quartermaine', '1987-02-13', '13/02/1987']) add(value)
  return [...values]
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

describe('the log after a working day', () => {
  it('holds no name, address, postcode, phone, email, NHS number, UPN or date of birth', async () => {
    const values = await recordValues()
    expect(values.length).toBeGreaterThan(400)
    // Whole words only: a name of two letters can appear inside a word of the log (an event's name).
    const found = values.filter((value) => new RegExp(`(^|[^\\p{L}\\p{N}])${escape(value)}($|[^\\p{L}\\p{N}])`, 'u').test(text))
    expect(found).toEqual([])
  })

  it('holds what IT needs: start, database opened, saves failed and refused by channel and code, the export, the commands', () => {
    const lines = text.split('\n')
    const has = (pattern: RegExp) =>
      expect(
        lines.some((line) => pattern.test(line)),
        String(pattern)
      ).toBe(true)
    if (shared) {
      // A desk opens the database IT made and migrated; the failure is named by its SQLSTATE alone,
      // never the server's message (which here carries the postcode, as a unique rule's would the value).
      has(/^\S+Z INFO {2}app:\d+ database\.opened path=postgres:\/\/\S+ mode=existing$/)
      has(/ ERROR app:\d+ call\.failed channel=families\.register code=INTERNAL error=P0001 type=QueryFailedError$/)
      has(/ ERROR command:\d+ database\.open-failed path=postgres:\/\/\S+\/mistyped mode=readOnly error=UNAVAILABLE type=AppError$/)
    } else {
      has(/^\S+Z INFO {2}app:\d+ database\.opened path=\S+hub\.sqlite mode=create state=missing$/)
      has(new RegExp(` INFO {2}app:\\d+ database\\.migrated migrations=\\d+ last=${migrations.at(-1)!.name} backup=null$`))
      has(/ ERROR app:\d+ call\.failed channel=families\.register code=INTERNAL error=SQLITE_CONSTRAINT type=QueryFailedError$/)
      has(/ ERROR command:\d+ database\.open-failed path=\S+mistyped\.sqlite mode=readOnly error=UNAVAILABLE type=AppError$/)
    }
    has(/ WARN {2}app:\d+ call\.refused channel=families\.get code=FORBIDDEN$/)
    has(/ WARN {2}app:\d+ call\.refused channel=families\.get code=UNAUTHENTICATED$/)
    has(/ INFO {2}app:\d+ export\.started run=[0-9a-f-]{36} kind=full pseudonymised=false packageSequence=1 via=\S+$/)
    has(/ INFO {2}app:\d+ export\.finished run=[0-9a-f-]{36} package=TH-\d{8}T\d{6}Z-000001 records=\d+ files=\d+ ms=\d+$/)
    has(/ ERROR app:\d+ call\.failed channel=export\.start code=UNAVAILABLE error=UNAVAILABLE type=AppError$/)
    has(/ INFO {2}command:\d+ command\.started command=search$/)
    has(/ INFO {2}command:\d+ database\.opened path=\S+ mode=readOnly$/)
    has(/ INFO {2}command:\d+ command\.finished command=audit subcommand=verify exit=0 ms=\d+$/)
    has(/ INFO {2}command:\d+ export\.finished .*package=TH-\d{8}T\d{6}Z-000002 /)
    has(/ ERROR command:\d+ command\.failed command=search error=UNAVAILABLE type=AppError ms=\d+$/)
    // Validation, conflicts and possible duplicates are answers to the person at the desk, not failures.
    expect(lines.filter((line) => / (VALIDATION|DUPLICATE_UNCONFIRMED)/.test(line))).toEqual([])
  })
})
