// A backup taken while a desk saves without a pause: it finishes, saves carry on while it runs, and it
// decrypts to one consistent moment of the database (integrity_check, foreign keys, every family whole,
// the audit chain verifies). How long a save waited beside a backup is measured by the benchmark
// (npm run bench: src/main/bench/backup.ts), not asserted here: a shared test machine's timings are noise.
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { BackupRun } from '../../shared/backup/schemas'
import { todayIso } from '../../shared/dates'
import { verifyAuditChain } from '../audit/verify'
import { openCasebook } from '../core/casebook'
import { FamilyGenerator } from '../seed/generator'
import { seedFamilies } from '../seed/seed'
import { tempCasebook, type TempCasebook } from '../testing/tempCasebook'
import { decryptFile, loadBackupKey } from './crypto'

let t: TempCasebook
beforeEach(async () => {
  t = await tempCasebook('backup-load')
})
afterEach(async () => {
  await t.dispose()
})

describe('a backup under load', () => {
  it('is one consistent moment of a database being saved to all the while', async () => {
    await seedFamilies(t.casebook, { families: 400, seed: 3 })
    const families = new FamilyGenerator(11, todayIso())
    let saving = true
    const saved: { at: number; ms: number }[] = []
    const writer = (async () => {
      while (saving) {
        const started = performance.now()
        const result = await t.connection.invoke('families.register', families.family())
        // Synthetic families now and then share a name and a date of birth: the duplicate check doing its job.
        if (!result.ok && result.error.code !== 'DUPLICATE_UNCONFIRMED') throw new Error(JSON.stringify(result.error))
        saved.push({ at: started, ms: performance.now() - started })
      }
    })()
    // Saves under way before the backup starts, and after it has ended.
    await expect.poll(() => saved.length).toBeGreaterThan(5)
    const began = performance.now()
    const started = await t.ok<BackupRun>('backup.start', {})
    await t.casebook.core.backups.whenIdle()
    const ended = performance.now()
    const count = saved.length
    await expect.poll(() => saved.length).toBeGreaterThan(count + 5)
    saving = false
    await writer

    const run = await t.ok<BackupRun>('backup.progress', { id: started.id })
    expect(run).toMatchObject({ status: 'ok', message: null })
    // Saves went on while it ran (each one started and answered within it).
    expect(saved.filter((s) => s.at >= began && s.at + s.ms <= ended).length).toBeGreaterThan(0)

    const copy = join(t.dir, 'restored.sqlite')
    await decryptFile(join(t.dir, 'Backups', run.fileName!), copy, loadBackupKey(t.casebook.core.backupSettings, t.databasePath, false))
    const restored = await openCasebook({ databasePath: copy, mode: 'readOnly' })
    try {
      const db = restored.core.db
      expect(await db.query('PRAGMA integrity_check')).toEqual([{ integrity_check: 'ok' }])
      expect(await db.query('PRAGMA foreign_key_check')).toEqual([])
      expect(await verifyAuditChain(db)).toMatchObject({ intact: true })
      // A moment between the first save and the last: every family in it is whole, as it was saved.
      const inCopy = (await db.query(
        'SELECT f.id, count(p.id) AS people FROM family f LEFT JOIN person p ON p.family_id = f.id GROUP BY f.id ORDER BY f.id'
      )) as {
        id: string
        people: number
      }[]
      const live = new Map(
        (
          (await t.casebook.core.db.query('SELECT f.id, count(p.id) AS people FROM family f LEFT JOIN person p ON p.family_id = f.id GROUP BY f.id')) as {
            id: string
            people: number
          }[]
        ).map((f) => [f.id, f.people])
      )
      expect(inCopy.length).toBeGreaterThan(400)
      expect(inCopy.length).toBeLessThan(live.size)
      expect(inCopy.filter((f) => live.get(f.id) !== f.people)).toEqual([])
    } finally {
      await restored.close()
    }
  })
})
