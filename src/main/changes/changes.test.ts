// On a one-desk SQLite hub there is no other desk to hear from: changes.wait says so at once, and
// the window stops asking.
import { afterEach, beforeEach, expect, it } from 'vitest'
import { tempCasebook, type TempCasebook } from '../testing/tempCasebook'

let t: TempCasebook

beforeEach(async () => {
  t = await tempCasebook('changes')
})
afterEach(async () => {
  await t.dispose()
})

it('answers at once that the database is not shared', async () => {
  expect(await t.connection.invoke('changes.wait', { after: null })).toEqual({ ok: true, value: { shared: false, latest: 0 } })
  expect(await t.connection.invoke('changes.wait', { after: 12 })).toEqual({ ok: true, value: { shared: false, latest: 0 } })
})
