// casebook_json_or_null on PostgreSQL: a stored document as jsonb, and NULL (never an error) for text
// that is not JSON, so that the export's validation rules report a damaged document rather than fail.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PostgresJsonOrNull1764000000021 } from './1764000000021-PostgresJsonOrNull'
import { tempCasebook, type TempCasebook } from '../src/main/testing/tempCasebook'

let t: TempCasebook

beforeAll(async () => {
  t = await tempCasebook('migration-21')
})
afterAll(async () => {
  await t.dispose()
})

const read = async (text: string | null) =>
  (
    (await t.casebook.core.db.query(`SELECT casebook_json_or_null(?) ->> 'reason' AS "reason", casebook_json_or_null(?) IS NULL AS "none"`, [text, text])) as {
      reason: string | null
      none: boolean
    }[]
  )[0]

describe('PostgresJsonOrNull1764000000021 on PostgreSQL', () => {
  it('reads a JSON document, and answers NULL for text that is not JSON, for nothing, and for what jsonb cannot hold', async () => {
    expect(await read('{"reason":"MOVED_AWAY"}')).toEqual({ reason: 'MOVED_AWAY', none: false })
    expect(await read('"closed"')).toEqual({ reason: null, none: false })
    for (const damaged of ['closed', '{"reason":', '', '{"reason":"\\u0000"}', null])
      expect({ damaged, ...(await read(damaged)) }).toEqual({ damaged, reason: null, none: true })
  })

  it('goes down and up again', async () => {
    const runner = t.casebook.core.db.createQueryRunner()
    try {
      await runner.startTransaction()
      const migration = new PostgresJsonOrNull1764000000021()
      await migration.down(runner)
      expect(await runner.query(`SELECT to_regprocedure('casebook_json_or_null(text)') AS "function"`)).toEqual([{ function: null }])
      await migration.up(runner)
      await runner.commitTransaction()
    } finally {
      await runner.release()
    }
    expect(await read('{"reason":"OTHER"}')).toEqual({ reason: 'OTHER', none: false })
  })
})
