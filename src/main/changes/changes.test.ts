// changes.wait on each engine, as documented in ./handlers: on a one-desk SQLite hub there is no
// other desk to hear from, so it says so at once and the window stops asking; on a shared PostgreSQL
// database the core has a listener (./listener), and a window that has not seen the latest change is
// answered at once with its number. (Waking a waiting window is in changes.pg.test.ts.)
import { afterEach, beforeEach, expect, it } from 'vitest'
import { tempCasebook, type TempCasebook } from '../testing/tempCasebook'
import { ChangeListener } from './listener'

let t: TempCasebook

beforeEach(async () => {
  t = await tempCasebook('changes')
})
afterEach(async () => {
  await t.dispose()
})

const wait = (after: number | null) => t.connection.invoke('changes.wait', { after })

it('answers at once: on SQLite that the database is not shared, on PostgreSQL with the latest change heard of', async () => {
  if (!t.postgres) {
    expect(t.casebook.core.changes).toBeNull()
    expect(await wait(null)).toEqual({ ok: true, value: { shared: false, latest: 0 } })
    expect(await wait(12)).toEqual({ ok: true, value: { shared: false, latest: 0 } })
    return
  }
  expect(t.casebook.core.changes).toBeInstanceOf(ChangeListener)
  expect(await wait(null)).toEqual({ ok: true, value: { shared: true, latest: 0 } })
  // An organisation added to the directory is sent to the authority: the change feed's first entry.
  await t.ok('directory.saveOrganisation', { name: 'Acorn Community Trust' })
  await expect.poll(async () => ((await wait(null)) as { value: { latest: number } }).value.latest).toBe(1)
  expect(await wait(0)).toEqual({ ok: true, value: { shared: true, latest: 1 } })
})
