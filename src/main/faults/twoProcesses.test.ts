// Two desks on one machine: two processes, each with its own core on the same database file, make
// hundreds of updates to the same family and people at the same time, each saving with the version
// it read. SQLite lets one write at a time (BEGIN IMMEDIATE waits for the other's), and the UPDATE
// says WHERE version = ?, so every save either lands on the version it read or is refused as a
// conflict. Afterwards: each record holds the value of its last acknowledged update; its versions
// went up by one for each acknowledged update, none acknowledged twice (no lost write); every
// refusal was a CONFLICT (a busy database is waited for, never reported); each update is audited
// once and the audit trail's chain, written by both processes in turn, verifies.
import { join } from 'node:path'
import { afterEach, beforeEach, expect, it } from 'vitest'
import { verifyAuditChain } from '../audit/verify'
import { startChild } from '../testing/childProcess'
import { checkFile, SOUND } from '../testing/integrity'
import { okaforFamily } from '../testing/fixtures'
import { tempCasebook, type TempCasebook } from '../testing/tempCasebook'

const UPDATER = join(__dirname, 'children/updater.ts')
/** Updates per process. */
const UPDATES = 300

let t: TempCasebook
beforeEach(async () => {
  t = await tempCasebook('two-processes')
})
afterEach(async () => {
  await t.dispose()
})

interface Ack {
  desk: string
  kind: string
  id: string
  version: number
  value: string
}

it('two processes updating the same records: the last acknowledged update of each is kept, and every refusal is a conflict', async () => {
  const started = performance.now()
  const { id: familyId } = await t.ok('families.register', okaforFamily())
  const view = await t.ok('families.get', { id: familyId })
  const adults: string[] = view.members.filter((m: { kind: string }) => m.kind === 'adult').map((m: { id: string }) => m.id)
  const initial = new Map<string, number>([
    [familyId, view.family.version],
    ...view.members.map((m: { id: string; version: number }) => [m.id, m.version] as const)
  ])
  await t.casebook.close()

  const desks = ['desk-a', 'desk-b'].map((desk) => ({ desk, child: startChild(UPDATER, [t.databasePath, desk, String(UPDATES), familyId, adults.join(',')]) }))
  try {
    // Both open before either starts, so that they really do run side by side.
    for (const { child } of desks) await child.waitFor(/^ready$/)
    for (const { child } of desks) child.send('go')
    for (const { child } of desks) await child.waitFor(/^done$/)
  } finally {
    for (const { child } of desks) await child.kill()
  }

  const acks: Ack[] = []
  const conflicts: string[] = []
  const others: string[] = []
  for (const { desk, child } of desks) {
    for (const line of child.lines) {
      const [word, kind, id, version, value] = line.split(' ')
      if (word === 'ack') acks.push({ desk, kind: kind!, id: id!, version: Number(version), value: value! })
      else if (word === 'conflict') conflicts.push(line)
      else if (!['ready', 'done'].includes(line)) others.push(`${desk}: ${line}`)
    }
  }
  // Nothing but saves and conflicts: no busy database, no error, no lost answer.
  expect(others).toEqual([])
  expect(acks.length + conflicts.length).toBe(2 * UPDATES)
  // Both desks saved, and they did get in each other's way.
  for (const { desk } of desks) expect(acks.filter((a) => a.desk === desk).length, desk).toBeGreaterThan(0)
  expect(conflicts.length).toBeGreaterThan(0)

  await t.reopen()
  const db = t.casebook.core.db
  const records = [
    { kind: 'family', id: familyId, read: async () => (await db.query(`SELECT version, address_line2 AS value FROM family WHERE id = ?`, [familyId]))[0] },
    ...adults.map((id) => ({
      kind: 'person',
      id,
      read: async () => (await db.query(`SELECT version, gp_practice AS value FROM person WHERE id = ?`, [id]))[0]
    }))
  ]
  for (const record of records) {
    const mine = acks.filter((a) => a.id === record.id).sort((a, b) => a.version - b.version)
    const first = initial.get(record.id)!
    // One acknowledged update per version, in an unbroken run: no two saves both landed on one version.
    expect(mine.map((a) => a.version)).toEqual(Array.from({ length: mine.length }, (_, i) => first + 1 + i))
    // What is there is the last acknowledged update.
    const last = mine.at(-1)
    expect(await record.read()).toEqual(last ? { version: last.version, value: last.value } : { version: first, value: expect.anything() })
    const [{ n }] = await db.query(`SELECT count(*) AS n FROM audit_entry WHERE record_id = ? AND action = 'update'`, [record.id])
    expect({ record: record.kind, audited: n }).toEqual({ record: record.kind, audited: mine.length })
  }
  expect(await verifyAuditChain(db)).toMatchObject({ intact: true })
  expect(await checkFile(t.databasePath)).toEqual(SOUND)
  console.log(
    `two processes: ${acks.length} updates saved, ${conflicts.length} refused as conflicts, of ${2 * UPDATES}, in ${((performance.now() - started) / 1000).toFixed(1)} s`
  )
}, 180_000)
