// A row a unique rule refuses is a conflict the user is told about, on either engine: the database's
// answer when another desk saved the same thing at the same moment (core/twoDesks.pg.test.ts races it
// on PostgreSQL). Any other refusal by the database (a CHECK, a trigger) stays a failure: INTERNAL.
import { afterEach, beforeEach, expect, it } from 'vitest'
import { randomUUID } from 'node:crypto'
import { tempCasebook, type TempCasebook } from '../testing/tempCasebook'
import { okaforFamily } from '../testing/fixtures'
import { refuseInserts } from '../testing/refusedInserts'
import { isUniqueViolation } from './dialect'
import { savedAtTheSameMoment } from './errors'
import { unexpectedError } from './router'
import { silentLog } from '../log/log'

let t: TempCasebook
beforeEach(async () => {
  t = await tempCasebook('unique-refusal')
})
afterEach(async () => {
  await t.dispose()
})

/** The error a write fails with. */
const failure = (sql: string, params: readonly unknown[]) =>
  t.casebook.core.writes
    .run((m) => m.query(sql, [...params]))
    .then(
      () => {
        throw new Error(`Expected the database to refuse: ${sql}`)
      },
      (error: unknown) => error
    )

const now = new Date().toISOString()
const familyRow = (reference: string) =>
  [
    `INSERT INTO family (id, reference, address_line1, town, postcode, postcode_key, main_language, interpreter_needed, registered_at, restricted, updated_at, version)
   VALUES (?, ?, '1 Race Street', 'Leeds', 'LS1 1AA', 'LS11AA', 'English', false, ?, false, ?, 1)`,
    [randomUUID(), reference, now, now]
  ] as const

it('answers a unique rule’s refusal CONFLICT, and a CHECK’s or a trigger’s INTERNAL', async () => {
  const { reference } = await t.ok('families.register', okaforFamily())
  const unique = await failure(...familyRow(reference))
  expect(isUniqueViolation(unique)).toBe(true)
  expect(unexpectedError('families.register', unique, silentLog)).toEqual(savedAtTheSameMoment().toValue())

  const check = await failure(`UPDATE hub SET contact_gap_days = 1`, [])
  expect(isUniqueViolation(check)).toBe(false)
  expect(unexpectedError('hub.update', check, silentLog)).toMatchObject({ code: 'INTERNAL' })

  const refusing = await refuseInserts(t.casebook.core, { name: 'test_refuse_family', table: 'family', message: 'UNIQUE in words only' })
  const trigger = await failure(...familyRow('TH-999999'))
  await refusing.lift()
  expect(isUniqueViolation(trigger)).toBe(false)
  expect(unexpectedError('families.register', trigger, silentLog)).toMatchObject({ code: 'INTERNAL' })
})
