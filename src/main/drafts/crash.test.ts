// Never lose typed work, even when the core dies: a process saving a draft is killed with SIGKILL
// (no shutdown, no flush), and the draft it had saved is there when the database is opened again.
import { join } from 'node:path'
import { afterEach, beforeEach, expect, it } from 'vitest'
import { startChild } from '../testing/childProcess'
import { tempCasebook, type TempCasebook } from '../testing/tempCasebook'
import { okaforFamily } from '../testing/fixtures'

let t: TempCasebook
let key: string
beforeEach(async () => {
  t = await tempCasebook('crash')
  // A draft belongs to a record that exists: a case note about this family.
  key = `case-note:${(await t.ok('families.register', okaforFamily())).id}`
  await t.casebook.close()
})
afterEach(async () => {
  await t.dispose()
})

it('keeps every draft that was acknowledged when the core is killed mid-draft', async () => {
  const child = startChild(join(__dirname, '../testing/draftWriter.ts'), [t.databasePath, key, ...(t.postgres ? [JSON.stringify(t.postgres)] : [])])
  // Killed while it is still saving, many saves in (waiting rejects if the writer stops by itself first).
  await child.waitFor(/^saved 25$/)
  await child.kill()
  // Every save it said it had made before it died: kill() has read all it wrote.
  const acknowledged = Math.max(...child.lines.map((line) => Number(/^saved (\d+)$/.exec(line)?.[1] ?? 0)))

  await t.reopen()
  // SQLite's file is checked whole; PostgreSQL's server rolls back what the dead process had begun
  // (the next save below shows nothing it held is still held).
  if (!t.postgres) {
    const [check] = await t.casebook.core.db.query('PRAGMA integrity_check')
    expect(check).toEqual({ integrity_check: 'ok' })
  }
  const pat = t.casebook.connect({ name: 'pat' })
  const draft = await pat.invoke('drafts.get', { key })
  expect(draft.ok).toBe(true)
  const saved = (draft as { value: { payload: { n: number; familyVoice: string } } }).value.payload
  // Every save the core had answered is on disk (it may have answered more that we had not read yet),
  // and the row is whole: its text and its number come from the same save.
  expect(saved.n).toBeGreaterThanOrEqual(acknowledged)
  expect(saved.familyVoice).toBe(`Grace said ${saved.n} things`)
  // And the database takes the next save: no lock of the killed core's is left behind.
  expect(await pat.invoke('drafts.save', { key, payload: { familyVoice: 'Grace said one more thing', n: saved.n + 1 } })).toMatchObject({ ok: true })
}, 60_000)
