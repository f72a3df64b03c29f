// Backups on their own, by the core's clock (moved by the test; the scheduler's tick is called
// directly, so nothing waits for a timer): due backupEveryHours after the last good one, the day's
// first sign-in, an unreachable folder warned about and tried again 10 minutes later while saves go on;
// what killed runs left is tidied as the app opens; a restore under way is waited for, never thrown at.
import { existsSync, mkdirSync, utimesSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { BackupOverview } from '../../shared/backup/schemas'
import { databaseControl, openCasebook } from '../core/casebook'
import { ALIVE_FOR_MS, alivePathFor, copyPathFor } from './folder'
import { oneRestoreAtATime } from './restore'
import { okaforFamily } from '../testing/fixtures'
import { signedInUser } from '../testing/accounts'
import { TEST_SCRYPT, tempCasebook, type TempCasebook } from '../testing/tempCasebook'

let t: TempCasebook
afterEach(async () => {
  await t.dispose()
})

const MINUTE = 60_000
const HOUR = 60 * MINUTE

/** A clock the test moves. */
function testClock(start: string) {
  let now = Date.parse(start)
  return { now: () => new Date(now), advance: (ms: number) => (now += ms) }
}

const runs = async () =>
  (await t.casebook.core.db.query('SELECT reason, status FROM backup_run ORDER BY started_at, rowid')) as { reason: string; status: string }[]

describe('the backup schedule', () => {
  it('takes one when none has been taken, then every backupEveryHours after the last good one', async () => {
    const clock = testClock('2026-03-10T09:00:00.000Z')
    t = await tempCasebook('schedule', { clock })
    const scheduler = t.casebook.core.backups.scheduler
    expect(await scheduler.tick()).toMatchObject({ reason: 'schedule', status: 'ok' })
    expect(await scheduler.tick()).toBeNull()
    clock.advance(2 * HOUR - MINUTE)
    expect(await scheduler.tick()).toBeNull()
    clock.advance(MINUTE)
    expect(await scheduler.tick()).toMatchObject({ reason: 'schedule', status: 'ok' })
    // Any good backup counts: one an administrator took resets the wait.
    clock.advance(HOUR)
    await t.ok('backup.start', {})
    await t.casebook.core.backups.whenIdle()
    clock.advance(HOUR + MINUTE)
    expect(await scheduler.tick()).toBeNull()
    clock.advance(HOUR)
    expect(await scheduler.tick()).toMatchObject({ status: 'ok' })
    expect(await runs()).toEqual([
      { reason: 'schedule', status: 'ok' },
      { reason: 'schedule', status: 'ok' },
      { reason: 'command', status: 'ok' },
      { reason: 'schedule', status: 'ok' }
    ])
  })

  it('takes one at the day’s first sign-in (England’s day), without the sign-in waiting for it', async () => {
    // 23:30 UTC on 30 March is 00:30 on the 31st in England (summer time).
    const clock = testClock('2026-03-30T23:30:00.000Z')
    t = await tempCasebook('schedule', { clock })
    await signedInUser(t, 'practitioner', 'practitioner')
    const scheduler = t.casebook.core.backups.scheduler
    expect(await scheduler.signInBackup()).toMatchObject({ reason: 'sign-in', status: 'ok' })
    clock.advance(HOUR)
    expect(await scheduler.signInBackup()).toBeNull()
    clock.advance(22 * HOUR + 29 * MINUTE) // 23:59 in England
    expect(await scheduler.signInBackup()).toBeNull()
    clock.advance(2 * MINUTE) // 00:01 the next day
    expect(await scheduler.signInBackup()).toMatchObject({ reason: 'sign-in', status: 'ok' })

    // Through auth.signIn, on a core with the schedule on (as the app's is): the answer comes first.
    await t.casebook.close()
    clock.advance(24 * HOUR)
    t.casebook = await openCasebook({ databasePath: t.databasePath, clock, passwordCost: TEST_SCRYPT, scheduleBackups: true })
    expect(t.casebook.core.backups.scheduler.armed).toBe(true)
    const window = t.casebook.connect()
    const signedIn = await window.invoke('auth.signIn', { username: 'practitioner', password: 'a chosen passphrase' })
    expect(signedIn.ok).toBe(true)
    await expect.poll(async () => (await runs()).filter((r) => r.reason === 'sign-in' && r.status === 'ok').length).toBe(3)
    await t.casebook.close()
    // The timer goes with the core.
    expect(t.casebook.core.backups.scheduler.armed).toBe(false)
    t.casebook = await openCasebook({ databasePath: t.databasePath, clock, passwordCost: TEST_SCRYPT })
    expect(t.casebook.core.backups.scheduler.armed).toBe(false)
  })

  it('warns when the backup folder cannot be reached, tries again 10 minutes later, and saves go on', async () => {
    const clock = testClock('2026-03-10T09:00:00.000Z')
    t = await tempCasebook('schedule', { clock })
    const share = join(t.dir, 'share')
    t.casebook.core.backupSettings = { ...t.casebook.core.backupSettings, folder: share }
    const scheduler = t.casebook.core.backups.scheduler
    expect(await scheduler.tick()).toMatchObject({ status: 'failed', message: expect.stringMatching(/cannot be reached/) })
    const overview = await t.ok<BackupOverview>('backup.overview', {})
    expect(overview.warning).toMatch(/cannot be reached/)
    expect(scheduler.warning()).toBe(
      `The last automatic backup failed: The backup folder ${share} cannot be reached (it is not there, or the share is not connected). Ask IT to check backupFolder in the machine-wide config. Casebook keeps working, and tries again at 09:10.`
    )
    await t.ok('families.register', okaforFamily())
    clock.advance(9 * MINUTE)
    expect(await scheduler.tick()).toBeNull()
    clock.advance(MINUTE)
    expect(await scheduler.tick()).toMatchObject({ status: 'failed' })
    mkdirSync(share)
    clock.advance(10 * MINUTE)
    expect(await scheduler.tick()).toMatchObject({ status: 'ok' })
    expect(scheduler.warning()).toBeNull()
    expect((await t.ok<BackupOverview>('backup.overview', {})).warning).toBeNull()
    expect(await runs()).toEqual([
      { reason: 'schedule', status: 'failed' },
      { reason: 'schedule', status: 'failed' },
      { reason: 'schedule', status: 'ok' }
    ])
  })

  it('tidies what a killed run left as the app opens: its run recorded as failed, its plaintext copy removed at once', async () => {
    t = await tempCasebook('schedule')
    const id = '00000000-0000-4000-8000-00000000000c'
    await t.casebook.core.writes.run((m) =>
      m.query(`INSERT INTO backup_run (id, reason, status, started_at, folder, file_name) VALUES (?, 'schedule', 'running', ?, ?, ?)`, [
        id,
        '2026-01-01T00:00:00.000Z',
        join(t.dir, 'Backups'),
        'casebook-th-20260101t000000000z.cbbackup'
      ])
    )
    await t.casebook.close()
    const old = new Date(Date.now() - ALIVE_FOR_MS - MINUTE)
    // Its note names a live pid (another process's, after a restart), but nothing has touched it for over a minute.
    const leftBehind = [alivePathFor(t.databasePath, id), copyPathFor(t.databasePath, id), copyPathFor(t.databasePath, 'before-upgrade-killed')]
    writeFileSync(leftBehind[0]!, JSON.stringify({ pid: 1, runId: id }))
    for (const path of leftBehind.slice(1)) writeFileSync(path, 'SQLite format 3\0 plaintext')
    for (const path of leftBehind) utimesSync(path, old, old)
    t.casebook = await openCasebook({ databasePath: t.databasePath, passwordCost: TEST_SCRYPT, scheduleBackups: true })
    await expect.poll(() => leftBehind.filter((path) => existsSync(path))).toEqual([])
    await expect.poll(() => t.casebook.core.db.query(`SELECT status FROM backup_run WHERE id = ?`, [id])).toEqual([{ status: 'failed' }])
    // No backup was taken for it: the first look is still to come.
    expect(await runs()).toEqual([{ reason: 'schedule', status: 'failed' }])
  })

  it('takes no backup while one is being restored, and a look while the database is closed for the swap does not throw', async () => {
    t = await tempCasebook('schedule')
    const scheduler = t.casebook.core.backups.scheduler
    await oneRestoreAtATime(t.databasePath, async () => {
      expect(await scheduler.tick()).toBeNull()
      expect(await t.connection.invoke('backup.start', {})).toMatchObject({
        ok: false,
        error: { code: 'CONFLICT', message: expect.stringMatching(/^A backup is being restored/) }
      })
    })
    await databaseControl(t.casebook.core)!.replace(async () => {
      expect(await scheduler.tick()).toBeNull()
    })
    expect(await runs()).toEqual([])
    expect(await scheduler.tick()).toMatchObject({ status: 'ok' })
  })
})
