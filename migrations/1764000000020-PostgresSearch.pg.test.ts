// PostgreSQL's search index (src/main/search/postgresSearch.ts): built by this migration from the
// people already on record, it holds what the app's own writes would have put there, so a database
// filled before it runs (a hub's copy) is searched as if every person had been registered on it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PostgresSearch1764000000020 } from './1764000000020-PostgresSearch'
import { tempCasebook, type TempCasebook } from '../src/main/testing/tempCasebook'
import { okaforFamily } from '../src/main/testing/fixtures'
import { seedFamilies } from '../src/main/seed/seed'

let t: TempCasebook

beforeAll(async () => {
  t = await tempCasebook('migration-20')
  await t.ok('families.register', okaforFamily())
  await seedFamilies(t.casebook, { families: 30 })
})
afterAll(async () => {
  await t.dispose()
})

const index = async () => ({
  entries: await t.casebook.core.db.query(`SELECT * FROM person_search ORDER BY person_id`),
  tokens: await t.casebook.core.db.query(`SELECT * FROM person_search_token ORDER BY person_id, field, token`)
})

describe('PostgresSearch1764000000020 on PostgreSQL', () => {
  it('gives every person on record an entry and a token for each of its words', async () => {
    const { entries, tokens } = await index()
    const [{ people }] = await t.casebook.core.db.query(`SELECT count(*) AS people FROM person`)
    expect(entries).toHaveLength(people)
    type Entry = { person_id: string; sort_key: string; names: string; sounds: string; household: string }
    const words = (entries as Entry[]).flatMap((e) =>
      (['names', 'sounds', 'household'] as const).flatMap((field) =>
        e[field] ? e[field].split(' ').map((token) => ({ person_id: e.person_id, field, token, sort_key: e.sort_key })) : []
      )
    )
    const byKey = (r: { person_id: string; field: string; token: string }) => `${r.person_id} ${r.field} ${r.token}`
    expect([...tokens].sort((a, b) => byKey(a).localeCompare(byKey(b)))).toEqual(words.sort((a, b) => byKey(a).localeCompare(byKey(b))))
  })

  it('rebuilt from the people on record, holds exactly what the app wrote as they were registered, and goes down and up again', async () => {
    const written = await index()
    const runner = t.casebook.core.db.createQueryRunner()
    try {
      await runner.startTransaction()
      const migration = new PostgresSearch1764000000020()
      await migration.down(runner)
      expect(await runner.query(`SELECT to_regclass('person_search') AS "table"`)).toEqual([{ table: null }])
      await migration.up(runner)
      await runner.commitTransaction()
    } finally {
      await runner.release()
    }
    expect(await index()).toEqual(written)
    expect((await t.ok('people.search', { text: 'okafor' })).hits).toHaveLength(5)
  })
})
