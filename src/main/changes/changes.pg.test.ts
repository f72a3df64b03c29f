// Other desks hear of a save without restarting (issue 13, item 4): on PostgreSQL a commit that adds
// to the change feed is announced on the casebook_changes channel, and every desk's listener wakes
// the windows waiting on changes.wait. A write that changes nothing sent (a hub setting) is not
// announced, and neither is one rolled back.
import { afterEach, beforeEach, expect, it } from 'vitest'
import pg from 'pg'
import { openCasebook, type Casebook } from '../core/casebook'
import { CHANGES_CHANNEL } from '../core/postgres'
import { TEST_HUB, TEST_SCRYPT, tempCasebook, type TempCasebook } from '../testing/tempCasebook'

let t: TempCasebook
let second: Casebook
let listening: pg.Client

beforeEach(async () => {
  t = await tempCasebook('changes')
  second = await openCasebook({ databasePath: t.databasePath, postgres: t.postgres, mode: 'existing', passwordCost: TEST_SCRYPT, hub: TEST_HUB })
  listening = new pg.Client({ ...t.postgres!, password: undefined })
  await listening.connect()
  await listening.query(`LISTEN ${CHANGES_CHANNEL}`)
})
afterEach(async () => {
  await listening.end()
  await second.close()
  await t.dispose()
})

it('wakes a window on another desk when a save adds to the change feed, and only then', async () => {
  const heard: string[] = []
  listening.on('notification', (n) => heard.push(n.payload ?? ''))
  const otherDesk = second.connect({ name: 'desk two' })
  const first = await otherDesk.invoke('changes.wait', { after: null })
  expect(first).toMatchObject({ ok: true, value: { shared: true } })
  const before = (first as { value: { latest: number } }).value.latest
  const waiting = otherDesk.invoke('changes.wait', { after: before })

  // A hub setting (audited, not sent to the authority) and a save refused as stale announce nothing;
  // an organisation added to the directory (sent) does, once, with the feed's new last number.
  const settings = await t.ok('hub.settings', {})
  await t.ok('hub.update', { ...settings, contactGapDays: 30 })
  expect(await t.connection.invoke('hub.update', { ...settings, contactGapDays: 31 })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
  await t.ok('directory.saveOrganisation', { name: 'Acorn Community Trust' })
  expect(await waiting).toEqual({ ok: true, value: { shared: true, latest: before + 1 } })
  // Notifications arrive in commit order: had the setting's save announced itself, it would be first.
  await expect.poll(() => heard.length).toBe(1)
  expect(heard).toEqual([String(before + 1)])

  // Asked again with what it has seen, the window waits for the next one.
  const next = otherDesk.invoke('changes.wait', { after: before + 1 })
  await t.ok('directory.saveOrganisation', { name: 'Birch Tree Nursery' })
  expect(await next).toEqual({ ok: true, value: { shared: true, latest: before + 2 } })
})

it('answers a window that is behind at once, and every waiting window when the desk closes', async () => {
  const desk = second.connect({ name: 'desk two' })
  await t.ok('directory.saveOrganisation', { name: 'Acorn Community Trust' })
  await expect.poll(async () => ((await desk.invoke('changes.wait', { after: 0 })) as { value: { latest: number } }).value.latest).toBeGreaterThan(0)
  const latest = ((await desk.invoke('changes.wait', { after: null })) as { value: { latest: number } }).value.latest
  const waiting = second.core.changes!.wait(latest)
  await second.core.changes!.close()
  expect(await waiting).toBe(latest)
})
