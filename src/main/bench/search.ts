// People search, measured: each search mode through connection.invoke (the path every window
// uses) and its own statements through the engine's own driver (raw sqlite3 or pg), for the ratio. Part of the whole benchmark
// (index.ts); also runnable alone on a database that is there, which it only reads:
//
//   tsx src/main/bench/search.ts --db <a copy of a benchmark database> [--samples 200]
//   tsx src/main/bench/search.ts --url postgres://user@host:port/database [--samples 200]
//
// (opening a SQLite file brings it up to date first, as the app would: use a copy.)
import { parseArgs } from 'node:util'
import sqlite3 from 'sqlite3'
import { openCasebook, type Casebook, type Connection } from '../core/casebook'
import { parseQuery } from '../search/parseQuery'
import { searchIndexOf } from '../search/searchIndex'
import { shortFormsOf } from '../search/nicknames'
import { foldName } from '../search/names'
import { formatDate } from '../../shared/dates'
import { formatNhsNumber } from '../../shared/identifiers/nhsNumber'
import { summarise, time, type Summary } from './stats'
import { postgresConnectionOf, postgresOn, rowNumber, type RawAll } from './engine'

export interface PersonSample {
  givenName: string
  familyName: string
  dateOfBirth: string
  nhsNumber: string | null
  postcode: string
  reference: string
}

export interface SearchFigures {
  invoke: Summary
  rawSql: Summary
  ratioP50: number
  ratioP95: number
  meanHits: number
}

/** People on record to make searches from: spread over the file, never an unborn baby. */
export async function samplePeople(db: Casebook['core']['db'], samples: number): Promise<PersonSample[]> {
  const row = rowNumber(db, 'p')
  return (await db.query(
    `SELECT p.given_name AS "givenName", p.family_name AS "familyName", p.date_of_birth AS "dateOfBirth", p.nhs_number AS "nhsNumber", f.postcode, f.reference
     FROM person p JOIN family f ON f.id = p.family_id WHERE p.kind != 'unborn' ORDER BY ${row} % 9973, ${row} LIMIT ?`,
    [samples]
  )) as PersonSample[]
}

/** Search texts per mode, made from people on record, the way reception would type them. */
export function queriesByMode(people: PersonSample[]): Record<string, string[]> {
  const soundAlike: Record<string, string> = {
    smith: 'smyth',
    smyth: 'smith',
    mohammed: 'muhammad',
    muhammad: 'mohammed',
    catherine: 'kathryn',
    kathryn: 'catherine',
    aisha: 'ayesha',
    ayesha: 'aisha',
    jon: 'john',
    clarke: 'clark',
    clark: 'clarke',
    stephen: 'steven',
    steven: 'stephen'
  }
  const withNhs = people.filter((p) => p.nhsNumber)
  const dmy = (p: PersonSample, digits: 2 | 4) => {
    const [y, m, d] = p.dateOfBirth.split('-')
    return `${Number(d)}/${Number(m)}/${digits === 4 ? y : y!.slice(2)}`
  }
  const outward = (p: PersonSample) => p.postcode.split(' ')[0]!
  // A short form of the first name where the list has one (Kate Smith for Katherine Smith), else the name as it is.
  const shortForm = (p: PersonSample) => shortFormsOf(foldName(p.givenName))[0] ?? p.givenName
  return {
    'name prefix (2 letters)': people.map((p) => p.familyName.replace(/[^A-Za-z]/g, '').slice(0, 2)),
    'name prefix (3 letters)': people.map((p) => p.familyName.replace(/[^A-Za-z]/g, '').slice(0, 3)),
    'first and last name': people.map((p) => `${p.givenName} ${p.familyName}`),
    'sound-alike name': people.map((p) => {
      const f = p.familyName.toLowerCase()
      const g = p.givenName.toLowerCase()
      return soundAlike[f]
        ? `${p.givenName} ${soundAlike[f]}`
        : soundAlike[g]
          ? `${soundAlike[g]} ${p.familyName}`
          : `${p.givenName.replace(/h/g, '')} ${p.familyName}`
    }),
    'short form and surname': people.map((p) => `${shortForm(p)} ${p.familyName}`),
    'date of birth (3/7/2019)': people.map((p) => dmy(p, 4)),
    'date of birth (3/7/19)': people.map((p) => dmy(p, 2)),
    'date of birth (3 July 2019)': people.map((p) => formatDate(p.dateOfBirth)),
    'name and date of birth': people.map((p) => `${p.familyName} ${formatDate(p.dateOfBirth)}`),
    'first name and date (zoe 3/7/19)': people.map((p) => `${p.givenName} ${dmy(p, 2)}`),
    'postcode (with space)': people.map((p) => p.postcode),
    'postcode (no space)': people.map((p) => p.postcode.replace(' ', '')),
    'postcode district (B33)': people.map(outward),
    'name and district (smith B33)': people.map((p) => `${p.familyName} ${outward(p)}`),
    'NHS number (spaced)': withNhs.map((p) => formatNhsNumber(p.nhsNumber as string)),
    'family reference': people.map((p) => p.reference)
  }
}

/** Every mode through `connection` (a trusted one) and raw through `raw`, the same database outside the core. */
export async function benchSearch(casebook: Casebook, connection: Connection, raw: RawAll, people: PersonSample[]): Promise<Record<string, SearchFigures>> {
  const index = searchIndexOf(casebook.core.db)
  const search: Record<string, SearchFigures> = {}
  for (const [mode, texts] of Object.entries(queriesByMode(people))) {
    // One warm-up pass so that both paths read from a warm page cache.
    for (const text of texts.slice(0, 10)) await connection.invoke('people.search', { text })
    const invokeSamples: number[] = []
    const rawSamples: number[] = []
    let hits = 0
    for (const text of texts) {
      const [ms, result] = await time(() => connection.invoke('people.search', { text, limit: 25 }))
      if (!result.ok) throw new Error(`search failed for ${text}`)
      hits += (result.value as { hits: unknown[] }).hits.length
      invokeSamples.push(ms)
      // The same statements in the same order, stopping when the page is full, as findPeople does.
      const phases = index.peopleQueries(parseQuery(text), null)
      if (phases.length === 0) throw new Error(`no query for ${text}`)
      const [rawMs] = await time(async () => {
        let found = 0
        for (const phase of phases) {
          if (found >= 25) break
          const q = phase(25 - found)
          found += (await raw(q.sql, q.params)).length
        }
      })
      rawSamples.push(rawMs)
    }
    const invoke = summarise(invokeSamples)
    const rawSql = summarise(rawSamples)
    search[mode] = {
      invoke,
      rawSql,
      ratioP50: Math.round((invoke.p50 / Math.max(rawSql.p50, 0.01)) * 100) / 100,
      ratioP95: Math.round((invoke.p95 / Math.max(rawSql.p95, 0.01)) * 100) / 100,
      meanHits: Math.round((hits / texts.length) * 10) / 10
    }
  }
  return search
}

export function printSearch(search: Record<string, SearchFigures>, log: (line: string) => void): void {
  log('Search mode                      invoke p50/p95 (ms)   raw SQL p50/p95 (ms)   ratio p50/p95   hits')
  for (const [mode, s] of Object.entries(search)) {
    log(
      `${mode.padEnd(32)} ${`${s.invoke.p50} / ${s.invoke.p95}`.padEnd(21)} ${`${s.rawSql.p50} / ${s.rawSql.p95}`.padEnd(22)} ${`${s.ratioP50} / ${s.ratioP95}`.padEnd(15)} ${s.meanHits}`
    )
  }
}

async function alone() {
  const { values } = parseArgs({ options: { db: { type: 'string' }, url: { type: 'string' }, samples: { type: 'string', default: '200' } } })
  if (!values.db && !values.url) throw new Error('Name the database: --db <path> (a copy: opening it brings it up to date), or --url postgres://…')
  const database = values.url
    ? postgresOn(postgresConnectionOf(values.url))
    : {
        open: () => openCasebook({ databasePath: values.db!, mode: 'existing' }),
        async raw() {
          const raw = new sqlite3.Database(values.db!, sqlite3.OPEN_READONLY)
          const all: RawAll = (sql, params) => new Promise((ok, fail) => raw.all(sql, params, (err, rows) => (err ? fail(err) : ok(rows))))
          return { all, close: () => new Promise<void>((ok) => raw.close(() => ok())) }
        }
      }
  const [openMs, casebook] = await time(() => database.open('existing'))
  console.log(`Opened (and brought up to date) in ${(openMs / 1000).toFixed(1)} s`)
  try {
    const connection = casebook.connect({ name: 'bench' })
    const raw = await database.raw()
    const people = await samplePeople(casebook.core.db, Number(values.samples))
    printSearch(await benchSearch(casebook, connection, raw.all, people), console.log)
    await raw.close()
  } finally {
    await casebook.close()
  }
}

if (process.argv[1] && /bench[\\/]search\.[cm]?[jt]s$/.test(process.argv[1])) {
  alone().catch((error: unknown) => {
    console.error(error)
    process.exit(1)
  })
}
