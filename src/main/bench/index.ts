// npm run bench [-- --families 40000 --requests 50000 --referrals 30000 --samples 200 --export-families 10000 --json results.json]
//                [--engine sqlite|postgres [--url postgres://…]] [--desks 8 [--seconds 60] [--pace] [--seeded --url …]]
// Seeds a fresh database with synthetic families, then measures through connection.invoke (the
// path every window uses): each search mode, the duplicate check, registering a family of four,
// and opening the database; and each search mode's own SQL through the engine's own driver, for the
// ratio. `--engine postgres` does the same on PostgreSQL (./engine). `--desks n`: after seeding,
// only the run of n desks at once (./desks), flat out or, with --pace, at a person's pace.
import { writeFileSync } from 'node:fs'
import { cpus } from 'node:os'
import { parseArgs } from 'node:util'
import type { Casebook } from '../core/casebook'
import { seedFamilies } from '../seed/seed'
import { FamilyGenerator } from '../seed/generator'
import { buildCandidateQuery } from '../search/searchSql'
import { todayIso } from '../../shared/dates'
import { progressBar } from '../cli/progress'
import { measureInvoke, sample, summarise, time, type Summary } from './stats'
import { writeAudit } from '../audit/audit'
import { benchEarlyHelp, seedEarlyHelp } from './earlyHelp'
import { benchSignedIn } from './signedIn'
import { benchReferrals } from './referrals'
import { benchExport, printExport } from './export'
import { benchBackup, printBackup } from './backup'
import { benchSearch, printSearch, queriesByMode, samplePeople } from './search'
import { benchDatabase, optimise, rowNumber, type BenchDatabase } from './engine'
import { benchDesks, familyOfFour, lettersFor, printDesks } from './desks'

const { values } = parseArgs({
  options: {
    families: { type: 'string', default: '40000' },
    samples: { type: 'string', default: '200' },
    requests: { type: 'string', default: '50000' },
    referrals: { type: 'string', default: '30000' },
    // The smaller hub the export is also measured on, for its memory against the hub's size.
    'export-families': { type: 'string', default: '10000' },
    json: { type: 'string' },
    keep: { type: 'boolean' },
    engine: { type: 'string', default: 'sqlite' },
    // A PostgreSQL server to use instead of starting one: its user must be allowed to create databases.
    url: { type: 'string' },
    desks: { type: 'string' },
    // With --desks: --url names a database a run kept (--keep), measured as it is, without seeding it again.
    seeded: { type: 'boolean' },
    // With --desks: each desk at a person's pace (./desks PACE) instead of flat out.
    pace: { type: 'boolean' },
    seconds: { type: 'string', default: '60' }
  }
})
const FAMILIES = Number(values.families)
const SAMPLES = Number(values.samples)

async function main() {
  if (values.pace && !values.desks) throw new Error('--pace is for --desks only')
  if (values.seeded && !values.desks) throw new Error('--seeded is for --desks only: the other measures seed what they measure')
  // A SQLite file is one desk's: several cores writing one file wait on its lock until they give up (SQLITE_BUSY).
  if (values.desks && values.engine !== 'postgres') throw new Error('--desks needs --engine postgres: desks share a database only on PostgreSQL')
  const database = await benchDatabase(values.engine, values.url, values.seeded)
  try {
    await (values.desks ? desksOnly(database, Number(values.desks)) : everything(database))
  } finally {
    await database.finish(Boolean(values.keep), console.log)
  }
}

/** A hub's families on a new database, its statistics brought up to date. */
async function seedHub(database: BenchDatabase) {
  console.log(
    `Casebook benchmark on ${database.engine} (${database.path}): ${FAMILIES} families, ${SAMPLES} samples per measure, ${cpus().length} cores, Node ${process.version}`
  )
  const casebook = await database.open('create')
  const [seedMs, seeded] = await time(() => seedFamilies(casebook, { families: FAMILIES, seed: 42, onProgress: progressBar('Seeding') }))
  console.log(`Seeded ${seeded.families} families, ${seeded.people} people in ${(seedMs / 1000).toFixed(1)} s`)
  await optimise(casebook)
  return { casebook, seeded, seedMs }
}

/** A kept run's hub, as it is: its people and its open episodes. */
async function seededHub(database: BenchDatabase) {
  const casebook = await database.open('existing')
  const [counted] = (await casebook.core.db.query('SELECT count(*) AS n FROM person')) as { n: number }[]
  console.log(`Casebook benchmark on ${database.engine} (${database.path}), as a kept run left it: ${counted!.n} people`)
  const open = (await casebook.core.db.query(`SELECT id FROM episode WHERE status = 'open' ORDER BY id`)) as { id: string }[]
  return { casebook, seeded: { people: Number(counted!.n) }, openEpisodeIds: open.map((e) => e.id) }
}

async function desksOnly(database: BenchDatabase, desks: number) {
  const { casebook, seeded, openEpisodeIds } = values.seeded
    ? await seededHub(database)
    : await seedHub(database).then(async (hub) => ({ ...hub, openEpisodeIds: (await seedEarlyHelp(hub.casebook, console.log)).openEpisodeIds }))
  const people = await samplePeople(casebook.core.db, SAMPLES)
  const familyIds = (
    (await casebook.core.db.query(`SELECT id FROM family ORDER BY ${rowNumber(casebook.core.db)} LIMIT ?`, [SAMPLES])) as { id: string }[]
  ).map((f) => f.id)
  await casebook.close()
  const figures = await benchDesks(
    () => database.open('existing'),
    { desks, seconds: Number(values.seconds), pace: Boolean(values.pace), people, familyIds, episodeIds: openEpisodeIds },
    console.log
  )
  printDesks(figures, console.log)
  if (values.json) {
    const result = {
      when: new Date().toISOString(),
      engine: database.engine,
      machine: { cores: cpus().length, node: process.version },
      people: seeded.people,
      desks: figures
    }
    writeFileSync(values.json, `${JSON.stringify(result, null, 2)}\n`)
    console.log(`\nWritten to ${values.json}`)
  }
}

async function everything(database: BenchDatabase) {
  const seeding = await seedHub(database)
  let casebook: Casebook = seeding.casebook
  const { seeded: seededCounts, seedMs } = seeding
  await casebook.close()
  const postgres = database.engine === 'postgres'

  const openSamples: number[] = []
  for (let i = 0; i < 10; i++) {
    const [ms, opened] = await time(() => database.open('existing'))
    openSamples.push(ms)
    await opened.close()
  }
  casebook = await database.open('existing')
  const connection = casebook.connect({ name: 'bench' })
  const raw = await database.raw()

  const people = await samplePeople(casebook.core.db, SAMPLES)

  const search = await benchSearch(casebook, connection, raw.all, people)

  const duplicateInputs = people.map((p) => ({
    givenName: p.givenName,
    familyName: p.familyName,
    dateOfBirth: p.dateOfBirth,
    nhsNumber: p.nhsNumber,
    postcode: p.postcode
  }))
  const duplicateCheck = await measureInvoke(connection, 'people.checkDuplicates', duplicateInputs)
  const duplicateRaw = await sample(duplicateInputs.length, (i) => {
    const d = duplicateInputs[i]!
    const q = buildCandidateQuery({ nhsNumber: d.nhsNumber, upn: null, dateOfBirth: d.dateOfBirth })!
    return raw.all(q.sql, q.params)
  })

  // Registering a family of four (two adults, two children) that nobody on record resembles.
  const generator = new FamilyGenerator(7, todayIso())
  // A surname nobody on record has: the sample's number written in letters (names hold no digits).
  const families = Array.from({ length: SAMPLES }, (_, i) => familyOfFour(generator, `Benchmark${lettersFor(i)}`))
  const registration = await measureInvoke(connection, 'families.register', families)

  // Opening a family's record: its members and consents, and the view entry in the audit trail.
  const familyIds = (await casebook.core.db.query(
    `SELECT id FROM family ORDER BY ${rowNumber(casebook.core.db)} % 7919, ${rowNumber(casebook.core.db)} LIMIT ?`,
    [SAMPLES]
  )) as { id: string }[]
  const openFamily = await measureInvoke(
    connection,
    'families.get',
    familyIds.map(({ id }) => ({ id }))
  )

  // The audit write's own cost: a transaction holding one audit row against an empty one. A
  // family of four writes five rows (the family and each person) in its one transaction.
  const writes = casebook.core.writes
  const entry = () => ({
    at: new Date().toISOString(),
    actor: 'bench',
    action: 'create' as const,
    recordType: 'person' as const,
    recordId: 'bench',
    changes: { givenName: 'Bench', dateOfBirth: '2019-07-03' }
  })
  const emptyTransaction = await sample(SAMPLES, () => writes.run(async () => undefined))
  const auditTransaction = await sample(SAMPLES, () => writes.run((m) => writeAudit(m, entry())))
  const auditInRegistration = await sample(SAMPLES, () =>
    writes.run(async (m) => {
      for (let k = 0; k < 5; k++) await writeAudit(m, entry())
    })
  )

  const earlyHelp = await benchEarlyHelp(casebook, SAMPLES, console.log)

  // One sign-in at the app's own scrypt cost (OWASP: N=2^17, r=8, p=1).
  await casebook.close()
  casebook = await database.open('existing')
  const it = casebook.connect({ name: 'bench' })
  const created = await it.invoke('users.create', { displayName: 'Bench', username: 'bench', role: 'reception', temporaryPassword: 'bench long passphrase' })
  if (!created.ok) throw new Error(created.error.message)
  const reception = casebook.connect()
  const signIns = await measureInvoke(
    reception,
    'auth.signIn',
    Array.from({ length: 10 }, () => ({ username: 'bench', password: 'bench long passphrase' }))
  )
  const changed = await reception.invoke('auth.changePassword', {
    currentPassword: 'bench long passphrase',
    newPassword: 'bench chosen passphrase',
    confirmPassword: 'bench chosen passphrase'
  })
  if (!changed.ok) throw new Error(changed.error.message)
  const signedIn = await benchSignedIn(casebook, it, reception, queriesByMode(people), duplicateInputs, SAMPLES)
  const referrals = await benchReferrals(casebook, it, { requests: Number(values.requests), referrals: Number(values.referrals) }, SAMPLES, console.log)
  // The export bench reads the SQLite file directly (its bare reader, the runner it times, the
  // smaller hub it makes beside it); on PostgreSQL the export is not measured yet.
  const exported = postgres
    ? null
    : await benchExport(
        casebook,
        database.path,
        { smallFamilies: Number(values['export-families']), largeFamilies: FAMILIES, requests: Number(values.requests), referrals: Number(values.referrals) },
        console.log
      )
  await raw.close()
  // Last, because it ends with a restore over the bench's database (nothing else may hold it open then).
  // Backups are SQLite's: on PostgreSQL, IT backs up the server.
  const backup = postgres ? null : await benchBackup(casebook, console.log)

  const result = {
    when: new Date().toISOString(),
    engine: database.engine,
    machine: { cores: cpus().length, node: process.version },
    database: { families: seededCounts.families, people: seededCounts.people, seedSeconds: Math.round(seedMs / 100) / 10 },
    open: summarise(openSamples),
    search,
    duplicateCheck: { invoke: duplicateCheck, rawSql: duplicateRaw },
    registerFamilyOfFour: registration,
    openFamilyWithViewAudit: openFamily,
    audit: { emptyTransaction, transactionWithOneEntry: auditTransaction, fiveEntriesAsInRegistration: auditInRegistration },
    signInOwaspScrypt: signIns,
    signedIn,
    earlyHelp,
    referrals,
    export: exported,
    backup,
    targets: { searchP95Ms: 10, duplicateP95Ms: 30, registerP95Ms: 30, openMs: 500, ratioToRawSql: 2, earlyHelpP95Ms: 50, referralsP95Ms: 30 }
  }

  console.log(`\nOpen the database            p50 ${result.open.p50} ms  p95 ${result.open.p95} ms`)
  printSearch(search, console.log)
  console.log(`Duplicate check                  ${duplicateCheck.p50} / ${duplicateCheck.p95}    raw ${duplicateRaw.p50} / ${duplicateRaw.p95}`)
  console.log(`Register a family of four        ${registration.p50} / ${registration.p95}`)
  console.log(`Open a family (with view audit)  ${openFamily.p50} / ${openFamily.p95}`)
  console.log(`Sign in (scrypt N=2^17, r=8)     ${signIns.p50} / ${signIns.p95}`)
  console.log(`Open an episode                  ${earlyHelp.openEpisode.p50} / ${earlyHelp.openEpisode.p95}`)
  console.log(`Chronology of ${earlyHelp.chronologyEntries} entries         ${earlyHelp.chronology300.p50} / ${earlyHelp.chronology300.p95}`)
  console.log(`My caseload (~50 open)           ${earlyHelp.myCaseload.p50} / ${earlyHelp.myCaseload.p95}`)
  console.log(`All open episodes, a page of 50  ${earlyHelp.allOpenEpisodes.p50} / ${earlyHelp.allOpenEpisodes.p95}`)
  console.log(`… only the overdue, first page   ${earlyHelp.overdueEpisodes.p50} / ${earlyHelp.overdueEpisodes.p95}`)
  console.log(`Save a family plan (3 outcomes)  ${earlyHelp.savePlan.p50} / ${earlyHelp.savePlan.p95}`)
  console.log(`Record a review                  ${earlyHelp.addReview.p50} / ${earlyHelp.addReview.p95}`)
  console.log(`A call that does nothing, trusted ${signedIn.emptyCallTrusted.p50} / ${signedIn.emptyCallTrusted.p95}`)
  console.log(`… from a signed-in window        ${signedIn.emptyCallSignedIn.p50} / ${signedIn.emptyCallSignedIn.p95}`)
  console.log(`As reception, ${signedIn.restrictedFamilies} families restricted:`)
  for (const [mode, s] of Object.entries(signedIn.searchAsReception)) console.log(`  ${mode.padEnd(30)} ${s.p50} / ${s.p95}`)
  console.log(`  ${'duplicate check'.padEnd(30)} ${signedIn.duplicateCheckAsReception.p50} / ${signedIn.duplicateCheckAsReception.p95}`)
  console.log(`As a practitioner, ${referrals.requests} requests and ${referrals.referrals} referrals on:`)
  const mmp = (s: Summary) => `${s.min} / ${s.p50} / ${s.p95}`
  console.log(`  Referrals screen, first page    ${mmp(referrals.firstPage)}   (min / p50 / p95)`)
  console.log(`  … status, organisation, dates   ${mmp(referrals.filteredPage)}`)
  console.log(`  … overdue                       ${mmp(referrals.overduePage)}`)
  console.log(`  A family's referrals            ${mmp(referrals.familyReferrals)}`)
  console.log(`  Screen a request (decline)      ${mmp(referrals.screenRequest)}`)
  console.log(`Empty write transaction          ${emptyTransaction.p50} / ${emptyTransaction.p95}`)
  console.log(`… with one audit entry           ${auditTransaction.p50} / ${auditTransaction.p95}`)
  console.log(`… with five (a family of four)   ${auditInRegistration.p50} / ${auditInRegistration.p95}`)
  if (exported) printExport(exported, console.log)
  else console.log('Export: not measured on PostgreSQL (the export bench reads and writes SQLite files of its own).')
  if (backup) printBackup(backup, console.log)
  else console.log('Backups: not measured on PostgreSQL (backups and restore are SQLite-only; IT backs up the server).')
  if (values.json) {
    writeFileSync(values.json, `${JSON.stringify(result, null, 2)}\n`)
    console.log(`\nWritten to ${values.json}`)
  }
  await casebook.close()
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
